-- Fills a demo database with the service hall's history for bench/hall-statistics-p95.sh: 120 published online
-- items (codes bench-hall-001 … 120, owned round-robin by the demo university's offices and colleges, every third
-- with co-handling departments, promised 1 … 10 working days) and 1,000,000 applications submitted over the last two
-- years (a few items take most of them, as in the annual report's TOP20), 84 % approved, 7 % rejected, 6 % withdrawn,
-- 3 % terminated, 18 % returned at least once, a third of the completed ones rated. The rollup triggers are switched
-- off for this session (session_replication_role = replica): the script's caller rebuilds the rollups afterwards
-- through the API, which is what the benchmark times. history-clear.sql removes everything again.
\timing on
select setseed(0.20261124);
set session_replication_role = replica;

create temporary table bench_unit (n int primary key, id uuid not null);
insert into bench_unit select row_number() over (order by code), id from identity_org_unit where type in ('OFFICE', 'COLLEGE');

insert into hall_service (code, name, summary, category_code, owner_org_unit_id, co_org_unit_ids, handling, process_key,
    promised_days, status, published_at)
select 'bench-hall-' || lpad(i::text, 3, '0'),
       jsonb_build_object('zh-CN', '基准事项 ' || i, 'en-US', 'Benchmark item ' || i), '{}',
       (array['teaching', 'research', 'personnel', 'finance', 'assets', 'student', 'life', 'it'])[1 + i % 8],
       u.id, case when i % 3 = 0 then jsonb_build_array(c.id) else '[]'::jsonb end, 'ONLINE', 'bench-history',
       1 + i % 10, 'PUBLISHED', now() - interval '2 years'
from generate_series(1, 120) i
join bench_unit u on u.n = 1 + i % (select count(*) from bench_unit)
join bench_unit c on c.n = 1 + (i + 7) % (select count(*) from bench_unit);

create temporary table bench_app as
select i, 1 + least(119, floor(120 * power(random(), 3))::int) as item,
       now() - random() * interval '730 days' as submitted_at,
       -- log-normal processing hours around a third of the promise (sum of uniforms ≈ normal)
       exp((random() + random() + random() + random() - 2) * 1.4) as factor,
       random() as outcome, random() as returned, random() as rated, random() as stars
from generate_series(1, 1000000) i;

insert into hall_application (id, service_code, applicant_id, instance_id, owner_org_unit_id, cross_department, status,
    return_count, submitted_at, updated_at, ended_at)
select md5('bench-hall-' || a.i)::uuid, s.code, md5('bench-hall-applicant-' || (a.i % 20000))::uuid,
       md5('bench-hall-instance-' || a.i)::uuid, s.owner_org_unit_id, jsonb_array_length(s.co_org_unit_ids) > 0,
       case when a.submitted_at + s.promised_days * 8.4 * a.factor * interval '1 hour' > now() then 'RUNNING'
            when a.outcome < 0.84 then 'APPROVED' when a.outcome < 0.91 then 'REJECTED'
            when a.outcome < 0.97 then 'WITHDRAWN' else 'TERMINATED' end,
       case when a.returned < 0.15 then 1 when a.returned < 0.18 then 2 else 0 end,
       a.submitted_at, a.submitted_at,
       case when a.submitted_at + s.promised_days * 8.4 * a.factor * interval '1 hour' > now() then null
            else a.submitted_at + s.promised_days * 8.4 * a.factor * interval '1 hour' end
from bench_app a join hall_service s on s.code = 'bench-hall-' || lpad(a.item::text, 3, '0');

insert into hall_evaluation (application_id, service_code, applicant_id, stars, comment, created_at)
select h.id, h.service_code, h.applicant_id,
       case when a.stars < 0.55 then 5 when a.stars < 0.8 then 4 when a.stars < 0.9 then 3 when a.stars < 0.95 then 2 else 1 end,
       case when a.stars < 0.3 then '办理很快，点赞' when a.stars > 0.9 then '等了好几天才有结果' end,
       least(now(), h.ended_at + interval '2 hours')
from hall_application h join bench_app a on h.id = md5('bench-hall-' || a.i)::uuid
where h.service_code like 'bench-hall-%' and h.status in ('APPROVED', 'REJECTED') and a.rated < 0.33;

reset session_replication_role;
analyze hall_application;
analyze hall_evaluation;
