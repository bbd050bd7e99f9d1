-- Service templates (installed versions), classrooms and their bookings, visitor passes.

-- One row per installed template: the checksum of the template document decides whether installing again
-- changes anything; every change of the document publishes new form/process versions and bumps "version".
create table hall_template_installation (
    code             varchar(64)  primary key,
    service_code     varchar(64)  not null references hall_service (code),
    version          int          not null default 1,
    checksum         varchar(64)  not null,
    form_key         varchar(64)  not null,
    form_version     int          not null,
    process_key      varchar(64)  not null,
    process_version  int          not null,
    installed_by     uuid,
    installed_at     timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

-- Bookable rooms (教室) on the campuses; equipment codes: projector, microphone, recording, computers, whiteboard, ac.
create table hall_room (
    id          uuid         primary key,
    code        varchar(32)  not null unique,
    campus      varchar(16)  not null,
    building    jsonb        not null,            -- {"zh-CN": "...", "en-US": "..."}
    name        jsonb        not null,
    capacity    int          not null check (capacity > 0),
    kind        varchar(16)  not null check (kind in ('CLASSROOM', 'LECTURE_HALL', 'SEMINAR', 'LAB')),
    equipment   jsonb        not null default '[]',
    active      boolean      not null default true,
    sort_order  int          not null default 0
);
create index hall_room_campus_idx on hall_room (campus, capacity);

-- A room held for an application. RESERVED at submit, CONFIRMED when approved, RELEASED when rejected or
-- withdrawn. The exclusion constraint makes two live bookings of one room overlapping in time impossible, even
-- when two submissions race (the second insert waits for the first transaction and then fails).
create extension if not exists btree_gist;
create table hall_room_booking (
    id              uuid         primary key,
    room_id         uuid         not null references hall_room (id),
    application_id  uuid         not null unique,
    applicant_id    uuid         not null,
    during          tstzrange    not null check (not isempty(during)),
    status          varchar(16)  not null check (status in ('RESERVED', 'CONFIRMED', 'RELEASED')),
    purpose         varchar(200),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    constraint hall_room_booking_no_overlap exclude using gist (room_id with =, during with &&)
        where (status in ('RESERVED', 'CONFIRMED'))
);
create index hall_room_booking_during_idx on hall_room_booking using gist (during) where status <> 'RELEASED';

-- Signed credentials issued on approval: visitor passes (入校备案申请, QR pass checked by 保卫处 guards) and
-- self-printed certificates of enrolment (在读证明). The token carries the facts and a signature; the row lets a
-- credential be revoked and tells the verifier it was really issued.
create table hall_pass (
    id              uuid         primary key,
    kind            varchar(32)  not null check (kind in ('VISITOR_PASS', 'ENROLMENT_CERTIFICATE')),
    application_id  uuid         not null unique,
    holder_id       uuid         not null,
    holder_name     varchar(100) not null,
    plate_number    varchar(16),
    valid_from      timestamptz  not null,
    valid_to        timestamptz  not null,
    revoked_at      timestamptz,
    issued_at       timestamptz  not null default now(),
    check (valid_to > valid_from)
);

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'hall:pass:verify'),
  ('SECURITY_OFFICER', 'hall:pass:verify'),
  ('MEMBER', 'hall:room:read'),
  ('PLATFORM_ADMIN', 'hall:room:read')
  on conflict do nothing;
