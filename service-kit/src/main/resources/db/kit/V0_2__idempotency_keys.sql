-- Idempotency-Key of create requests: a retry with the same key and the same request gets the
-- resource the first request created; the same key with another request is refused.
create table idempotency_key (
    scope         varchar(200) not null,
    idem_key      varchar(100) not null,
    request_hash  varchar(64)  not null,
    resource_id   varchar(100),
    created_at    timestamptz  not null default now(),
    primary key (scope, idem_key)
);
