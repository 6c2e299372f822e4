-- The station replica is the kit's (station_replica, db/station-replica/V0_20; ADR 0015): the
-- stations this service kept in venue move there, with their versions and last events, so that
-- the kit's handler goes on from where the service's own left off. Nothing referenced venue by a
-- foreign key (activities name their station_id).
insert into station_replica (station_id, version, name, host_type, address, district, latitude, longitude, status,
                             status_reason, registered_at, last_event_id, updated_at)
select station_id, version, name, host_type, address, district, latitude, longitude, status, status_reason,
       registered_at, last_event_id, updated_at
  from venue
    on conflict (station_id) do nothing;
drop table venue;
