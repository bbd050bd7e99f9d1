-- Removes what history-fill.sql added (and its rollup rows) from the demo database.
\timing on
set session_replication_role = replica;
delete from hall_evaluation where service_code like 'bench-hall-%';
delete from hall_application where service_code like 'bench-hall-%';
delete from hall_stat_day where service_code like 'bench-hall-%';
delete from hall_stat_dirty where service_code like 'bench-hall-%';
delete from hall_service_usage where service_code like 'bench-hall-%';
delete from hall_service where code like 'bench-hall-%';
reset session_replication_role;
