-- Removes what history-fill.sql added (the process 'bench-history' and everything under it).
\timing on
begin;
delete from workflow_action where instance_id in (select id from workflow_instance where process_key = 'bench-history');
delete from workflow_cc where instance_id in (select id from workflow_instance where process_key = 'bench-history');
delete from workflow_choice where instance_id in (select id from workflow_instance where process_key = 'bench-history');
delete from workflow_task where instance_id in (select id from workflow_instance where process_key = 'bench-history');
delete from workflow_instance where process_key = 'bench-history';
-- rows the retention job (WorkflowArchiving) moved to the archive tables
delete from workflow_action_archive where instance_id in (select id from workflow_instance_archive where process_key = 'bench-history');
delete from workflow_cc_archive where instance_id in (select id from workflow_instance_archive where process_key = 'bench-history');
delete from workflow_choice_archive where instance_id in (select id from workflow_instance_archive where process_key = 'bench-history');
delete from workflow_task_archive where instance_id in (select id from workflow_instance_archive where process_key = 'bench-history');
delete from workflow_instance_archive where process_key = 'bench-history';
delete from workflow_process_version where process_key = 'bench-history';
delete from workflow_process where key = 'bench-history';
commit;
