-- Identity: organisation tree, people, affiliations, positions, accounts, roles and permissions.

create table identity_org_unit (
    id          uuid primary key,
    code        varchar(64)  not null unique,
    name        varchar(200) not null,
    name_en     varchar(200),
    type        varchar(32)  not null,  -- UNIVERSITY, CAMPUS, COLLEGE, OFFICE, MAJOR, CLASS, RESEARCH_GROUP
    parent_id   uuid references identity_org_unit (id),
    campus_code varchar(64),
    valid_from  date         not null,
    valid_to    date,
    sort_order  int          not null default 0
);
create index identity_org_unit_parent_idx on identity_org_unit (parent_id);

create table identity_person (
    id                uuid primary key,
    name              varchar(100) not null,
    name_en           varchar(200),
    gender            char(1),                 -- M, F
    birth_date        date,
    phone             varchar(32),
    email             varchar(200),
    id_card_cipher    text,                    -- AES-GCM, key outside the database
    id_card_digest    varchar(64),             -- HMAC-SHA256 for exact-match search
    id_card_masked    varchar(32),
    created_at        timestamptz  not null default now()
);
create index identity_person_phone_idx on identity_person (phone);
create index identity_person_email_idx on identity_person (lower(email));
create index identity_person_id_card_idx on identity_person (id_card_digest);

create table identity_affiliation (
    id           uuid primary key,
    person_id    uuid        not null references identity_person (id),
    type         varchar(32) not null,  -- UNDERGRADUATE, POSTGRADUATE, PHD, FACULTY, STAFF, CONTRACTOR,
                                        -- VISITING_SCHOLAR, SERVICE_STAFF, VISITOR, ALUMNUS, PARENT
    identifier   varchar(64),           -- 学号 / 工号
    org_unit_id  uuid        not null references identity_org_unit (id),
    status       varchar(16) not null,  -- ACTIVE, SUSPENDED, LEFT, GRADUATED, EXPIRED
    start_date   date        not null,
    end_date     date,
    is_primary   boolean     not null default false
);
create index identity_affiliation_person_idx on identity_affiliation (person_id);
create index identity_affiliation_org_idx on identity_affiliation (org_unit_id);
create unique index identity_affiliation_identifier_uq on identity_affiliation (identifier) where identifier is not null;

create table identity_position (
    id                uuid primary key,
    person_id         uuid        not null references identity_person (id),
    org_unit_id       uuid        not null references identity_org_unit (id),
    kind              varchar(32) not null,  -- HEAD, DEPUTY_HEAD, COUNSELLOR, CLASS_ADVISOR, SUPERVISOR, OFFICE_STAFF
    subject_person_id uuid references identity_person (id),  -- for SUPERVISOR: the supervised student
    start_date        date        not null,
    end_date          date
);
create index identity_position_person_idx on identity_position (person_id);
create index identity_position_org_idx on identity_position (org_unit_id, kind);
create index identity_position_subject_idx on identity_position (subject_person_id);

create table identity_account (
    id                   uuid primary key,
    person_id            uuid         not null unique references identity_person (id),
    username             varchar(64)  not null unique,
    password_hash        varchar(255) not null,
    enabled              boolean      not null default true,
    must_change_password boolean      not null default false,
    locale               varchar(16),             -- preferred UI language (zh-CN, en-US); null: browser's
    created_at           timestamptz  not null default now(),
    last_login_at        timestamptz
);

create table identity_role (
    code        varchar(64) primary key,
    name        varchar(100) not null,
    name_en     varchar(100) not null,
    description varchar(500)
);

create table identity_role_permission (
    role_code  varchar(64)  not null references identity_role (code) on delete cascade,
    permission varchar(128) not null,
    primary key (role_code, permission)
);

create table identity_account_role (
    account_id         uuid        not null references identity_account (id) on delete cascade,
    role_code          varchar(64) not null references identity_role (code),
    scope_org_unit_id  uuid references identity_org_unit (id),  -- null: whole university
    primary key (account_id, role_code)
);

-- The built-in roles. Permissions are `module:resource:action` strings; nothing is allowed unless listed.
insert into identity_role (code, name, name_en, description) values
  ('PLATFORM_ADMIN', '平台管理员', 'Platform administrator', 'Administers the whole platform'),
  ('SECURITY_OFFICER', '安全管理员', 'Security officer', 'Reads the audit log and verifies its chain'),
  ('MEMBER', '校园成员', 'Campus member', 'Every signed-in person');

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'kernel:audit:read'),
  ('PLATFORM_ADMIN', 'kernel:audit:verify'),
  ('PLATFORM_ADMIN', 'kernel:ops:read'),
  ('PLATFORM_ADMIN', 'identity:person:read'),
  ('SECURITY_OFFICER', 'kernel:audit:read'),
  ('SECURITY_OFFICER', 'kernel:audit:verify'),
  ('MEMBER', 'identity:me:read');
