-- Roles granted to positions (a kind, optionally at one org unit) and to affiliation types, whether a
-- role is built in (cannot be deleted), and the permissions of the roles page and the access explanation.

alter table identity_role add column built_in boolean not null default false;
update identity_role set built_in = true;

create table identity_position_role (
    id                uuid        primary key,
    role_code         varchar(64) not null references identity_role (code) on delete cascade,
    position_kind     varchar(32) not null,
    org_unit_id       uuid references identity_org_unit (id),  -- null: that kind at any unit
    created_at        timestamptz not null default now()
);
create unique index identity_position_role_uq
    on identity_position_role (role_code, position_kind, coalesce(org_unit_id, '00000000-0000-0000-0000-000000000000'));
create index identity_position_role_kind_idx on identity_position_role (position_kind);

create table identity_affiliation_role (
    role_code        varchar(64) not null references identity_role (code) on delete cascade,
    affiliation_type varchar(32) not null,
    created_at       timestamptz not null default now(),
    primary key (role_code, affiliation_type)
);

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'identity:role:manage');
