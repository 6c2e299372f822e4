-- The lawyers assigned to an accepted application (a case): only they, the applicant and
-- authorised union staff may read it. Assigning the same lawyer again changes nothing.
create table case_lawyer (
    application_id  uuid         not null references application (id),
    lawyer_id       uuid         not null references lawyer (id),
    assigned_by     varchar(255) not null,
    assigned_at     timestamptz  not null,
    primary key (application_id, lawyer_id)
);
create index case_lawyer_of_lawyer on case_lawyer (lawyer_id);
alter table application add column assigned_at timestamptz;
