-- Worker visits, checked in by scanning a station's rotating QR code.

-- The secret each station's visit codes are made with; created on the first code request.
create table station_visit_secret (
    station_id  uuid        primary key references station (id),
    secret      bytea       not null,
    created_at  timestamptz not null default now()
);

-- One row per worker, station and clock hour (Asia/Shanghai): a worker counts once per station
-- per hour. No subject is stored: visitor is base64url(HMAC-SHA256(pseudonym key, subject)).
create table station_visit (
    id            uuid        primary key,
    station_id    uuid        not null references station (id),
    visitor       varchar(64) not null,
    occupation    varchar(30) not null,
    hour_start    timestamptz not null,
    visited_at    timestamptz not null,
    last_seen_at  timestamptz not null,
    constraint station_visit_once_per_hour unique (station_id, visitor, hour_start)
);
-- Statistics of one station over a date range, and of all stations.
create index station_visit_station_hour on station_visit (station_id, hour_start);
create index station_visit_hour on station_visit (hour_start);
