-- Forgotten-password requests. A request for a login that matches no account is stored too (account_id
-- null), so it answers and fails exactly like a real one. The code is kept only as an HMAC; its
-- encrypted copy is handed to the messaging module once and then erased.
create table identity_password_reset (
    id           uuid         primary key,
    account_id   uuid         references identity_account (id) on delete cascade,
    channel      varchar(16)  not null check (channel in ('email', 'sms')),
    code_hash    varchar(64)  not null,
    code_cipher  varchar(255),
    attempts     int          not null default 0,
    ip           varchar(64),
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    used_at      timestamptz
);

create index identity_password_reset_account on identity_password_reset (account_id, created_at);
create index identity_password_reset_ip on identity_password_reset (ip, created_at);
