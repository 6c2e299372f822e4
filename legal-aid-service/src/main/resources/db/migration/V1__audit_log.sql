-- The audit log of legal aid: who read or changed what, when and why. Append-only, enforced here
-- and not only by the code (ADR 0018): a trigger refuses every UPDATE, DELETE and TRUNCATE, for
-- every role the service could connect as, its owner included.
create table audit_entry (
    seq          bigint       generated always as identity primary key,
    at           timestamptz  not null,
    -- A worker's pseudonym (kit Pseudonyms), or the token subject of lawyers and union staff.
    actor        varchar(255) not null,
    actor_kind   varchar(10)  not null check (actor_kind in ('PERSON', 'STAFF')),
    role         varchar(20)  not null,
    action       varchar(20)  not null check (action in ('READ', 'LIST', 'CREATE', 'UPDATE', 'DENIED')),
    target_kind  varchar(30)  not null,
    target_id    varchar(64),
    purpose      varchar(300)
);
create index audit_entry_target on audit_entry (target_kind, target_id, seq desc);
create index audit_entry_actor on audit_entry (actor, seq desc);
create index audit_entry_at on audit_entry (at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Roles other than the owner may only add and read (deployments connect as such a role).
revoke all on audit_entry from public;
