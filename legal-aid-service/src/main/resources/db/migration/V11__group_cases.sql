-- Group cases: an application is made by one or more workers (the applicant and co-applicants),
-- each with the amount they claim, in fen. A single worker's application is a group of one. The
-- application's claimed amount is not stored: it is the sum of its workers' rows, and every amount
-- awarded or recovered belongs to one worker of the case, so that the totals of a case are always
-- the sums of its per-worker rows. Workers are pseudonyms; `position` (1 = the applicant) is how
-- the API names a worker of a case.
create table application_worker (
    application_id  uuid         not null references application (id),
    position        integer      not null check (position between 1 and 200),
    person          varchar(64)  not null,
    claimed_fen     bigint       not null check (claimed_fen >= 0),
    primary key (application_id, position),
    unique (application_id, person)
);
create index application_worker_of_person on application_worker (person);
insert into application_worker (application_id, position, person, claimed_fen)
    select id, 1, applicant, amount_claimed_fen from application;
alter table application drop column amount_claimed_fen;

alter table case_amount add column worker integer not null default 1;
alter table case_amount alter column worker drop default;
alter table case_amount add constraint case_amount_of_worker
    foreign key (application_id, worker) references application_worker (application_id, position);

-- Where the application was taken: the district of the station where union staff recorded it (from
-- the station replica), or a district given at intake; absent when not known (ADR 0019).
alter table application add column station_id uuid;
alter table application add column district varchar(60);
create index application_of_district on application (district, received_at);
