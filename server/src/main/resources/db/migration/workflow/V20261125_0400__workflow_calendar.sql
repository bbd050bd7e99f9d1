-- Business calendars for node timers: working days are Monday to Friday unless an entry says
-- otherwise. Entries: HOLIDAY (a non-working date range), WORKDAY (调休: a weekend date that is
-- worked), TERM_BREAK (寒假/暑假: non-working only in calendars with term_breaks_off). A named
-- calendar also uses every entry of the default calendar (national holidays are kept once).
create table workflow_calendar (
    code             varchar(64)  primary key,
    name             jsonb        not null,             -- {"zh-CN": "...", "en-US": "..."}
    is_default       boolean      not null default false,
    term_breaks_off  boolean      not null default false, -- term breaks count as non-working days
    created_at       timestamptz  not null default now()
);
create unique index workflow_calendar_default_uq on workflow_calendar (is_default) where is_default;

create table workflow_calendar_entry (
    id             bigserial    primary key,
    calendar_code  varchar(64)  not null references workflow_calendar (code),
    kind           varchar(16)  not null check (kind in ('HOLIDAY', 'WORKDAY', 'TERM_BREAK')),
    start_date     date         not null,
    end_date       date         not null,
    name           varchar(100) not null,
    created_at     timestamptz  not null default now(),
    check (start_date <= end_date)
);
create index workflow_calendar_entry_idx on workflow_calendar_entry (calendar_code, start_date);

-- Timer state of an open task whose node has a timer: due times computed once, when the timer job
-- first sees the task (from the task's creation time on the node's calendar).
create table workflow_task_timer (
    task_id         varchar(64)  primary key references workflow_task (id),
    calendar_code   varchar(64)  not null,
    next_remind_at  timestamptz,                -- null: no (more) reminders
    deadline_at     timestamptz,                -- null: no deadline
    on_deadline     varchar(16),                -- AUTO_APPROVE, AUTO_REJECT, ESCALATE
    reminders_sent  int          not null default 0,
    state           varchar(16)  not null default 'ACTIVE', -- ACTIVE, DONE (deadline acted on / task closed)
    created_at      timestamptz  not null default now()
);
create index workflow_task_timer_due_idx on workflow_task_timer (least(next_remind_at, deadline_at)) where state = 'ACTIVE';

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'workflow:calendar:read'),
  ('PLATFORM_ADMIN', 'workflow:calendar:write'),
  ('PROCESS_DESIGNER', 'workflow:calendar:read'),
  ('PROCESS_DESIGNER', 'workflow:calendar:write')
  on conflict do nothing;

insert into workflow_calendar (code, name, is_default, term_breaks_off) values
  ('default', '{"zh-CN": "默认工作日历", "en-US": "Default business calendar"}', true, false)
  on conflict do nothing;
