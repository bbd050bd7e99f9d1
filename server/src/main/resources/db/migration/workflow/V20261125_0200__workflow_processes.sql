-- Processes (draft + published versions), their running instances, our projection of the open and
-- finished tasks (the to-do and done lists read it, not Flowable's tables), the CC recipients and
-- the audit trail of every action. Flowable keeps its own ACT_* tables (created by the engine).

create table workflow_process (
    key                varchar(64)  primary key,
    name               jsonb        not null,             -- {"zh-CN": "...", "en-US": "..."}
    owner_org_unit_id  uuid,
    admins             jsonb        not null default '[]', -- person ids
    applicants         jsonb        not null default '{}', -- {"affiliationTypes": [], "roles": [], "orgUnits": []}
    form_key           varchar(64),
    form_version       int,
    draft_model        jsonb,                              -- the simple model, or null
    draft_bpmn         text,                               -- raw BPMN XML from bpmn-js, or null
    latest_version     int          not null default 0,
    created_by         uuid,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now()
);

create table workflow_process_version (
    process_key           varchar(64)  not null references workflow_process (key),
    version               int          not null,
    name                  jsonb        not null,
    admins                jsonb        not null,
    applicants            jsonb        not null,
    form_key              varchar(64),
    form_version          int,
    model                 jsonb,
    source_bpmn           text,
    bpmn_xml              text         not null,            -- what the engine runs
    nodes                 jsonb        not null default '{}', -- node id -> {type, name, config}
    engine_definition_id  varchar(64)  not null unique,
    published_by          uuid,
    published_at          timestamptz  not null default now(),
    primary key (process_key, version)
);

create table workflow_instance (
    id                  uuid         primary key,
    process_key         varchar(64)  not null,
    version             int          not null,
    engine_instance_id  varchar(64)  unique,
    applicant_id        uuid         not null,
    status              varchar(16)  not null,  -- RUNNING, SUSPENDED, APPROVED, REJECTED, WITHDRAWN, TERMINATED
    form_data           jsonb        not null default '{}',
    idempotency_key     varchar(200),
    started_at          timestamptz  not null default now(),
    ended_at            timestamptz,
    foreign key (process_key, version) references workflow_process_version (process_key, version)
);
create unique index workflow_instance_idempotency_uq on workflow_instance (applicant_id, idempotency_key)
    where idempotency_key is not null;
create index workflow_instance_applicant_idx on workflow_instance (applicant_id, started_at desc);
create index workflow_instance_process_idx on workflow_instance (process_key, started_at desc);

-- One row per engine task (one per person on multi-person nodes).
create table workflow_task (
    id           varchar(64)  primary key,   -- Flowable's task id
    instance_id  uuid         not null references workflow_instance (id),
    node_id      varchar(64)  not null,
    node_name    jsonb        not null,
    node_type    varchar(16)  not null,      -- APPROVER, HANDLER
    assignee_id  uuid         not null,
    status       varchar(16)  not null,      -- OPEN, DONE, CANCELLED
    outcome      varchar(32),                -- APPROVED, REJECTED, AUTO_APPROVED, WITHDRAWN, ...
    created_at   timestamptz  not null default now(),
    ended_at     timestamptz
);
-- The to-do list: open tasks of one person, newest first; the done list: finished tasks of one person.
create index workflow_task_todo_idx on workflow_task (assignee_id, created_at desc, id) where status = 'OPEN';
create index workflow_task_done_idx on workflow_task (assignee_id, ended_at desc, id) where status = 'DONE';
create index workflow_task_instance_idx on workflow_task (instance_id);

create table workflow_cc (
    instance_id  uuid         not null references workflow_instance (id),
    person_id    uuid         not null,
    node_id      varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    primary key (instance_id, person_id)
);
create index workflow_cc_person_idx on workflow_cc (person_id, created_at desc);

-- Approvers chosen at submit (by the applicant) or on approval (by the previous approver), per node.
create table workflow_choice (
    instance_id  uuid         not null references workflow_instance (id),
    node_id      varchar(64)  not null,
    person_ids   jsonb        not null,
    chosen_by    uuid         not null,
    primary key (instance_id, node_id)
);

-- The audit trail of an instance: every action with its actor, time, comment and the form data then.
create table workflow_action (
    id             bigserial    primary key,
    instance_id    uuid         not null references workflow_instance (id),
    task_id        varchar(64),
    node_id        varchar(64),
    action         varchar(32)  not null,   -- SUBMITTED, APPROVED, REJECTED, AUTO_APPROVED, CC, WITHDRAWN, ...
    actor_id       uuid,                    -- null: the system
    comment        text,
    attachments    jsonb        not null default '[]',
    data_snapshot  jsonb,
    details        jsonb        not null default '{}',
    at             timestamptz  not null default now()
);
create index workflow_action_instance_idx on workflow_action (instance_id, id);
create index workflow_action_actor_idx on workflow_action (actor_id, instance_id) where actor_id is not null;

-- Permissions: every member acts on their own tasks and may start processes they are allowed to;
-- process designers and platform administrators design, publish and administer processes.
insert into identity_role (code, name, name_en, description, built_in) values
  ('PROCESS_DESIGNER', '流程管理员', 'Process designer', 'Designs, publishes and administers forms and processes', true)
  on conflict (code) do nothing;

insert into identity_role_permission (role_code, permission) values
  ('MEMBER', 'workflow:task:read'),
  ('MEMBER', 'workflow:instance:start'),
  ('PLATFORM_ADMIN', 'workflow:task:read'),
  ('PLATFORM_ADMIN', 'workflow:instance:start'),
  ('PLATFORM_ADMIN', 'workflow:process:read'),
  ('PLATFORM_ADMIN', 'workflow:process:write'),
  ('PLATFORM_ADMIN', 'workflow:process:publish'),
  ('PLATFORM_ADMIN', 'workflow:process:admin'),
  ('PROCESS_DESIGNER', 'workflow:process:read'),
  ('PROCESS_DESIGNER', 'workflow:process:write'),
  ('PROCESS_DESIGNER', 'workflow:process:publish'),
  ('PROCESS_DESIGNER', 'workflow:process:admin')
  on conflict do nothing;
