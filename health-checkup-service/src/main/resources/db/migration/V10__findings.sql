-- De-identified aggregate findings a clinic reports for a campaign, or for one of its sites there:
-- how many workers it examined and how many of them had each finding (counts per category, a
-- closed list checked by the service). There is no column that could hold a person: results stay
-- with the clinic. Uploading again for the same scope replaces the report.
create table finding_report (
    id          uuid        primary key,
    campaign_id uuid        not null references campaign (id),
    clinic      varchar(64) not null,
    site_id     uuid        references site (id),
    examined    integer     not null check (examined between 0 and 1000000),
    -- {"HYPERTENSION": 23, "OVERWEIGHT": 41, ...}; every count between 0 and examined.
    counts      jsonb       not null,
    reported_at timestamptz not null
);
create unique index finding_report_scope on finding_report (campaign_id, clinic,
    coalesce(site_id, '00000000-0000-0000-0000-000000000000'));
