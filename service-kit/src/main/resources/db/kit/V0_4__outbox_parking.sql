-- service-kit: outbox messages that Kafka refuses for good are parked instead of blocking the
-- rows behind them; published ones are purged after the retention period.
alter table outbox_message add column refusals       integer     not null default 0;
alter table outbox_message add column parked_at      timestamptz;
alter table outbox_message add column discarded_at   timestamptz;
alter table outbox_message add column discard_reason varchar(500);
alter table outbox_message add column discarded_by   varchar(200);

-- What the relay sends: neither published, parked nor discarded.
drop index outbox_message_pending;
create index outbox_message_pending on outbox_message (id)
    where published_at is null and parked_at is null and discarded_at is null;
-- Parked messages, which hold back the later messages of their topic and key.
create index outbox_message_parked on outbox_message (topic, message_key, id)
    where parked_at is not null and published_at is null and discarded_at is null;
-- The purge finds old published and discarded messages by age.
create index outbox_message_published on outbox_message (published_at) where published_at is not null;
create index outbox_message_discarded on outbox_message (discarded_at) where discarded_at is not null;
