-- Legal consultations: a worker (or union staff on their behalf, at a station) asks by category,
-- online or at a lawyer's duty session; a lawyer or union staff answers. The asker is a pseudonym;
-- question and answer are encrypted (kit FieldCipher, AES-256-GCM bound to the column).
create table consultation (
    id              uuid         primary key,
    person          varchar(64)  not null,
    -- The token subject of the union staff member who recorded it on the worker's behalf.
    recorded_by     varchar(255),
    channel         varchar(10)  not null check (channel in ('ONLINE', 'SESSION', 'STATION')),
    station_id      uuid,
    session_id      uuid         references duty_session (id),
    category        varchar(30)  not null,
    question_enc    text         not null,
    status          varchar(10)  not null check (status in ('OPEN', 'ANSWERED')),
    answer_enc      text,
    answered_by     varchar(255),
    answered_role   varchar(20),
    asked_at        timestamptz  not null,
    answered_at     timestamptz,
    version         integer      not null default 0,
    check ((channel = 'ONLINE') = (station_id is null)),
    check ((channel = 'SESSION') = (session_id is not null)),
    check ((status = 'ANSWERED') = (answer_enc is not null and answered_by is not null and answered_at is not null))
);
create index consultation_of_person on consultation (person, asked_at desc, id desc);
create index consultation_open on consultation (asked_at desc, id desc) where status = 'OPEN';
create index consultation_answered_by on consultation (answered_by, asked_at desc, id desc);
create index consultation_recorded_by on consultation (recorded_by, asked_at desc, id desc);
