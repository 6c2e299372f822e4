-- Money in a case, kept apart by what it is: awarded (by a mediation agreement, an arbitral award
-- or a judgment) and actually recovered (payments received), in fen; the amount claimed is the
-- application's. Recovered above awarded is allowed (interest, a voluntary payment) and warned.
create table case_amount (
    id              uuid         primary key,
    application_id  uuid         not null references application (id),
    kind            varchar(10)  not null check (kind in ('AWARDED', 'RECOVERED')),
    basis           varchar(20)  not null check (basis in ('MEDIATION', 'ARBITRAL_AWARD', 'JUDGMENT', 'PAYMENT')),
    amount_fen      bigint       not null check (amount_fen > 0),
    on_date         date         not null,
    recorded_by     varchar(255) not null,
    recorded_at     timestamptz  not null,
    check ((kind = 'RECOVERED') = (basis = 'PAYMENT'))
);
create index case_amount_of_case on case_amount (application_id, on_date, recorded_at);
