-- The decision on an application: accepted (a lawyer is then due within 3 working days), rejected
-- with a reason (encrypted: it may describe the applicant's situation), or referred elsewhere with
-- a referral code.
alter table application drop constraint application_status_check;
alter table application add constraint application_status_check
    check (status in ('INTAKE', 'ACCEPTED', 'REJECTED', 'REFERRED'));
alter table application add column decision_reason_enc text;
alter table application add column referral_code varchar(40);
alter table application add column decided_by varchar(255);
alter table application add column decided_at timestamptz;
alter table application add column decided_on date;
alter table application add column assign_by date;
alter table application add constraint application_decided
    check ((status = 'INTAKE') = (decided_at is null) and (status = 'ACCEPTED') = (assign_by is not null)
           and (status <> 'REFERRED' or referral_code is not null)
           and (status <> 'REJECTED' or decision_reason_enc is not null));
