-- Station standards and inspections (see station-service/README.md, "Standards and inspections").
-- An inspection is never changed once recorded; compliance and tier are derived when read from
-- the latest counting inspection (kind INSPECTION) and today's date, so nothing here goes stale.

create table station_inspection (
    id            uuid          primary key,
    station_id    uuid          not null references station (id),
    inspected_on  date          not null,
    kind          varchar(20)   not null check (kind in ('INSPECTION', 'SELF_CHECK')),
    recorded_by   varchar(100)  not null,
    recorded_at   timestamptz   not null,
    summary       varchar(1000),
    -- Derived from the items when recorded: comma-separated basic requirements not MET, and
    -- how many optional requirements were MET.
    failed_basic  varchar(300)  not null default '',
    optional_met  integer       not null default 0 check (optional_met >= 0)
);
-- The latest counting inspection of a station, and a station's inspections newest first.
create index station_inspection_latest
    on station_inspection (station_id, kind, inspected_on desc, recorded_at desc, id desc);
create index station_inspection_station
    on station_inspection (station_id, inspected_on desc, recorded_at desc, id desc);

create table station_inspection_item (
    inspection_id  uuid         not null references station_inspection (id),
    position       integer      not null,
    requirement    varchar(40)  not null,
    result         varchar(20)  not null check (result in ('MET', 'NOT_MET', 'NOT_APPLICABLE')),
    finding        varchar(500),
    primary key (inspection_id, position),
    unique (inspection_id, requirement)
);
