-- Partner departments that organise activities with the union. A partner's token carries its
-- code in the "org" claim.
create table partner (
    code        varchar(40)  primary key,
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    created_at  timestamptz  not null default now()
);

insert into partner (code, name_zh, name_en) values
    ('union', '区总工会', 'District Federation of Trade Unions'),
    ('party-building', '党建工作办公室', 'Party Building Office'),
    ('youth-league', '共青团', 'Communist Youth League'),
    ('womens-federation', '妇联', 'Women''s Federation'),
    ('community-clinic', '社区卫生服务中心', 'Community Health Centre'),
    ('traffic-police', '交通支队', 'Traffic Police'),
    ('volunteers', '志愿服务队', 'Volunteer Service Team');

-- The activity taxonomy. Built-in types cannot be removed; admins add more.
create table activity_type (
    code        varchar(40)  primary key,
    name_zh     varchar(60)  not null,
    name_en     varchar(80)  not null,
    builtin     boolean      not null default false,
    created_at  timestamptz  not null default now()
);

insert into activity_type (code, name_zh, name_en, builtin) values
    ('HAIRCUT', '爱心理发', 'Free haircut', true),
    ('BIRTHDAY_PARTY', '集体生日会', 'Group birthday party', true),
    ('TRAFFIC_SAFETY_TRAINING', '交通安全培训', 'Traffic-safety training', true),
    ('SAFETY_TALK', '安全知识讲座', 'Safety talk', true),
    ('TEAM_OUTING', '团队建设与拓展', 'Team building and outing', true),
    ('FREE_LAUNDRY', '免费洗衣', 'Free laundry', true),
    ('POLICY_LEGAL_TALK', '政策与法律宣讲', 'Policy and legal talk', true),
    ('COMMENDATION', '优秀小哥表彰', 'Commendation of outstanding workers', true),
    ('HEALTH_TALK', '健康讲座', 'Health talk', true),
    ('OTHER', '其他', 'Other', true);

create table activity (
    id                     uuid          primary key,
    type                   varchar(40)   not null references activity_type (code),
    title                  varchar(100)  not null,
    description            varchar(2000),
    station_id             uuid          not null,
    starts_at              timestamptz   not null,
    ends_at                timestamptz   not null,
    capacity               integer,
    occupations            text[]        not null default '{}',
    status                 varchar(20)   not null,
    cancel_reason          varchar(300),
    -- Set when the venue closed after the activity was planned: it needs a new venue or a cancellation.
    venue_warning          varchar(300),
    -- Who created it: a union admin or partner (token subject), and for pushed records the
    -- pushing partner and its own record id.
    created_by             varchar(100)  not null,
    source                 varchar(20)   not null,
    source_partner         varchar(40)   references partner (code),
    source_record_id       varchar(100),
    source_hash            varchar(64),
    -- A pushed record that names no participants carries only their number.
    reported_participants  integer,
    version                integer       not null default 0,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    published_at           timestamptz,
    completed_at           timestamptz,
    constraint activity_period check (ends_at > starts_at),
    constraint activity_capacity check (capacity is null or capacity > 0),
    constraint activity_reported check (reported_participants is null or reported_participants >= 0),
    constraint activity_source check ((source = 'PUSH') = (source_partner is not null and source_record_id is not null))
);
create unique index activity_partner_record on activity (source_partner, source_record_id)
    where source_partner is not null;
create index activity_station_start on activity (station_id, starts_at);
create index activity_upcoming on activity (starts_at, id) where status = 'PUBLISHED';

-- Organisers of an activity. A co-organised activity is one activity with several organisers.
create table activity_organiser (
    activity_id   uuid         not null references activity (id) on delete cascade,
    partner_code  varchar(40)  not null references partner (code),
    primary key (activity_id, partner_code)
);
create index activity_organiser_partner on activity_organiser (partner_code, activity_id);
