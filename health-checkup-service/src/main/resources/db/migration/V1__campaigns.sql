-- Free checkup campaigns: who may book (occupations and their package), which clinics take part,
-- and when booking is open. Sites, slots and quotas refer to a campaign.
create table campaign (
    id                 uuid         primary key,
    name               varchar(100) not null,
    year               integer      not null check (year between 2000 and 2100),
    organiser          varchar(100) not null,
    description        varchar(2000),
    -- occupation -> checkup items of its package, e.g. {"TRUCK_DRIVER": ["BASIC", "ECG"]}
    packages           jsonb        not null,
    clinics            varchar(64)[] not null,
    booking_opens_at   timestamptz  not null,
    booking_closes_at  timestamptz  not null check (booking_closes_at > booking_opens_at),
    status             varchar(20)  not null,
    created_by         varchar(200) not null,
    created_at         timestamptz  not null,
    published_at       timestamptz,
    updated_at         timestamptz  not null,
    version            integer      not null default 0
);
create index campaign_list on campaign (year desc, created_at desc, id desc);
