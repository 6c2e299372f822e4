-- Appointments (FHIR Appointment): a place held while the worker consents and confirms
-- (pending), then booked. One live or fulfilled appointment per person and campaign, both by the
-- worker's pseudonym and by the keyed hash of their platform rider id; the partial unique indexes
-- hold that under any concurrency.
create table appointment (
    id               uuid         primary key,
    campaign_id      uuid         not null references campaign (id),
    slot_id          uuid         not null references slot (id),
    site_id          uuid         not null references site (id),
    person           varchar(64)  not null,
    proof            varchar(64)  not null,
    occupation       varchar(20)  not null,
    status           varchar(20)  not null,
    cancel_reason    varchar(30),
    hold_expires_at  timestamptz,
    -- Identifying fields, encrypted with the kit's FieldCipher (AES-256-GCM, bound to the column).
    name_enc         varchar(500) not null,
    phone_enc        varchar(500) not null,
    consent_version  varchar(20),
    consented_at     timestamptz,
    booked_at        timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null default 0
);
create unique index appointment_one_per_person on appointment (campaign_id, person)
    where status in ('pending', 'booked', 'arrived', 'fulfilled');
create unique index appointment_one_per_proof on appointment (campaign_id, proof)
    where status in ('pending', 'booked', 'arrived', 'fulfilled');
create index appointment_of_person on appointment (person, created_at desc, id desc);
create index appointment_expiring_holds on appointment (hold_expires_at) where status = 'pending';
