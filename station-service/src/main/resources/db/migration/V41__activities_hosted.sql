-- Activities held at stations, from services-service's events on yizhan.activity.v1 (activity.completed,
-- activity.cancelled): one row per activity, the newest version wins. The award score counts the
-- COMPLETED rows of a year.
create table station_activity (
    activity_id   uuid         primary key,
    -- No reference to station: an event may name a station this database does not hold (yet).
    station_id    uuid         not null,
    -- Year of startsAt in the award time zone; null for a cancellation that arrived first.
    year          integer,
    status        varchar(20)  not null check (status in ('COMPLETED', 'CANCELLED')),
    person_times  integer      not null default 0 check (person_times >= 0),
    version       integer      not null,
    updated_at    timestamptz  not null
);
create index station_activity_hosted on station_activity (year, station_id) where status = 'COMPLETED';
