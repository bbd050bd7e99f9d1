-- The catalogue's personal side and search: favourites, usage (recently used and hot services) and the search
-- document computed for each item when it is saved (words, full pinyin and pinyin initials).

create table hall_favourite (
    person_id     uuid         not null,
    service_code  varchar(64)  not null references hall_service (code) on delete cascade,
    created_at    timestamptz  not null default now(),
    primary key (person_id, service_code)
);

create table hall_service_usage (
    id            bigint generated always as identity primary key,
    service_code  varchar(64)  not null references hall_service (code) on delete cascade,
    person_id     uuid         not null,
    used_at       timestamptz  not null default now()
);
create index hall_service_usage_person_idx on hall_service_usage (person_id, used_at desc);
create index hall_service_usage_time_idx on hall_service_usage (used_at, service_code);

-- One row per item; revision tells whether it is stale (items inserted by templates are indexed on first search).
create table hall_service_search (
    service_code  varchar(64)  primary key references hall_service (code) on delete cascade,
    revision      int          not null,
    document      jsonb        not null   -- {"words": [...], "pinyin": [...], "initials": [...]}
);
