-- Keys are forgotten after the retention period (IdempotencyKeyPurge); the purge finds them by age.
create index idempotency_key_created on idempotency_key (created_at);
