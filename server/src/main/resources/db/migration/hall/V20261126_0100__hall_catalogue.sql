-- The service hall's core: categories, service items (the catalogue), applications (one per submitted
-- workflow instance started from an item) and their evaluations (好差评). Favourites, drafts, usage,
-- external to-dos, statistics and templates add their own tables in later migrations.

create table hall_category (
    code        varchar(32)  primary key,
    name        jsonb        not null,            -- {"zh-CN": "...", "en-US": "..."}
    icon        varchar(64),
    sort_order  int          not null default 0
);

insert into hall_category (code, name, icon, sort_order) values
  ('teaching',  '{"zh-CN": "教学服务", "en-US": "Teaching"}',            'Reading',      10),
  ('research',  '{"zh-CN": "科研服务", "en-US": "Research"}',            'DataAnalysis', 20),
  ('personnel', '{"zh-CN": "人事服务", "en-US": "Personnel"}',           'User',         30),
  ('finance',   '{"zh-CN": "财务服务", "en-US": "Finance"}',             'Money',        40),
  ('assets',    '{"zh-CN": "资产与实验室", "en-US": "Assets and labs"}', 'Box',          50),
  ('student',   '{"zh-CN": "学生事务", "en-US": "Student affairs"}',     'School',       60),
  ('life',      '{"zh-CN": "生活服务", "en-US": "Campus life"}',         'House',        70),
  ('it',        '{"zh-CN": "信息化服务", "en-US": "IT services"}',       'Monitor',      80),
  ('admin',     '{"zh-CN": "综合行政", "en-US": "Administration"}',      'OfficeBuilding', 90),
  ('security',  '{"zh-CN": "安全保卫", "en-US": "Campus security"}',     'Lock',         100);

create table hall_service (
    code               varchar(64)  primary key check (code ~ '^[a-z][a-z0-9-]{2,63}$'),
    name               jsonb        not null,
    summary            jsonb        not null default '{}',
    category_code      varchar(32)  not null references hall_category (code),
    owner_org_unit_id  uuid         not null,              -- identity org unit: the department that owns it
    co_org_unit_ids    jsonb        not null default '[]', -- co-handling departments (org unit ids)
    audience           jsonb        not null default '{}', -- {"affiliationTypes": [], "roles": [], "orgUnits": [codes]}; empty: every member
    public_guide       boolean      not null default false, -- the guide may be browsed without signing in
    handling           varchar(16)  not null check (handling in ('ONLINE', 'OFFLINE', 'LINK')),
    process_key        varchar(64),                        -- ONLINE: the workflow process (its form comes with it)
    link_app_code      varchar(64),                        -- LINK: the SSO app (identity app registry)
    link_url           text,                               -- LINK: the deep link opened through the app's SSO
    guide              jsonb        not null default '{}', -- {"place": {..}, "hours": {..}, "contact": {..}, "steps": [{..}], "basis": {..}}
    materials          jsonb        not null default '[]', -- [{"name": {..}, "required": true, "copies": 1, "note": {..}}]
    fees               jsonb        not null default '{}', -- {"amount": 0, "note": {..}}; amount in CNY
    promised_days      int          check (promised_days is null or promised_days between 0 and 365),
    faq                jsonb        not null default '[]', -- [{"q": {..}, "a": {..}}]
    keywords           jsonb        not null default '[]', -- extra search words (zh and en)
    calendar_tags      jsonb        not null default '[]', -- academic-calendar moments it suits: enrolment, graduation, term-start, exams, holidays
    status             varchar(16)  not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'OFFLINE')),
    self_print         boolean      not null default false,
    sort_order         int          not null default 0,
    revision           int          not null default 0,    -- optimistic locking of admin edits
    created_by         uuid,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    published_at       timestamptz,
    check (handling <> 'ONLINE' or process_key is not null),
    check (handling <> 'LINK' or link_url is not null)
);
create index hall_service_owner_idx on hall_service (owner_org_unit_id);
create index hall_service_category_idx on hall_service (category_code, sort_order) where status = 'PUBLISHED';
create index hall_service_process_idx on hall_service (process_key) where process_key is not null;

-- One row per application submitted from an ONLINE item; the workflow instance holds the data and the steps.
create table hall_application (
    id                 uuid         primary key,
    service_code       varchar(64)  not null references hall_service (code),
    applicant_id       uuid         not null,
    instance_id        uuid         not null unique,       -- workflow instance
    owner_org_unit_id  uuid         not null,              -- the item's owner at submit (statistics by department)
    cross_department   boolean      not null default false, -- the item had co-handling departments at submit
    status             varchar(16)  not null,              -- RUNNING, RETURNED, SUSPENDED, APPROVED, REJECTED, WITHDRAWN, TERMINATED
    idempotency_key    varchar(200),
    return_count       int          not null default 0,    -- times returned to the applicant (one-time completion = 0)
    submitted_at       timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    ended_at           timestamptz
);
create unique index hall_application_idempotency_uq on hall_application (applicant_id, idempotency_key)
    where idempotency_key is not null;
create index hall_application_applicant_idx on hall_application (applicant_id, submitted_at desc, id);
create index hall_application_service_idx on hall_application (service_code, submitted_at);
create index hall_application_owner_idx on hall_application (owner_org_unit_id, submitted_at);

-- 好差评: one evaluation per completed application, by its applicant.
create table hall_evaluation (
    application_id  uuid         primary key references hall_application (id),
    service_code    varchar(64)  not null references hall_service (code),
    applicant_id    uuid         not null,
    stars           smallint     not null check (stars between 1 and 5),
    comment         varchar(1000),
    created_at      timestamptz  not null default now()
);
create index hall_evaluation_service_idx on hall_evaluation (service_code, created_at);

insert into identity_role (code, name, name_en, description, built_in) values
  ('SERVICE_ADMIN', '办事大厅管理员', 'Service hall administrator',
   'Manages service items and sees their statistics; grant it with a scope org unit for a department''s own items', true)
  on conflict (code) do nothing;

insert into identity_role_permission (role_code, permission) values
  ('MEMBER', 'hall:application:create'),
  ('MEMBER', 'hall:application:read'),
  ('PLATFORM_ADMIN', 'hall:application:create'),
  ('PLATFORM_ADMIN', 'hall:application:read'),
  ('PLATFORM_ADMIN', 'hall:service:manage'),
  ('PLATFORM_ADMIN', 'hall:statistics:read'),
  ('PLATFORM_ADMIN', 'hall:template:install'),
  ('SERVICE_ADMIN', 'hall:service:manage'),
  ('SERVICE_ADMIN', 'hall:statistics:read')
  on conflict do nothing;
