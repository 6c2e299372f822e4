-- Where a campaign examines workers: a clinic, or a station on a mobile checkup day; and the
-- slots of each site with their capacity. booked + held never exceeds capacity: the database
-- itself refuses an overbooking, whatever the code does.
create table site (
    id          uuid             primary key,
    campaign_id uuid             not null references campaign (id),
    kind        varchar(10)      not null,
    clinic      varchar(64)      not null,
    station_id  uuid,
    name        varchar(100)     not null,
    address     varchar(300)     not null,
    latitude    double precision not null,
    longitude   double precision not null,
    -- Set while the station of a mobile checkup day is paused or closed.
    warning     varchar(300),
    created_at  timestamptz      not null
);
create index site_campaign on site (campaign_id, created_at, id);
create index site_station on site (station_id) where station_id is not null;
create unique index site_station_once on site (campaign_id, station_id) where station_id is not null;

create table slot (
    id          uuid        primary key,
    site_id     uuid        not null references site (id),
    campaign_id uuid        not null references campaign (id),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    capacity    integer     not null check (capacity between 1 and 1000),
    booked      integer     not null default 0 check (booked >= 0),
    held        integer     not null default 0 check (held >= 0),
    check (ends_at > starts_at),
    check (booked + held <= capacity),
    unique (site_id, starts_at)
);
create index slot_campaign_start on slot (campaign_id, starts_at, id);
