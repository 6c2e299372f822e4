-- Ratings and complaints (see station-service/README.md, "Ratings and complaints").
-- Workers appear only as a keyed pseudonym (Pseudonyms.of(subject)), never by their subject.

-- One rating per worker, station and day (Asia/Shanghai by default); rating again that day
-- replaces the row.
create table station_rating (
    id          uuid         primary key,
    station_id  uuid         not null references station (id),
    rater       varchar(128) not null,
    rating_day  date         not null,
    stars       smallint     not null check (stars between 1 and 5),
    comment     varchar(500),
    rated_at    timestamptz  not null,
    unique (station_id, rater, rating_day)
);
-- Latest comments of a station, newest first.
create index station_rating_latest on station_rating (station_id, rated_at, id);

create table station_complaint (
    id                 uuid          primary key,
    station_id         uuid          not null references station (id),
    complainant        varchar(128)  not null,
    category           varchar(40)   not null,
    amenity            varchar(40),
    description        varchar(1000),
    occurred_at        timestamptz   not null,
    received_at        timestamptz   not null,
    respond_by         timestamptz   not null,
    status             varchar(20)   not null,
    first_response_at  timestamptz,
    resolution         varchar(1000),
    closed_at          timestamptz,
    version            integer       not null default 0,
    check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED')),
    check ((status in ('RESOLVED', 'REJECTED')) = (closed_at is not null and resolution is not null))
);
create index station_complaint_station on station_complaint (station_id, received_at, id);
create index station_complaint_complainant on station_complaint (complainant, received_at, id);
-- The overdue queue: no answer yet, oldest deadline first.
create index station_complaint_unanswered on station_complaint (respond_by, id)
    where first_response_at is null and status = 'OPEN';

-- Every answer of a manager or union admin, in order.
create table station_complaint_response (
    id            bigserial     primary key,
    complaint_id  uuid          not null references station_complaint (id),
    responded_at  timestamptz   not null,
    responded_by  varchar(100)  not null,
    status        varchar(20)   not null,
    message       varchar(1000) not null,
    resolution    varchar(1000)
);
create index station_complaint_response_complaint on station_complaint_response (complaint_id, id);
