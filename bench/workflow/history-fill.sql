-- Fills a demo database with a large workflow history for bench/workflow-todo-p95.sh:
-- 1,000,000 finished instances (2 approvals each: 2,000,000 finished tasks, 4,000,000 trail entries,
-- 100,000 CC rows) and 10,000 running instances with one open task each, spread over 5,000 assignees
-- with hot ones (cou001: 300 open tasks, ~20,000 finished ones, ~1,000 CCs; nine others with 100 open).
-- Everything belongs to the process 'bench-history' (a copy of the demo process 'leave'), so
-- history-clear.sql removes it again. Run with psql -v ON_ERROR_STOP=1; takes minutes (tens of minutes on
-- a loaded machine). Each statement commits on its own; the lists' rows come first, the trail last.
\timing on
insert into workflow_process (key, name, owner_org_unit_id, admins, applicants, latest_version, created_by)
select 'bench-history', '{"zh-CN": "基准历史", "en-US": "Benchmark history"}', owner_org_unit_id, admins, applicants, 1, created_by
from workflow_process where key = 'leave';
insert into workflow_process_version (process_key, version, name, admins, applicants, model, bpmn_xml, nodes,
    engine_definition_id, published_by)
select 'bench-history', 1, '{"zh-CN": "基准历史", "en-US": "Benchmark history"}', admins, applicants, model, bpmn_xml, nodes,
    'bench-history:' || engine_definition_id, published_by
from workflow_process_version where process_key = 'leave' and version = 1;

create temporary table bench_assignee (n int primary key, person_id uuid not null);
insert into bench_assignee
select row_number() over (order by case a.username when 'cou001' then 0 when 'head001' then 1 when 'fac001' then 2 else 3 end,
                                   md5(a.username)), a.person_id
from identity_account a where a.enabled and not a.must_change_password
order by 1 limit 5000;

-- finished instances
insert into workflow_instance (id, process_key, version, applicant_id, status, form_data, started_at, ended_at)
select md5('bench-f-' || i)::uuid, 'bench-history', 1, ap.person_id, 'APPROVED',
       jsonb_build_object('reason', '基准历史数据 ' || i, 'days', 1 + i % 7),
       now() - make_interval(days => 1 + i % 730, secs => i % 86400), now() - make_interval(days => i % 730, secs => i % 86400)
from generate_series(1, 1000000) i join bench_assignee ap on ap.n = 1 + (i * 31 + 17) % 5000;

insert into workflow_task (id, instance_id, node_id, node_name, node_type, assignee_id, status, outcome, created_at, ended_at)
select 'bench-f-' || i || '-' || s, md5('bench-f-' || i)::uuid, case s when 1 then 'counsellor' else 'college_head' end,
       case s when 1 then '{"zh-CN": "辅导员审批", "en-US": "Counsellor approval"}'::jsonb
              else '{"zh-CN": "学院审批", "en-US": "College approval"}'::jsonb end,
       'APPROVER', a.person_id, 'DONE', 'APPROVED',
       now() - make_interval(days => 1 + i % 730, secs => i % 86400) + make_interval(hours => s),
       now() - make_interval(days => 1 + i % 730, secs => i % 86400) + make_interval(hours => s + 1)
from generate_series(1, 1000000) i cross join generate_series(1, 2) s
join bench_assignee a on a.n = case when s = 1 and i % 50 = 0 then 1
                                    when s = 1 then 1 + (i::bigint * 7919) % 5000 else 1 + (i::bigint * 104729 + 3) % 5000 end;

insert into workflow_cc (instance_id, person_id, node_id, created_at)
select md5('bench-f-' || i)::uuid, a.person_id, 'notify', now() - make_interval(days => i % 730, secs => i % 86400)
from generate_series(10, 1000000, 10) i
join bench_assignee a on a.n = case when i % 1000 = 0 then 1 else 1 + (i * 13) % 5000 end;

-- running instances, one open task each
insert into workflow_instance (id, process_key, version, applicant_id, status, form_data, started_at)
select md5('bench-r-' || i)::uuid, 'bench-history', 1, ap.person_id, 'RUNNING',
       jsonb_build_object('reason', '待审批 ' || i, 'days', 1 + i % 7), now() - make_interval(mins => i)
from generate_series(1, 10000) i join bench_assignee ap on ap.n = 1 + (i * 37 + 11) % 5000;
insert into workflow_task (id, instance_id, node_id, node_name, node_type, assignee_id, status, created_at)
select 'bench-r-' || i, md5('bench-r-' || i)::uuid, 'counsellor', '{"zh-CN": "辅导员审批", "en-US": "Counsellor approval"}',
       'APPROVER', a.person_id, 'OPEN', now() - make_interval(mins => i)
from generate_series(1, 10000) i
join bench_assignee a on a.n = case when i <= 300 then 1 when i <= 1200 then 2 + (i - 301) / 100
                                    else 11 + (i * 7) % 4990 end;
analyze workflow_instance;
analyze workflow_task;
analyze workflow_cc;

-- the audit trail (not read by the lists; here so that the database has its real size)
insert into workflow_action (instance_id, node_id, action, actor_id, data_snapshot, at)
select id, 'start', 'SUBMITTED', applicant_id, form_data, started_at
from workflow_instance where process_key = 'bench-history' and status = 'RUNNING';

insert into workflow_action (instance_id, task_id, node_id, action, actor_id, comment, data_snapshot, at)
select i.id, t.id, t.node_id, 'APPROVED', t.assignee_id, '同意', i.form_data, t.ended_at
from workflow_task t join workflow_instance i on i.id = t.instance_id where i.process_key = 'bench-history' and i.status = 'APPROVED';
insert into workflow_action (instance_id, node_id, action, actor_id, data_snapshot, at)
select id, 'start', 'SUBMITTED', applicant_id, form_data, started_at from workflow_instance
where process_key = 'bench-history' and status = 'APPROVED'
union all
select id, 'end', 'APPROVED_END', null, form_data, ended_at from workflow_instance
where process_key = 'bench-history' and status = 'APPROVED';

analyze workflow_action;
-- the mark bench/workflow-todo-p95.sh looks for: the fill is complete
update workflow_process set updated_at = timestamptz '2000-01-01 00:00:00+00' where key = 'bench-history';
