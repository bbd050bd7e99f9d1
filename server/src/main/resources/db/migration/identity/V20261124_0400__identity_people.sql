-- People and organisation administration: affiliation lifecycle bookkeeping, a department-scoped
-- people administrator role and the permissions of the people, org and position pages.

alter table identity_affiliation add column successor_id uuid references identity_affiliation (id);
alter table identity_affiliation add column updated_at timestamptz not null default now();
comment on column identity_affiliation.successor_id is
  'For GRADUATED: the ALUMNUS affiliation created when the grace period ended';
create index identity_affiliation_lifecycle_idx on identity_affiliation (status, end_date);
create index identity_affiliation_identifier_lower_idx on identity_affiliation (lower(identifier));

insert into identity_role (code, name, name_en, description) values
  ('PEOPLE_ADMIN', '人员管理员', 'People administrator',
   'Manages people, affiliations, org units and positions; grant it with a scope org unit for a department administrator');

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'identity:person:manage'),
  ('PLATFORM_ADMIN', 'identity:person:reveal-id'),
  ('PLATFORM_ADMIN', 'identity:org:read'),
  ('PLATFORM_ADMIN', 'identity:org:manage'),
  ('PEOPLE_ADMIN', 'identity:person:read'),
  ('PEOPLE_ADMIN', 'identity:person:manage'),
  ('PEOPLE_ADMIN', 'identity:org:read'),
  ('PEOPLE_ADMIN', 'identity:org:manage');
