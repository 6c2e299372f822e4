-- Waitlist (FHIR Appointment.status 'waitlist'): a worker waiting for a place at a site on a day.
-- A waiting appointment holds no place and takes no quota; slot_id is the slot the worker asked
-- for, site_id and quota_day name the queue. When a place there is given back, the first waiting
-- appointment becomes pending with a confirm-by time (hold_expires_at) and offered_at set.
-- One live appointment per person and campaign now includes waiting ones.
drop index appointment_one_per_person;
drop index appointment_one_per_proof;
create unique index appointment_one_per_person on appointment (campaign_id, person)
    where status in ('waitlist', 'pending', 'booked', 'arrived', 'fulfilled');
create unique index appointment_one_per_proof on appointment (campaign_id, proof)
    where status in ('waitlist', 'pending', 'booked', 'arrived', 'fulfilled');
create index appointment_waitlist_queue on appointment (site_id, quota_day, created_at, id) where status = 'waitlist';
alter table appointment add column offered_at timestamptz;

-- On site: the scan of the one-time pass (its time, as the device recorded it, and the pass id, so
-- that an offline batch uploaded twice is recognised) and the end of the checkup. No results.
alter table appointment add column arrived_at timestamptz;
alter table appointment add column redeemed_pass varchar(32);
alter table appointment add column fulfilled_at timestamptz;
alter table appointment add column consent_withdrawn_at timestamptz;
create index appointment_booked_by_slot on appointment (slot_id) where status = 'booked';
-- The reminder and no-show sweeps look for slots by start and end time across campaigns.
create index slot_start on slot (starts_at);
create index slot_end on slot (ends_at);

-- No-shows per worker (pseudonym), across campaigns: repeated no-shows queue behind others on
-- waitlists, never blocked.
create table person_standing (
    person     varchar(64) primary key,
    no_shows   integer     not null default 0 check (no_shows >= 0),
    updated_at timestamptz not null
);

-- Reminders sent, one row per appointment and lead: inserted in the transaction that writes the
-- appointment.reminder_due event to the outbox, so each is sent once, also across restarts.
create table reminder_sent (
    appointment_id uuid        not null references appointment (id),
    lead           varchar(8)  not null,
    sent_at        timestamptz not null,
    primary key (appointment_id, lead)
);

-- Retention: when the personal data of a campaign's appointments was erased.
alter table campaign add column personal_data_erased_at timestamptz;
