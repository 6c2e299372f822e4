-- The justice bureau's decision on an objection to a rejection (法律援助法 Art. 49), recorded by a
-- union admin once: UPHELD (the rejection stands: REJECTION_UPHELD, final) or OVERTURNED (legal
-- aid is to be given: the application becomes ACCEPTED, a lawyer due within 3 working days).
alter table application drop constraint application_status_check;
alter table application add constraint application_status_check
    check (status in ('INTAKE', 'ACCEPTED', 'REJECTED', 'REFERRED', 'APPEALED', 'REJECTION_UPHELD', 'CLOSED'));
alter table application add column appeal_decision varchar(12) check (appeal_decision in ('UPHELD', 'OVERTURNED'));
alter table application add column appeal_reference varchar(40);
alter table application add column appeal_decided_by varchar(255);
alter table application add column appeal_decided_at timestamptz;
alter table application drop constraint application_appealed;
alter table application add constraint application_appealed
    check ((status <> 'APPEALED' or (appealed_at is not null and appeal_grounds_enc is not null
                                     and appeal_decision is null))
           and (appeal_decision is null or (appealed_at is not null and appeal_decided_at is not null))
           and ((status = 'REJECTION_UPHELD') = (appeal_decision is not distinct from 'UPHELD')));
