-- A worker's own visits (GET /api/v1/stations/visits/mine) are read by visitor, newest first
-- (visited_at desc, id desc, and the page's keyset after them): this index serves the filter, the
-- order and the keyset, instead of reading every visit of the table.
create index station_visit_visitor on station_visit (visitor, visited_at desc, id desc);
