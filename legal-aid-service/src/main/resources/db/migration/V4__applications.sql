-- Applications for legal aid (intake). The applicant is a pseudonym; the opposing party's name and
-- the facts are encrypted, and the party's matching key (OpposingPartyNames) is encrypted
-- deterministically (kit FieldCipher.lookup) so that the duplicate and conflict check finds equal
-- keys without storing the name in the clear. The credit code is an organisation's public register
-- number.
create table application (
    id                   uuid         primary key,
    applicant            varchar(64)  not null,
    recorded_by          varchar(255),
    consultation_id      uuid         references consultation (id),
    category             varchar(30)  not null,
    opposing_name_enc    text         not null,
    opposing_key         varchar(1000) not null,
    credit_code          varchar(18),
    facts_enc            text         not null,
    amount_claimed_fen   bigint       not null check (amount_claimed_fen >= 0),
    document_refs        jsonb        not null default '[]',
    status               varchar(20)  not null check (status in ('INTAKE')),
    conflict_decision    varchar(30)  check (conflict_decision in ('NO_CONFLICT', 'DUPLICATE', 'CONFLICT_OF_INTEREST')),
    conflict_note        varchar(500),
    conflict_decided_by  varchar(255),
    conflict_decided_at  timestamptz,
    received_at          timestamptz  not null,
    complete_on          date         not null,
    decide_by            date         not null,
    version              integer      not null default 0
);
create index application_of_applicant on application (applicant, received_at desc);
create index application_of_opposing_key on application (opposing_key);
create index application_of_credit_code on application (credit_code) where credit_code is not null;
