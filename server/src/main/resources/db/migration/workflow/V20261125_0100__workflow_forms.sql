-- Workflow forms: a form has a draft (editable) and published versions 1..n that never change; uploaded files
-- are stored on disk under the data directory, their metadata here. Permissions of the form designer.

create table workflow_form (
    form_key          varchar(64)  primary key,
    name_zh           varchar(200) not null,
    name_en           varchar(200) not null,
    owner_org_unit_id uuid,                          -- identity org unit (by id, no foreign key across modules)
    draft             jsonb        not null,         -- {"schema": …, "layout": …}
    latest_version    int          not null default 0,
    created_at        timestamptz  not null default now(),
    created_by        uuid,
    updated_at        timestamptz  not null default now(),
    updated_by        uuid
);
create index workflow_form_owner_idx on workflow_form (owner_org_unit_id);

create table workflow_form_version (
    form_key          varchar(64)  not null references workflow_form (form_key),
    version           int          not null,
    name_zh           varchar(200) not null,
    name_en           varchar(200) not null,
    definition        jsonb        not null,
    published_at      timestamptz  not null default now(),
    published_by      uuid,
    primary key (form_key, version)
);

create table workflow_file (
    id             uuid         primary key,
    name           varchar(255) not null,
    size           bigint       not null,
    content_type   varchar(128) not null,
    sha256         char(64)     not null,
    storage_path   varchar(255) not null,
    uploaded_by    uuid         not null,
    uploaded_at    timestamptz  not null default now(),
    referenced_at  timestamptz                      -- set when accepted in form data; null = orphan candidate
);
create index workflow_file_orphan_idx on workflow_file (uploaded_at) where referenced_at is null;

insert into identity_role (code, name, name_en, description, built_in) values
  ('PROCESS_DESIGNER', '流程管理员', 'Process designer', 'Designs and publishes forms and processes of the BPM platform', true)
on conflict (code) do nothing;

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'workflow:form:read'),
  ('PLATFORM_ADMIN', 'workflow:form:write'),
  ('PLATFORM_ADMIN', 'workflow:form:publish'),
  ('PROCESS_DESIGNER', 'workflow:form:read'),
  ('PROCESS_DESIGNER', 'workflow:form:write'),
  ('PROCESS_DESIGNER', 'workflow:form:publish')
on conflict do nothing;
