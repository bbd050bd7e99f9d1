-- Rooms administration (教室借用): the floor, out of service (停用) with a reason and a period, a revision for
-- optimistic updates and who changed a room last. "active" stays the bookable flag; a room out of service
-- cannot be booked for any time that overlaps its period (an open end: until further notice).

alter table hall_room
    add column floor                 int,
    add column out_of_service_reason varchar(200),
    add column out_of_service_from   timestamptz,
    add column out_of_service_to     timestamptz,
    add column revision              int          not null default 0,
    add column created_at            timestamptz  not null default now(),
    add column updated_at            timestamptz  not null default now(),
    add column updated_by            uuid,
    add constraint hall_room_out_of_service_period check (
        (out_of_service_from is null and out_of_service_to is null and out_of_service_reason is null)
        or (out_of_service_from is not null and out_of_service_reason is not null
            and (out_of_service_to is null or out_of_service_to > out_of_service_from)));

-- the demo rooms' floor from their number (A101 -> 1, 305 -> 3)
update hall_room set floor = cast(substring(code from '-[A-Z]*([0-9])[0-9]{2}$') as int)
where floor is null and code ~ '-[A-Z]*[0-9]{3}$';

insert into identity_role (code, name, name_en, description, built_in) values
  ('ROOM_ADMIN', '教室管理员', 'Room administrator',
   'Manages the bookable rooms of classroom booking (教室借用): the assets or teaching office', true)
  on conflict (code) do nothing;

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'hall:room:manage'),
  ('ROOM_ADMIN', 'hall:room:manage'),
  ('ROOM_ADMIN', 'hall:room:read')
  on conflict do nothing;
