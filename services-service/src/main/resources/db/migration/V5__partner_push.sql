-- Batches pushed by partner systems (JSON records or a CSV sign-in sheet). The answer is kept
-- when the batch came with an Idempotency-Key, so that a retry gets the first answer verbatim.
create table push_batch (
    id          uuid          primary key,
    partner     varchar(40)   not null references partner (code),
    format      varchar(10)   not null,
    received    integer       not null,
    created     integer       not null,
    updated     integer       not null,
    unchanged   integer       not null,
    rejected    integer       not null,
    answer      text,
    pushed_by   varchar(100)  not null,
    pushed_at   timestamptz   not null
);
create index push_batch_partner on push_batch (partner, pushed_at desc);

