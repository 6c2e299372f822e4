-- Co-organisers are invited and accept (ADR 0014). The lead organiser is the partner that
-- created the activity (or pushed its record); nobody removes it. Activities an admin created
-- have none: only admins change their organisers.
alter table activity add column lead_partner varchar(40) references partner (code);

-- Pushed records: the pushing partner. Planned activities: their only organiser when there is
-- one (who created a co-organised one is not known for activities planned before this version).
update activity set lead_partner = source_partner where source = 'PUSH';
update activity a set lead_partner = (select min(o.partner_code) from activity_organiser o where o.activity_id = a.id)
 where a.source <> 'PUSH'
   and (select count(*) from activity_organiser o where o.activity_id = a.id) = 1
   and not exists (select 1 from activity_organiser o where o.activity_id = a.id and o.partner_code = 'union');

-- Partners invited to co-organise an activity that have not answered yet. An invited partner
-- becomes an organiser (activity_organiser) only when it accepts.
create table activity_invitation (
    activity_id   uuid         not null references activity (id) on delete cascade,
    partner_code  varchar(40)  not null references partner (code),
    invited_at    timestamptz  not null default now(),
    primary key (activity_id, partner_code)
);
create index activity_invitation_partner on activity_invitation (partner_code, activity_id);
