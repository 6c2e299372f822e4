-- Serious-illness relief (大病救助): a worker's application for a relief grant, its review by union
-- staff, and the payments made. The applicant is a pseudonym; the description and the rejection
-- reason are encrypted. The two-approver rule is held here too (ADR 0020): above the threshold in
-- force at the first approval, nothing is GRANTED or PAID without a second approver, and the second
-- approver is never the first.
create table relief_application (
    id                          uuid         primary key,
    applicant                   varchar(64)  not null,
    recorded_by                 varchar(255),
    referred_by                 varchar(255),
    case_id                     uuid         references application (id),
    station_id                  uuid,
    district                    varchar(60),
    illness_category            varchar(30)  not null check (illness_category in ('CANCER', 'HEART_DISEASE', 'STROKE',
                                    'KIDNEY_FAILURE', 'ORGAN_TRANSPLANT', 'SEVERE_BURN', 'OTHER')),
    amount_requested_fen        bigint       not null check (amount_requested_fen > 0 and amount_requested_fen <= 100000000),
    monthly_household_income_fen bigint      not null check (monthly_household_income_fen between 0 and 100000000),
    household_size              integer      not null check (household_size between 1 and 20),
    document_refs               jsonb        not null default '[]',
    description_enc             text         not null,
    status                      varchar(20)  not null check (status in ('SUBMITTED', 'APPROVED_ONCE', 'GRANTED', 'PAID',
                                    'REJECTED')),
    submitted_at                timestamptz  not null,
    second_approval_above_fen   bigint       check (second_approval_above_fen >= 0),
    first_approved_by           varchar(255),
    first_approved_at           timestamptz,
    first_amount_fen            bigint,
    second_approved_by          varchar(255),
    second_approved_at          timestamptz,
    amount_granted_fen          bigint,
    granted_at                  timestamptz,
    rejection_reason_enc        text,
    rejected_by                 varchar(255),
    rejected_at                 timestamptz,
    paid_fen                    bigint       not null default 0,
    version                     integer      not null default 0,
    constraint relief_second_approver_is_another check (second_approved_by is null or second_approved_by <> first_approved_by),
    constraint relief_first_approval_complete check ((first_approved_by is null) = (first_amount_fen is null)
        and (first_approved_by is null) = (second_approval_above_fen is null)),
    constraint relief_first_amount_within_requested check (first_amount_fen is null
        or (first_amount_fen > 0 and first_amount_fen <= amount_requested_fen)),
    constraint relief_granted_within_first check (amount_granted_fen is null
        or (amount_granted_fen > 0 and amount_granted_fen <= first_amount_fen)),
    constraint relief_approved_once_waits check (status <> 'APPROVED_ONCE'
        or (first_approved_by is not null and second_approved_by is null and amount_granted_fen is null)),
    constraint relief_granted_by_enough_approvers check (status not in ('GRANTED', 'PAID')
        or (amount_granted_fen is not null and granted_at is not null and first_approved_by is not null
            and (first_amount_fen <= second_approval_above_fen or second_approved_by is not null))),
    constraint relief_rejected_with_reason check ((status = 'REJECTED') = (rejection_reason_enc is not null)),
    constraint relief_paid_within_granted check (paid_fen >= 0 and paid_fen <= coalesce(amount_granted_fen, 0)),
    constraint relief_paid_in_full check ((status = 'PAID') = (amount_granted_fen is not null and paid_fen = amount_granted_fen))
);
create index relief_of_applicant on relief_application (applicant, submitted_at desc);
create index relief_by_submission on relief_application (submitted_at desc, id desc);
create index relief_of_case on relief_application (case_id) where case_id is not null;

-- A payment of a granted relief (partial payments allowed; their sum never exceeds the grant).
create table relief_payment (
    id           uuid         primary key,
    relief_id    uuid         not null references relief_application (id),
    amount_fen   bigint       not null check (amount_fen > 0),
    paid_on      date         not null,
    reference    varchar(60)  not null,
    recorded_by  varchar(255) not null,
    recorded_at  timestamptz  not null
);
create index relief_payment_of_relief on relief_payment (relief_id, paid_on, recorded_at);
