-- Amenities with a live status, opening hours, and what near-me search needs.
create table station_amenity (
    station_id          uuid         not null references station (id),
    amenity             varchar(40)  not null,
    status              varchar(20)  not null,
    out_of_order_since  timestamptz,
    note                varchar(300),
    updated_at          timestamptz  not null,
    updated_by          varchar(100) not null,
    primary key (station_id, amenity)
);

-- Codes of the amenities that work now: kept by station-service alongside station_amenity,
-- so that "has all of these" is one indexed containment test.
alter table station add column working_amenities text[] not null default '{}';
create index station_working_amenities on station using gin (working_amenities);

-- The station's opening hours as clients wrote them (see OpeningHoursDto); null = not known.
alter table station add column opening_hours jsonb;

-- Near-me search: a bounding box on this expression narrows the candidates before the exact
-- great-circle distance is computed.
create index station_geo on station using gist (point(longitude, latitude));
