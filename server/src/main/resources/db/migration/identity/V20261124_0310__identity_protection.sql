-- Identity: brute-force protection shared by every node. Failed sign-ins (the login as typed, the
-- source address and its subnet) and the throttles placed on accounts, addresses and subnets.

create table identity_login_failure (
    id          bigserial primary key,
    occurred_at timestamptz not null default now(),
    login       varchar(64) not null,   -- lower-cased, as typed: unknown logins are throttled like known ones
    source_ip   varchar(64) not null,
    subnet      varchar(64) not null    -- /24 for IPv4, /64 for IPv6
);
create index identity_login_failure_login_idx on identity_login_failure (login, occurred_at);
create index identity_login_failure_ip_idx on identity_login_failure (source_ip, occurred_at);
create index identity_login_failure_subnet_idx on identity_login_failure (subnet, occurred_at);

create table identity_login_throttle (
    id            uuid primary key,
    kind          varchar(16)  not null,   -- ACCOUNT, SOURCE, SUBNET
    throttle_key  varchar(128) not null,
    reason        varchar(32)  not null,   -- FAILURES, CREDENTIAL_STUFFING
    failures      int          not null,
    accounts      int          not null default 0,
    blocked_until timestamptz  not null,
    updated_at    timestamptz  not null default now(),
    unique (kind, throttle_key)
);
create index identity_login_throttle_until_idx on identity_login_throttle (blocked_until);

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'identity:throttle:manage'),
  ('SECURITY_OFFICER', 'identity:throttle:manage'),
  ('PLATFORM_ADMIN', 'identity:password-report:read'),
  ('SECURITY_OFFICER', 'identity:password-report:read');
