-- Identity: second factors. A TOTP secret per account (encrypted with a key outside the database;
-- pending until the first code confirms it) and single-use recovery codes kept only as keyed digests.

create table identity_mfa_totp (
    account_id     uuid primary key references identity_account (id) on delete cascade,
    secret_cipher  text        not null,
    enabled        boolean     not null default false,
    last_used_step bigint      not null default 0,   -- no code is accepted twice
    created_at     timestamptz not null default now(),
    confirmed_at   timestamptz
);

create table identity_mfa_recovery_code (
    id          bigserial primary key,
    account_id  uuid        not null references identity_account (id) on delete cascade,
    code_digest varchar(64) not null,
    used_at     timestamptz
);
create index identity_mfa_recovery_code_account_idx on identity_mfa_recovery_code (account_id);
