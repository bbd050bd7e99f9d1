-- Self-registration of visitors and parents. A request starts with a phone number and an SMS code;
-- as with password resets only an HMAC of the code stays, its encrypted copy is handed to the
-- messaging module once. A request for a phone that already belongs to a campus (non-guest) account
-- is stored as a decoy (no code is sent, none ever works), so the answer never tells who has an account.
create table identity_self_registration (
    id             uuid         primary key,
    phone          varchar(32)  not null,
    decoy          boolean      not null default false,
    code_hash      varchar(64)  not null,
    code_cipher    varchar(255),
    attempts       int          not null default 0,
    ip             varchar(64),
    subnet         varchar(64),
    id_card_digest varchar(64),             -- set when the registration is completed or refused
    created_at     timestamptz  not null default now(),
    expires_at     timestamptz  not null,
    verified_at    timestamptz,
    used_at        timestamptz,             -- burned, or completed
    outcome        varchar(16)              -- CREATED, RENEWED, REFUSED
);

create index identity_self_registration_phone on identity_self_registration (phone, created_at);
create index identity_self_registration_ip on identity_self_registration (ip, created_at);
create index identity_self_registration_subnet on identity_self_registration (subnet, created_at);
create index identity_self_registration_id_card on identity_self_registration (id_card_digest, created_at);

-- The child a parent named when registering. child_person_id is set only when the 学号 and the name
-- matched a current student; the registrant is never told whether it did.
create table identity_guardian_link (
    id                 uuid         primary key,
    parent_person_id   uuid         not null references identity_person (id),
    claimed_identifier varchar(64)  not null,
    child_person_id    uuid         references identity_person (id),
    created_at         timestamptz  not null default now()
);

create index identity_guardian_link_parent on identity_guardian_link (parent_person_id);
create index identity_guardian_link_child on identity_guardian_link (child_person_id);
