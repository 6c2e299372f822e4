-- Local replica of the stations that can host activities, fed by yizhan.station.v1.
create table venue (
    station_id     uuid primary key,
    name           varchar(100)     not null,
    host_type      varchar(40)      not null,
    address        varchar(300)     not null,
    district       varchar(60),
    latitude       double precision not null,
    longitude      double precision not null,
    status         varchar(30)      not null,
    registered_at  timestamptz      not null,
    last_event_id  varchar(100)     not null,
    updated_at     timestamptz      not null
);
create index venue_registered on venue (registered_at, station_id);
