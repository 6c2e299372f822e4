-- Activities that partners pushed from their own systems count toward a station's award score only
-- once the station's manager or a union admin confirms them, or when attendance was scanned through
-- the app at the station (ADR 0013). What a confirmer needs to judge an activity is kept with it.
alter table station_activity
    add column source        varchar(10),
    add column scanned       integer,
    add column activity_type varchar(60),
    add column organisers    jsonb,
    add column starts_at     timestamptz,
    -- null: needs no confirmation (planned in the app, scanned, or from before sources were sent)
    add column confirmation  varchar(12) check (confirmation in ('PENDING', 'CONFIRMED', 'REJECTED')),
    add column decided_by    varchar(200),
    add column decided_at    timestamptz,
    add column decision_note varchar(500);

create index station_activity_unconfirmed on station_activity (station_id, starts_at, activity_id)
    where status = 'COMPLETED' and confirmation is not null;
