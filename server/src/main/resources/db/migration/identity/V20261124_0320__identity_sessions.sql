-- Identity: where and with what each browser session was signed in, beside Spring Session's own
-- kernel_session row (joined by session_id; rows whose session ended are purged).

create table identity_session_device (
    session_id   char(36)     primary key,
    account_id   uuid         not null references identity_account (id) on delete cascade,
    ip           varchar(64),
    user_agent   varchar(300),
    signed_in_at timestamptz  not null default now()
);
create index identity_session_device_account_idx on identity_session_device (account_id);

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'identity:session:manage'),
  ('SECURITY_OFFICER', 'identity:session:manage');
