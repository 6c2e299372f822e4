-- Material an application still needs: asked for once by union staff, supplied by the applicant.
-- While one is awaited there is no decision deadline (decide_by is null); the working days spent
-- waiting do not count (DecisionDeadline).
create table application_supplement (
    id              uuid         primary key,
    application_id  uuid         not null references application (id),
    -- What is asked for, encrypted (it may describe the applicant's situation).
    note_enc        text         not null,
    requested_by    varchar(255) not null,
    requested_at    timestamptz  not null,
    requested_on    date         not null,
    received_at     timestamptz,
    received_on     date,
    check ((received_at is null) = (received_on is null))
);
create unique index application_supplement_one_open on application_supplement (application_id) where received_at is null;
create index application_supplement_of_application on application_supplement (application_id, requested_at);

alter table application alter column decide_by drop not null;
