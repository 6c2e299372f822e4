-- service-kit: the events a consumer set aside, with the reason, until an operator replays them.
-- The same records also go to the topic yizhan.dlq.<consumer group>.
create table dead_letter (
    id                uuid         primary key,
    consumer          varchar(100) not null,
    source_topic      varchar(250) not null,
    source_partition  integer      not null,
    source_offset     bigint       not null,
    record_key        text,
    event_id          varchar(100),
    event_type        varchar(200),
    reason            varchar(500) not null,
    error_class       varchar(200),
    payload           bytea,
    dead_lettered_at  timestamptz  not null,
    replayed_at       timestamptz,
    replay_outcome    varchar(20),
    replayed_by       varchar(200),
    replay_attempts   integer      not null default 0,
    last_replay_error varchar(500),
    -- A record that is dead-lettered again after a crash stays one dead letter.
    unique (consumer, source_topic, source_partition, source_offset)
);
create index dead_letter_newest on dead_letter (consumer, dead_lettered_at desc, id desc);
create index dead_letter_replayed on dead_letter (replayed_at) where replayed_at is not null;
