-- Workers appear only as pseudonyms: Pseudonyms.of(token subject) for workers using the app,
-- '<partner>:<their id>' for participants a partner names in a pushed record.

-- A worker's place (or waiting place) at an activity.
--   REGISTERED  holds a place
--   WAITLISTED  waits, first come first served (repeated no-shows go behind)
--   OFFERED     promoted from the waitlist: holds a place until confirm_by, then EXPIRED
--   CANCELLED   cancelled by the worker; EXPIRED an offer not confirmed in time
--   NO_SHOW     registered but did not come (set when the activity is completed)
create table registration (
    id            uuid          primary key,
    activity_id   uuid          not null references activity (id),
    participant   varchar(120)  not null,
    occupation    varchar(20)   not null,
    status        varchar(20)   not null,
    created_at    timestamptz   not null,
    offered_at    timestamptz,
    confirm_by    timestamptz,
    ended_at      timestamptz,
    version       integer       not null default 0
);
-- One live registration per worker and activity; cancelled ones stay as history.
create unique index registration_live on registration (activity_id, participant)
    where status in ('REGISTERED', 'WAITLISTED', 'OFFERED');
create index registration_activity_status on registration (activity_id, status, created_at);
create index registration_participant on registration (participant, created_at desc);
create index registration_offer_expiry on registration (confirm_by) where status = 'OFFERED';

-- Who was at an activity: one row per person, however often their check-in is uploaded.
--   kind ATTENDED (registered and came) or WALK_IN (came without a registration)
--   source QR (a pass scanned at the activity, possibly uploaded later), PUSH (named in a
--   partner's record or sign-in sheet)
create table attendance (
    activity_id    uuid          not null references activity (id),
    participant    varchar(120)  not null,
    kind           varchar(20)   not null,
    source         varchar(20)   not null,
    checked_in_at  timestamptz   not null,
    recorded_at    timestamptz   not null,
    -- The one-time check-in pass that was scanned (QR source only).
    pass_id        varchar(64),
    primary key (activity_id, participant)
);
create unique index attendance_pass on attendance (pass_id) where pass_id is not null;
create index attendance_participant on attendance (participant);

-- No-shows per worker, so that repeated no-shows lower their waitlist priority.
create table participant_standing (
    participant     varchar(120)  primary key,
    no_shows        integer       not null default 0,
    last_no_show_at timestamptz
);
