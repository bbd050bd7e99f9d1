-- Identity: weak-password governance. One row per day and department with how many accounts had
-- their password scored at sign-in and how many of those were weak, for the trend chart.

create table identity_password_snapshot (
    day          date        not null,
    org_unit_id  uuid        not null,   -- the department (college or office); the university root for the rest
    accounts     int         not null,
    scored       int         not null,
    weak         int         not null,
    taken_at     timestamptz not null default now(),
    primary key (day, org_unit_id)
);
