-- A case refers its client to relief once while the referral is open (again only after a rejection).
create unique index relief_one_open_referral_per_case on relief_application (case_id)
    where case_id is not null and status <> 'REJECTED';
