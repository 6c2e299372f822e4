-- What the test handler does with each event: one row per application, deliberately without a
-- unique key, so that an event applied twice shows as two rows.
create table test_effect (
    id          bigserial    primary key,
    event_id    varchar(100) not null,
    note        varchar(200) not null,
    applied_at  timestamptz  not null default now()
);
