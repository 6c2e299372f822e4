-- service-kit (station replica): what a service keeps of the stations, fed by yizhan.station.v1.
-- Only services that take the replica list db/station-replica among their Flyway locations.
create table if not exists station_replica (
    station_id     uuid primary key,
    version        integer          not null,
    name           varchar(100)     not null,
    host_type      varchar(40)      not null,
    address        varchar(300)     not null,
    district       varchar(60),
    latitude       double precision not null,
    longitude      double precision not null,
    status         varchar(30)      not null,
    status_reason  varchar(300),
    registered_at  timestamptz      not null,
    last_event_id  varchar(100)     not null,
    updated_at     timestamptz      not null
);
create index if not exists station_replica_registered on station_replica (registered_at, station_id);
create index if not exists station_replica_position on station_replica (latitude, longitude);
