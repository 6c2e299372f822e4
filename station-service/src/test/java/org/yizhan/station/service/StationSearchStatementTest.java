package org.yizhan.station.service;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.StationStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The near-me statement's text and parameters stay in step for every combination of filters. */
class StationSearchStatementTest {

    @Test
    void everyPlaceholderHasItsParameterInEveryCombination() {
        int combinations = 0;
        for (Instant openAt : new Instant[] {null, Instant.parse("2026-12-01T10:00:00Z")}) {
            for (StationSearch.Position after : new StationSearch.Position[] {null,
                    new StationSearch.Position(812.5, UUID.randomUUID())}) {
                for (HostType host : new HostType[] {null, HostType.PARK}) {
                    for (String keyword : new String[] {null, "50%_\\"}) {
                        StationSearch.Statement s = StationSearch.statement(new StationSearch.SearchQuery(
                                new GeoPoint(31.23, 121.47), 3000, EnumSet.of(StationStatus.ACTIVE),
                                Set.of(Amenity.MICROWAVE, Amenity.PHONE_CHARGING), host, keyword, openAt, after, 20),
                                true, after, 21);
                        assertEquals(s.sql().chars().filter(ch -> ch == '?').count(), s.parameters().size(), s.sql());
                        assertTrue(s.sql().contains("<-> point(?, ?) limit 21"), "nearest-first pass");
                        // Without the CASE, the planner reads the whole box and sorts it (ADR 0027).
                        assertTrue(s.sql().contains(" and case when true and s.status in ('ACTIVE')"),
                                "the nearest-first pass's filters hidden from the planner's estimate");
                        assertTrue(s.sql().endsWith("order by distance, id limit 21"), "great-circle order");
                        combinations++;
                    }
                }
            }
        }
        assertEquals(16, combinations);
    }
}
