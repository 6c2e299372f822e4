create table station (
    id                 uuid primary key,
    name               varchar(100)     not null,
    host_type          varchar(40)      not null,
    host_organisation  varchar(200),
    address            varchar(300)     not null,
    district           varchar(60),
    latitude           double precision not null,
    longitude          double precision not null,
    status             varchar(30)      not null,
    registered_at      timestamptz      not null,
    registered_by      varchar(100)     not null,
    version            integer          not null default 0
);
-- Lists page by (registered_at, id).
create index station_registered on station (registered_at, id);
