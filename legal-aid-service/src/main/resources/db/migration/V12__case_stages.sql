-- The stages of a case (mediation, arbitration, first instance, appeal, enforcement), each started
-- and ended on a (Beijing) day with an outcome. A case goes forward only: a stage may be skipped but
-- never recorded twice or after a later one, and a stage starts only when the one before has ended.
create table case_stage (
    application_id  uuid         not null references application (id),
    stage           varchar(20)  not null check (stage in ('MEDIATION', 'ARBITRATION', 'FIRST_INSTANCE', 'APPEAL',
                                                           'ENFORCEMENT')),
    started_on      date         not null,
    ended_on        date,
    outcome         varchar(20)  check (outcome in ('AGREEMENT', 'NO_AGREEMENT', 'AWARD', 'JUDGMENT', 'DISMISSED',
                                                    'WITHDRAWN', 'ENFORCED', 'ENFORCEMENT_ENDED')),
    started_by      varchar(255) not null,
    ended_by        varchar(255),
    recorded_at     timestamptz  not null,
    primary key (application_id, stage),
    check ((ended_on is null) = (outcome is null)),
    check (ended_on is null or ended_on >= started_on)
);
