-- The full station record, who manages which station, and the history of every change.
alter table station
    add column contact_phone        varchar(30),
    add column area_m2              numeric(8, 1),
    add column seats                integer,
    add column photos               jsonb        not null default '[]',
    add column listed_in            jsonb        not null default '[]',
    add column status_reason        varchar(300),
    add column expected_reopening   date,
    add column last_verified_on     date,
    add column last_verified_by     varchar(100),
    add column updated_at           timestamptz;
update station set updated_at = registered_at;
alter table station alter column updated_at set not null;

-- Station managers edit the stations they are listed for; union admins edit all.
create table station_manager (
    station_id  uuid         not null references station (id),
    subject     varchar(100) not null,
    added_at    timestamptz  not null default now(),
    added_by    varchar(100) not null,
    primary key (station_id, subject)
);
create index station_manager_subject on station_manager (subject);

-- One row per change: who, when, what kind, and the station as it was afterwards.
create table station_history (
    id          bigserial    primary key,
    station_id  uuid         not null references station (id),
    version     integer      not null,
    change      varchar(40)  not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(100) not null,
    snapshot    jsonb        not null
);
create index station_history_station on station_history (station_id, id);
