-- History retention (docs/admin-guide.md §Workflow history retention and archiving): instances that ended
-- more than onecampus.workflow.archive.after-months ago are moved, with their tasks, trail, CC rows and
-- approver choices, from the live tables into these archive tables by WorkflowArchiving (nightly, one node
-- at a time under an advisory lock). The live tables, their indexes and the lists people use stay the size of
-- the retention window; the applicant still reads an archived instance through GET /api/v1/workflow/instances/{id}.
--
-- Each archive table has the live table's columns in the same order (the job moves rows with
-- "insert into x_archive select * from (delete from x … returning *)"), plus archived_at on the instance.
-- A migration that adds a column to a live table must add it to its archive table too
-- (WorkflowArchivingIntegrationTests checks that the columns match).
create table workflow_instance_archive (like workflow_instance including defaults);
alter table workflow_instance_archive add column archived_at timestamptz not null default now();
alter table workflow_instance_archive add primary key (id);
create index workflow_instance_archive_applicant_idx on workflow_instance_archive (applicant_id, ended_at desc);

create table workflow_task_archive (like workflow_task including defaults);
alter table workflow_task_archive add primary key (id);
create index workflow_task_archive_instance_idx on workflow_task_archive (instance_id);

create table workflow_action_archive (like workflow_action);
alter table workflow_action_archive add primary key (id);
create index workflow_action_archive_instance_idx on workflow_action_archive (instance_id, id);

create table workflow_cc_archive (like workflow_cc including defaults);
alter table workflow_cc_archive add primary key (instance_id, person_id);

create table workflow_choice_archive (like workflow_choice including defaults);
alter table workflow_choice_archive add primary key (instance_id, node_id);

-- The job looks for ended instances in end-time order.
create index workflow_instance_ended_idx on workflow_instance (ended_at) where ended_at is not null;
