-- Kernel: the hash-chained audit log, browser sessions shared by all nodes, and the module-event
-- publication registry (Spring Modulith, schema v2) so that no module event is lost.

create table kernel_audit_event (
    id          bigserial primary key,
    occurred_at timestamptz  not null,
    actor       varchar(128),
    action      varchar(128) not null,
    target      varchar(512),
    details     text,          -- JSON, hashed exactly as stored
    ip          varchar(64),
    trace_id    varchar(64),
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
create index kernel_audit_event_time_idx on kernel_audit_event (occurred_at);
create index kernel_audit_event_actor_idx on kernel_audit_event (actor, occurred_at);
create index kernel_audit_event_action_idx on kernel_audit_event (action, occurred_at);

-- Append-only: the application never updates or deletes audit rows. Whoever disables this trigger
-- (a superuser) still cannot hide an edit: the hash chain breaks and verification reports it.
create function kernel_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'kernel_audit_event is append-only';
end;
$$;
create trigger kernel_audit_event_append_only
    before update or delete on kernel_audit_event
    for each row execute function kernel_audit_refuse_change();
create trigger kernel_audit_event_no_truncate
    before truncate on kernel_audit_event
    for each statement execute function kernel_audit_refuse_change();

create table kernel_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint kernel_session_pk primary key (primary_id)
);
create unique index kernel_session_ix1 on kernel_session (session_id);
create index kernel_session_ix2 on kernel_session (expiry_time);
create index kernel_session_ix3 on kernel_session (principal_name);

create table kernel_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint kernel_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint kernel_session_attributes_fk foreign key (session_primary_id)
        references kernel_session (primary_id) on delete cascade
);

create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table kernel_setting (
    key        varchar(128) primary key,
    value      text        not null,
    updated_at timestamptz not null default now()
);
