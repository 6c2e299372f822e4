-- Closing a case with its closing form: the result and a reason (encrypted); the amounts are the
-- case's (case_amount), so the form never restates them.
alter table application drop constraint application_status_check;
alter table application add constraint application_status_check
    check (status in ('INTAKE', 'ACCEPTED', 'REJECTED', 'REFERRED', 'APPEALED', 'CLOSED'));
alter table application drop constraint application_decided;
alter table application add constraint application_decided
    check ((status = 'INTAKE') = (decided_at is null) and (status in ('ACCEPTED', 'CLOSED')) = (assign_by is not null)
           and (status <> 'REFERRED' or referral_code is not null)
           and (status <> 'REJECTED' or decision_reason_enc is not null));
alter table application add column closing_result varchar(20)
    check (closing_result in ('WON', 'PARTLY_WON', 'LOST', 'SETTLED', 'WITHDRAWN', 'TERMINATED'));
alter table application add column closing_reason_enc text;
alter table application add column closed_by varchar(255);
alter table application add column closed_at timestamptz;
alter table application add constraint application_closed
    check ((status = 'CLOSED') = (closed_at is not null and closing_result is not null));
