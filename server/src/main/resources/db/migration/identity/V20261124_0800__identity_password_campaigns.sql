-- Identity: weak-password campaigns. An administrator tells the holders of weak accounts (all of
-- them, or those in chosen org units with their sub-units) to change their password by a deadline,
-- with reminders before it; after the deadline the accounts still weak must change their password
-- at their next sign-in. The targets are fixed at launch so that progress is measured against them.

create table identity_password_campaign (
    id            uuid         primary key,
    title         varchar(200) not null,
    title_en      varchar(200) not null,
    notice        text         not null,
    all_weak      boolean      not null,          -- every weak account in the creator's scope
    scope_units   uuid[],                         -- the org units covered (subtrees expanded); null: whole university
    deadline      timestamptz  not null,
    reminder_days int[]        not null default '{}',
    status        varchar(16)  not null check (status in ('DRAFT', 'LAUNCHED', 'CLOSED', 'CANCELLED')),
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now(),
    launched_by   varchar(64),
    launched_at   timestamptz,
    closed_at     timestamptz,
    cancelled_by  varchar(64),
    cancelled_at  timestamptz
);
create index identity_password_campaign_due_idx on identity_password_campaign (deadline) where status = 'LAUNCHED';

-- The org units an administrator chose (for display); empty when all_weak.
create table identity_password_campaign_unit (
    campaign_id uuid not null references identity_password_campaign (id) on delete cascade,
    org_unit_id uuid not null references identity_org_unit (id),
    primary key (campaign_id, org_unit_id)
);

create table identity_password_campaign_target (
    campaign_id   uuid        not null references identity_password_campaign (id) on delete cascade,
    account_id    uuid        not null references identity_account (id) on delete cascade,
    person_id     uuid        not null,
    department_id uuid        references identity_org_unit (id),
    notified_at   timestamptz,
    reminders     int         not null default 0,
    forced_at     timestamptz,
    primary key (campaign_id, account_id)
);
create index identity_password_campaign_target_account_idx on identity_password_campaign_target (account_id);

-- One row per reminder round sent, so that a round goes out once whichever node runs the job.
create table identity_password_campaign_reminder (
    campaign_id uuid        not null references identity_password_campaign (id) on delete cascade,
    days_before int         not null,
    sent_at     timestamptz not null default now(),
    recipients  int         not null,
    primary key (campaign_id, days_before)
);

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'identity:password-report:manage'),
  ('SECURITY_OFFICER', 'identity:password-report:manage'),
  ('PEOPLE_ADMIN', 'identity:session:manage');
