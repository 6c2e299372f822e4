-- The station version a venue row reflects; older events never overwrite newer state.
alter table venue add column version integer not null default 0;
alter table venue add column status_reason varchar(300);
