-- To-dos that campus systems push into the to-do centre through the REST API (client credentials,
-- scope hall.todo). One row per (system, its own id); the system withdraws a to-do by deleting it or
-- marks it done. The deep link is kept as pushed; open_url is where a signed-in browser goes so that
-- the system opens through single sign-on (CAS login with the link as service, or the OIDC app's link).

create table hall_external_todo (
    id              uuid          primary key,
    source_system   varchar(100)  not null,   -- the pushing client's id = its app code in the app registry
    external_id     varchar(200)  not null,   -- the system's own id of the to-do
    assignee_id     uuid          not null,   -- identity person
    assignee_ref    varchar(300)  not null,   -- how the system named the assignee: username:x, identifier:x, person:x
    title           varchar(300)  not null,
    title_en        varchar(300),
    applicant_name  varchar(100),             -- who the to-do is about, as the system shows it; may be null
    category        varchar(64),
    priority        varchar(16)   not null,   -- LOW, NORMAL, HIGH, URGENT
    deep_link       varchar(2000) not null,
    open_url        varchar(2100) not null,
    due_at          timestamptz,
    created_at      timestamptz   not null,   -- when the system created it
    status          varchar(16)   not null,   -- OPEN, DONE
    completed_at    timestamptz,
    pushed_at       timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    unique (source_system, external_id)
);
-- the to-do centre's open and done lists of one person, newest first
create index hall_external_todo_open_idx on hall_external_todo (assignee_id, created_at desc) where status = 'OPEN';
create index hall_external_todo_done_idx on hall_external_todo (assignee_id, completed_at desc) where status = 'DONE';
-- what one system pushed, newest first
create index hall_external_todo_source_idx on hall_external_todo (source_system, pushed_at desc);

-- Every member reads their own to-do centre.
insert into identity_role_permission (role_code, permission) values
  ('MEMBER', 'hall:todo:read'),
  ('PLATFORM_ADMIN', 'hall:todo:read');
