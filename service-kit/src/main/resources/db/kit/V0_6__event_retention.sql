-- service-kit: the retention purge (EventRetentionPurge) forgets applied event ids by age.
create index inbox_processed_event_age on inbox_processed_event (processed_at);
