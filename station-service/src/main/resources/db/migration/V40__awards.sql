-- The yearly "most beautiful station" awards (最美站点), see station-service/README.md, "Awards".
-- Scores are computed when read; a snapshot freezes one year's scores of every station.

-- What a history entry is about beyond the station itself (an inspection's result, an award).
alter table station_history add column detail jsonb;

create table award_snapshot (
    id          uuid         primary key,
    year        integer      not null check (year >= 2000),
    taken_at    timestamptz  not null,
    taken_by    varchar(100) not null,
    -- The weights, targets and priors the scores were computed with.
    parameters  jsonb        not null,
    stations    integer      not null,
    eligible    integer      not null
);
create index award_snapshot_year on award_snapshot (year, taken_at desc, id desc);

-- One row per station of a snapshot; card is the score with its breakdown as the API shows it.
create table award_snapshot_entry (
    snapshot_id  uuid          not null references award_snapshot (id),
    station_id   uuid          not null references station (id),
    district     varchar(60),
    eligible     boolean       not null,
    total        numeric(5, 2) not null,
    card         jsonb         not null,
    primary key (snapshot_id, station_id)
);
create index award_snapshot_entry_ranking on award_snapshot_entry (snapshot_id, eligible desc, total desc, station_id);

-- Official titles: one per station, year and level.
create table station_award (
    id           uuid          primary key,
    station_id   uuid          not null references station (id),
    year         integer       not null,
    level        varchar(20)   not null check (level in ('DISTRICT', 'CITY', 'NATIONAL')),
    title        varchar(100)  not null,
    -- The station's total in the latest snapshot of the year when the title was recorded.
    score        numeric(5, 2),
    snapshot_id  uuid          references award_snapshot (id),
    granted_at   timestamptz   not null,
    granted_by   varchar(100)  not null,
    constraint station_award_once unique (station_id, year, level)
);
create index station_award_year on station_award (year, level, granted_at, id);
create index station_award_granted on station_award (granted_at, id);
