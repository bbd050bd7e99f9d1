-- Identity: the password policy as administrators set it on the policies page. One row at most;
-- without it the policy is the configuration's (onecampus.identity.password.*).

create table identity_password_policy (
    id            smallint primary key default 1 check (id = 1),
    min_length    int not null,
    max_length    int not null,
    min_classes   int not null,
    history       int not null,
    max_age_days  int not null,
    min_score     int not null,
    weak_score    int not null,
    version       int not null default 1,
    updated_at    timestamptz not null default now(),
    updated_by    uuid
);

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'identity:policy:read'),
  ('PLATFORM_ADMIN', 'identity:policy:write'),
  ('SECURITY_OFFICER', 'identity:policy:read');
