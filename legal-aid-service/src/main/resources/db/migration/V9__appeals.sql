-- An applicant may object to a rejection (法律援助法 Art. 49: to the justice bureau that set up the
-- legal-aid agency); the objection is recorded here, its grounds encrypted.
alter table application drop constraint application_status_check;
alter table application add constraint application_status_check
    check (status in ('INTAKE', 'ACCEPTED', 'REJECTED', 'REFERRED', 'APPEALED'));
alter table application add column appeal_grounds_enc text;
alter table application add column appealed_at timestamptz;
alter table application add constraint application_appealed
    check ((status = 'APPEALED') = (appealed_at is not null and appeal_grounds_enc is not null));
