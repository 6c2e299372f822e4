-- Lawyers registered by union admins, and their duty sessions at stations, cut into short slots a
-- worker can book (one worker per slot; workers may also just come).
create table lawyer (
    id              uuid         primary key,
    -- The token subject the lawyer signs in with (staff subjects are account ids, not personal data).
    subject         varchar(255) not null unique,
    -- Encrypted with the kit's FieldCipher (AES-256-GCM, bound to the column).
    name_enc        varchar(500) not null,
    -- 律师执业证号: 17 digits, public on the lawyers' register.
    licence_number  varchar(17)  not null unique,
    firm            varchar(100) not null,
    created_at      timestamptz  not null
);

create table duty_session (
    id            uuid        primary key,
    station_id    uuid        not null,
    lawyer_id     uuid        not null references lawyer (id),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    slot_minutes  integer     not null check (slot_minutes between 10 and 120),
    created_at    timestamptz not null,
    check (ends_at > starts_at)
);
create index duty_session_upcoming on duty_session (ends_at, starts_at, id);
create index duty_session_of_lawyer on duty_session (lawyer_id, starts_at);

-- A slot's place is taken by one conditional UPDATE (booked = booked + 1 where booked < capacity);
-- the check constraint refuses an overbooking whatever the code does (ADR 0016).
create table session_slot (
    id          uuid        primary key,
    session_id  uuid        not null references duty_session (id),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    capacity    integer     not null default 1 check (capacity > 0),
    booked      integer     not null default 0,
    unique (session_id, starts_at),
    check (booked between 0 and capacity)
);

create table session_booking (
    id          uuid        primary key,
    session_id  uuid        not null references duty_session (id),
    slot_id     uuid        not null references session_slot (id),
    -- The worker's pseudonym (kit Pseudonyms of the token subject).
    person      varchar(64) not null,
    status      varchar(20) not null check (status in ('BOOKED', 'CANCELLED')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
-- One live booking per worker and session.
create unique index session_booking_one_per_person on session_booking (session_id, person) where status = 'BOOKED';
create index session_booking_of_person on session_booking (person, created_at desc, id desc);
