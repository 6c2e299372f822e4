-- Shared by every service (service-kit). Service scripts start at V1.
-- Events written in the same transaction as the state change; the relay publishes them.
create table outbox_message (
    id            bigserial primary key,
    event_id      varchar(100) not null unique,
    topic         varchar(200) not null,
    message_key   varchar(200) not null,
    event_type    varchar(200) not null,
    payload       text         not null,
    created_at    timestamptz  not null default now(),
    published_at  timestamptz,
    attempts      integer      not null default 0,
    last_error    varchar(500)
);
create index outbox_message_pending on outbox_message (id) where published_at is null;

-- Ids of the events a consumer has applied, written in the same transaction as the effect.
create table inbox_processed_event (
    consumer      varchar(100) not null,
    event_id      varchar(100) not null,
    event_type    varchar(200) not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
