-- Statistics of the service hall: daily rollups per item, day and owning department, kept up to date from a queue
-- of dirty (item, day) pairs that triggers on hall_application and hall_evaluation fill. The dashboard reads only
-- the rollups (and hall_service); hall.internal.statistics.Rollups drains the queue and rebuilds everything.
--
-- Days are Asia/Shanghai dates. A row counts:
--   submitted / cross_submitted        applications submitted that day (of them: the item had co-handling departments)
--   ended, approved … terminated       applications that ended that day, by outcome
--   completed                          of them APPROVED or REJECTED (办结: handled to a decision)
--   one_time                           completed without any return to the applicant (一次办结)
--   duration_sum                       seconds from submission to end, summed over completed ones
--   h00 … h63                          completed ones per processing-time bucket (log scale, see Rollups.BUCKETS)
--   promised / breaches                completed ones of items with a promised time / of them over it (working days)
--   rating_count, rating_sum, s1 … s5  evaluations (好差评) made that day, by stars
create table hall_stat_day (
    service_code       varchar(64)  not null,
    day                date         not null,
    owner_org_unit_id  uuid         not null,
    submitted          int          not null default 0,
    cross_submitted    int          not null default 0,
    ended              int          not null default 0,
    approved           int          not null default 0,
    rejected           int          not null default 0,
    withdrawn          int          not null default 0,
    terminated         int          not null default 0,
    completed          int          not null default 0,
    one_time           int          not null default 0,
    duration_sum       bigint       not null default 0,
    h00 int not null default 0,
    h01 int not null default 0,
    h02 int not null default 0,
    h03 int not null default 0,
    h04 int not null default 0,
    h05 int not null default 0,
    h06 int not null default 0,
    h07 int not null default 0,
    h08 int not null default 0,
    h09 int not null default 0,
    h10 int not null default 0,
    h11 int not null default 0,
    h12 int not null default 0,
    h13 int not null default 0,
    h14 int not null default 0,
    h15 int not null default 0,
    h16 int not null default 0,
    h17 int not null default 0,
    h18 int not null default 0,
    h19 int not null default 0,
    h20 int not null default 0,
    h21 int not null default 0,
    h22 int not null default 0,
    h23 int not null default 0,
    h24 int not null default 0,
    h25 int not null default 0,
    h26 int not null default 0,
    h27 int not null default 0,
    h28 int not null default 0,
    h29 int not null default 0,
    h30 int not null default 0,
    h31 int not null default 0,
    h32 int not null default 0,
    h33 int not null default 0,
    h34 int not null default 0,
    h35 int not null default 0,
    h36 int not null default 0,
    h37 int not null default 0,
    h38 int not null default 0,
    h39 int not null default 0,
    h40 int not null default 0,
    h41 int not null default 0,
    h42 int not null default 0,
    h43 int not null default 0,
    h44 int not null default 0,
    h45 int not null default 0,
    h46 int not null default 0,
    h47 int not null default 0,
    h48 int not null default 0,
    h49 int not null default 0,
    h50 int not null default 0,
    h51 int not null default 0,
    h52 int not null default 0,
    h53 int not null default 0,
    h54 int not null default 0,
    h55 int not null default 0,
    h56 int not null default 0,
    h57 int not null default 0,
    h58 int not null default 0,
    h59 int not null default 0,
    h60 int not null default 0,
    h61 int not null default 0,
    h62 int not null default 0,
    h63 int not null default 0,
    promised           int          not null default 0,
    breaches           int          not null default 0,
    rating_count       int          not null default 0,
    rating_sum         int          not null default 0,
    s1                 int          not null default 0,
    s2                 int          not null default 0,
    s3                 int          not null default 0,
    s4                 int          not null default 0,
    s5                 int          not null default 0,
    primary key (service_code, day, owner_org_unit_id)
);
create index hall_stat_day_day_idx on hall_stat_day (day, owner_org_unit_id);

-- (item, day) pairs whose rollup rows must be recomputed. Append-only (no unique key) so that concurrent writers
-- never wait for each other; the drain de-duplicates.
create table hall_stat_dirty (
    id            bigserial    primary key,
    service_code  varchar(64)  not null,
    day           date         not null
);

-- Recomputing the day an application ended needs it by item and end time.
create index hall_application_service_ended_idx on hall_application (service_code, ended_at) where ended_at is not null;

create function hall_stat_mark_application() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    if tg_op = 'DELETE' or old.service_code <> new.service_code or old.submitted_at <> new.submitted_at
       or old.owner_org_unit_id <> new.owner_org_unit_id or old.cross_department <> new.cross_department then
      insert into hall_stat_dirty (service_code, day) values (old.service_code, (old.submitted_at at time zone 'Asia/Shanghai')::date);
    end if;
    if old.ended_at is not null and (tg_op = 'DELETE' or old.service_code <> new.service_code
       or new.ended_at is distinct from old.ended_at or new.status <> old.status or new.return_count <> old.return_count
       or new.submitted_at <> old.submitted_at or old.owner_org_unit_id <> new.owner_org_unit_id) then
      insert into hall_stat_dirty (service_code, day) values (old.service_code, (old.ended_at at time zone 'Asia/Shanghai')::date);
    end if;
  end if;
  if tg_op = 'INSERT' then
    insert into hall_stat_dirty (service_code, day) values (new.service_code, (new.submitted_at at time zone 'Asia/Shanghai')::date);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.ended_at is not null and (tg_op = 'INSERT'
     or new.ended_at is distinct from old.ended_at or new.status <> old.status or new.return_count <> old.return_count
     or new.submitted_at <> old.submitted_at or new.service_code <> old.service_code
     or new.owner_org_unit_id <> old.owner_org_unit_id) then
    insert into hall_stat_dirty (service_code, day) values (new.service_code, (new.ended_at at time zone 'Asia/Shanghai')::date);
  end if;
  if tg_op = 'UPDATE' and (new.submitted_at <> old.submitted_at or new.service_code <> old.service_code
     or new.owner_org_unit_id <> old.owner_org_unit_id or new.cross_department <> old.cross_department) then
    insert into hall_stat_dirty (service_code, day) values (new.service_code, (new.submitted_at at time zone 'Asia/Shanghai')::date);
  end if;
  return null;
end $$;

create trigger hall_stat_application after insert or update or delete on hall_application
  for each row execute function hall_stat_mark_application();

create function hall_stat_mark_evaluation() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into hall_stat_dirty (service_code, day) values (old.service_code, (old.created_at at time zone 'Asia/Shanghai')::date);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into hall_stat_dirty (service_code, day) values (new.service_code, (new.created_at at time zone 'Asia/Shanghai')::date);
  end if;
  return null;
end $$;

create trigger hall_stat_evaluation after insert or update or delete on hall_evaluation
  for each row execute function hall_stat_mark_evaluation();

-- Rebuilding the rollups is a platform administrator's job (the nightly run does it too).
insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'hall:statistics:rebuild')
  on conflict do nothing;
