package org.yizhan.station;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.calendar.ChinaHolidayCalendar;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.hours.OpeningHours;
import org.yizhan.station.domain.hours.OpeningHoursForm;
import org.yizhan.station.service.OpenWeekBackfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.NearbySearchTest.hours;
import static org.yizhan.station.NearbySearchTest.nearby;
import static org.yizhan.station.NearbySearchTest.station;

/**
 * Opening hours tested in SQL (the week derived from them) and in Java (what does not reduce to a
 * week) give the same answers as the hours themselves, and the derived week follows every change.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class NearbyOpenHoursTest {

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Inject
    OpenWeekBackfill backfill;

    private static final String[] HOURS = {
            "{\"weekly\": \"24/7\"}",
            "{\"weekly\": \"Mo-Su 08:00-20:00\"}",
            "{\"weekly\": \"Mo-Su 20:00-08:00\"}",
            "{\"weekly\": \"Mo-Fr 09:00-17:00; Sa-Su off\", \"onPublicHoliday\": \"CLOSED\", \"makeUpWorkdayAs\": \"MONDAY\"}",
            "{\"weekly\": \"Mo-Su 10:00-22:00\", \"onPublicHoliday\": \"SUNDAY_HOURS\"}",
            "{\"weekly\": \"24/7\", \"exceptions\": [{\"date\": \"2026-12-02\", \"reason\": \"消毒闭站\"},"
                    + " {\"date\": \"2026-12-03\", \"hours\": \"09:00-11:00\", \"reason\": \"半天\"}]}",
            "{\"weekly\": \"Mo-Su 08:00-12:00\", \"seasons\": [{\"from\": \"12-01\", \"to\": \"12-31\","
                    + " \"weekly\": \"Mo-Su 13:00-18:00\"}]}",
            "{\"weekly\": \"Mo-Su 09:00-18:00\", \"timeZone\": \"Asia/Kolkata\"}",
            "{\"weekly\": \"Mo-Su 09:00-18:00\", \"timeZone\": \"Europe/Berlin\"}"};

    /** Whether the week of these hours is kept for SQL. */
    private static final boolean[] IN_SQL = {true, true, true, true, true, false, false, true, false};

    private static List<Instant> instants() {
        List<Instant> at = new ArrayList<>();
        // An ordinary week with the exception days, every 97 minutes (so minutes and hours vary).
        for (Instant i = Instant.parse("2026-11-29T15:00:00Z"); i.isBefore(Instant.parse("2026-12-07T16:00:00Z"));
             i = i.plus(Duration.ofMinutes(97))) {
            at.add(i);
        }
        // Spring Festival 2026: make-up Saturday (班), holidays (休), the night after them.
        for (String s : List.of("2026-02-14T10:00:00+08:00", "2026-02-15T21:00:00+08:00", "2026-02-22T11:00:00+08:00",
                "2026-02-24T01:30:00+08:00", "2026-02-24T10:00:00+08:00", "2026-01-01T10:00:00+08:00")) {
            at.add(java.time.OffsetDateTime.parse(s).toInstant());
        }
        return at;
    }

    @Test
    void searchAgreesWithTheHoursInSqlAndInJava() throws Exception {
        GeoPoint c = NearbySearchTest.freshCentre();
        Map<String, OpeningHours> stations = new LinkedHashMap<>();
        for (int i = 0; i < HOURS.length; i++) {
            String id = station("时段" + i, c, 50 + i * 40, "PARK");
            hours(id, HOURS[i]);
            stations.put(id, json.readValue(HOURS[i], OpeningHoursForm.class).toDomain());
        }
        String unknown = station("时段未知", c, 600, "PARK");
        List<String> ids = new ArrayList<>(stations.keySet());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(IN_SQL[i], week(ids.get(i)) != null, HOURS[i]);
        }
        assertNull(week(unknown));
        assertAgrees(c, stations);
    }

    @Test
    void hoursChangedOutsideTheApiAreCheckedInJavaUntilDerivedAgain() throws Exception {
        GeoPoint c = NearbySearchTest.freshCentre();
        String id = station("导入驿站", c, 100, "PARK");
        hours(id, "{\"weekly\": \"Mo-Su 08:00-20:00\"}");
        assertNotNull(week(id));
        // A bulk load writes other hours straight into the table: the derived week is reset.
        String night = "{\"timeZone\": \"Asia/Shanghai\", \"weekly\": \"Mo-Su 20:00-08:00\", \"onPublicHoliday\": \"KEEP_WEEKLY_HOURS\"}";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "update station set opening_hours = cast(? as jsonb) where id = ?")) {
            ps.setString(1, night);
            ps.setObject(2, UUID.fromString(id));
            assertEquals(1, ps.executeUpdate());
        }
        assertNull(week(id));
        Map<String, OpeningHours> stations = Map.of(id, json.readValue(night, OpeningHoursForm.class).toDomain());
        assertAgrees(c, stations);
        // The periodic backfill may be deriving it meanwhile (then this call skips); either way the week comes back.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (backfill.deriveAll() == 0 && week(id) == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("{[0,480),[1200,1920),[2640,3360),[4080,4800),[5520,6240),[6960,7680),[8400,9120),[9840,10080)}",
                week(id));
        assertAgrees(c, stations);
    }

    private void assertAgrees(GeoPoint c, Map<String, OpeningHours> stations) {
        List<String> all = nearby(c, "radius", "1000", "limit", "100").statusCode(200).extract().path("items.station.id");
        int someOpen = 0;
        int someClosed = 0;
        for (Instant at : instants()) {
            List<String> expected = all.stream().filter(id -> stations.containsKey(id)
                    && stations.get(id).isOpenAt(at, ChinaHolidayCalendar.official())).toList();
            List<String> found = nearby(c, "radius", "1000", "limit", "100", "openAt", at.toString()).statusCode(200)
                    .extract().path("items.station.id");
            assertEquals(expected, found, "open at " + at);
            someOpen += expected.isEmpty() ? 0 : 1;
            someClosed += expected.size() < stations.size() ? 1 : 0;
        }
        assertTrue(someOpen > 0 && someClosed > 0, "the instants should find stations open and closed");
        assertFalse(all.isEmpty());
    }

    private String week(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("select cast(hours_week as text) from station where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
