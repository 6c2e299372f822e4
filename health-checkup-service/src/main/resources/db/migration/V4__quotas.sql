-- Quotas: places for an occupation, in the whole campaign, at a site, on a day, or at a site on a
-- day. Every quota that matches a booking must have room (the strictest wins); taken never
-- exceeds places, in the code and as a check constraint.
create table quota (
    id          uuid        primary key,
    campaign_id uuid        not null references campaign (id),
    occupation  varchar(20) not null,
    site_id     uuid        references site (id),
    day         date,
    places      integer     not null check (places between 0 and 100000),
    taken       integer     not null default 0 check (taken >= 0),
    check (taken <= places)
);
create unique index quota_scope on quota (campaign_id, occupation,
    coalesce(site_id, '00000000-0000-0000-0000-000000000000'), coalesce(day, date '1970-01-01'));

-- The Beijing day of the appointment's slot, to find its quotas when the place is given back.
alter table appointment add column quota_day date;
update appointment a set quota_day = (s.starts_at at time zone 'Asia/Shanghai')::date from slot s where s.id = a.slot_id;
alter table appointment alter column quota_day set not null;
