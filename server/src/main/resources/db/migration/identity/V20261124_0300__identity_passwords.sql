-- Identity: password policy state (when a password was set, earlier hashes for the reuse check) and
-- the weak-password governance score taken at each successful sign-in (the password itself is never kept).

alter table identity_account add column password_changed_at timestamptz;
alter table identity_account add column password_score      smallint;      -- zxcvbn 0..4 at the last sign-in
alter table identity_account add column password_weak       boolean;       -- below the policy at the last sign-in
alter table identity_account add column password_scored_at  timestamptz;
create index identity_account_weak_idx on identity_account (password_weak) where password_weak;

create table identity_password_history (
    id            bigserial primary key,
    account_id    uuid         not null references identity_account (id) on delete cascade,
    password_hash varchar(255) not null,
    replaced_at   timestamptz  not null default now()
);
create index identity_password_history_account_idx on identity_password_history (account_id, replaced_at desc);
