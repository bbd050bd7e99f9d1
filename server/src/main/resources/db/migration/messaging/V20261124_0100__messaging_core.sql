-- Unified messaging: categories, templates, channel settings, messages (the outbox), recipients as
-- resolved at send time, one delivery per recipient and channel, and personal preferences.

create table messaging_category (
    code             varchar(64)  primary key,
    name             varchar(100) not null,
    name_en          varchar(100) not null,
    priority         varchar(16)  not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    mandatory        boolean      not null default false,
    default_channels varchar(32)[] not null
);

create table messaging_template (
    code          varchar(64)  not null,
    channel       varchar(32)  not null,  -- a channel id, or 'default' for every channel without its own
    locale        varchar(8)   not null check (locale in ('zh-CN', 'en-US')),
    category_code varchar(64)  not null references messaging_category (code),
    title         varchar(200) not null,
    body          text         not null,
    updated_at    timestamptz  not null default now(),
    primary key (code, channel, locale)
);

create table messaging_channel_setting (
    channel          varchar(32) primary key,
    enabled          boolean     not null default false,
    settings         jsonb       not null default '{}',  -- plain settings
    secrets          text,                               -- AES-GCM (FieldCipher) of a JSON object
    rate_per_second  integer     not null default 20 check (rate_per_second between 1 and 10000),
    updated_at       timestamptz not null default now()
);

create table messaging_message (
    id               uuid         primary key,
    sender           varchar(128) not null,
    idempotency_key  varchar(128),
    request_hash     varchar(64)  not null,
    category_code    varchar(64)  not null references messaging_category (code),
    template_code    varchar(64),
    title            varchar(200),
    body             text,
    variables        jsonb,
    recipient_count  integer      not null,
    created_at       timestamptz  not null default now(),
    unique (sender, idempotency_key)
);

create table messaging_recipient (
    message_id uuid        not null references messaging_message (id) on delete cascade,
    person_id  uuid        not null,
    username   varchar(64),
    locale     varchar(8)  not null,
    primary key (message_id, person_id)
);

create table messaging_delivery (
    id              bigserial    primary key,
    message_id      uuid         not null references messaging_message (id) on delete cascade,
    person_id       uuid         not null,
    username        varchar(64),
    channel         varchar(32)  not null,
    category_code   varchar(64)  not null,
    status          varchar(16)  not null check (status in ('QUEUED', 'SENT', 'FAILED', 'READ')),
    title           varchar(200) not null,
    body            text         not null,
    address         varchar(320),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    reason          varchar(1000),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    read_at         timestamptz,
    unique (message_id, person_id, channel)
);

create index messaging_delivery_due on messaging_delivery (channel, next_attempt_at) where status = 'QUEUED';
create index messaging_delivery_inbox on messaging_delivery (person_id, created_at desc) where channel = 'inapp';
create index messaging_delivery_log on messaging_delivery (created_at desc);
create index messaging_delivery_person on messaging_delivery (username);

create table messaging_preference (
    person_id     uuid          not null,
    category_code varchar(64)   not null references messaging_category (code) on delete cascade,
    channels      varchar(32)[] not null,
    primary key (person_id, category_code)
);

create table messaging_quiet_hours (
    person_id  uuid primary key,
    starts_at  time not null,
    ends_at    time not null,
    time_zone  varchar(64) not null default 'Asia/Shanghai'
);

insert into messaging_category (code, name, name_en, priority, mandatory, default_channels) values
  ('todo', '待办', 'To-do', 'NORMAL', false, '{inapp,email}'),
  ('result', '办理结果', 'Result', 'NORMAL', false, '{inapp,email}'),
  ('announcement', '通知公告', 'Announcement', 'NORMAL', false, '{inapp,email}'),
  ('security', '安全提醒', 'Security notice', 'URGENT', true, '{inapp,email}'),
  ('verification-code', '验证码', 'Verification code', 'URGENT', true, '{email,sms}');

insert into messaging_template (code, channel, locale, category_code, title, body) values
  ('verification-code', 'default', 'zh-CN', 'verification-code', '验证码', '您的验证码是 {{code}}，{{minutes}} 分钟内有效。如非本人操作，请忽略。'),
  ('verification-code', 'default', 'en-US', 'verification-code', 'Verification code', 'Your code is {{code}}; it expires in {{minutes}} minutes. Ignore this if you did not ask for it.'),
  ('new-device', 'default', 'zh-CN', 'security', '新设备登录提醒', '{{name}}，您的账号于 {{time}} 在新设备（{{device}}）上登录。如非本人操作，请立即修改密码。'),
  ('new-device', 'default', 'en-US', 'security', 'Sign-in from a new device', '{{name}}, your account signed in on a new device ({{device}}) at {{time}}. If this was not you, change your password now.'),
  ('todo-assigned', 'default', 'zh-CN', 'todo', '新待办：{{task}}', '您有一项新的待办事项「{{task}}」，请及时处理。'),
  ('todo-assigned', 'default', 'en-US', 'todo', 'New to-do: {{task}}', 'You have a new to-do "{{task}}". Please handle it soon.');

insert into messaging_channel_setting (channel, enabled, settings, rate_per_second) values ('inapp', true, '{}', 10000);
