-- Near-me search with openNow/openAt filters in SQL: opening hours reduced to the minutes of the
-- local week (minute 0 = Monday 00:00 in hours_zone) that they are open, as derived by
-- station-service (OpenWeek). hours_week is null when the hours need the Java evaluation
-- (seasons, dated exceptions, a zone whose clocks still change) or are unknown.
alter table station
    add column hours_derived        boolean not null default false,
    add column hours_week           int4multirange,
    add column hours_zone           text,
    add column hours_calendar_free  boolean,
    add column hours_week_from      timestamptz;

-- Whenever opening_hours changes, what was derived from it no longer holds: the search then
-- evaluates the hours in Java until station-service derives them again.
create function station_hours_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.opening_hours is distinct from old.opening_hours then
        new.hours_derived := false;
        new.hours_week := null;
        new.hours_zone := null;
        new.hours_calendar_free := null;
        new.hours_week_from := null;
    end if;
    return new;
end
$$;
create trigger station_hours_changed before insert or update of opening_hours on station
    for each row execute function station_hours_changed();

-- Rows whose hours are still to be derived (after this migration, bulk loads and hours changes).
create index station_hours_underived on station (id) where opening_hours is not null and not hours_derived;
