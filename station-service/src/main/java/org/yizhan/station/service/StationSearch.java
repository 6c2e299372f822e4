package org.yizhan.station.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.calendar.ChinaHolidayCalendar;
import org.yizhan.kit.calendar.HolidayCalendar;
import org.yizhan.kit.geo.Distance;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.hours.OpenWeek;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Near-me search: stations within a radius, nearest first, filtered by status, amenities, host
 * type, keyword and opening hours, read in one SQL statement per round. PostgreSQL narrows the
 * candidates with a bounding box on the GiST index, orders them by great-circle distance and
 * tests opening hours that reduce to a local week ({@link OpenWeek}, kept in
 * {@code station.hours_week}) itself; hours that do not (seasons, dated exceptions, not derived
 * yet) and calendar-dependent hours near an official day come back with their text and are checked
 * here. Rows are read straight into detached {@link Station} objects for display.
 */
@ApplicationScoped
public class StationSearch {

    /** Most candidates read per round while the Java hours check drops some. */
    private static final int MAX_BATCH = 400;

    /** Columns a hit needs, after id and distance. */
    private static final String COLUMNS = "s.name, s.host_type, s.host_organisation, s.address, s.district,"
            + " s.latitude, s.longitude, s.contact_phone, s.area_m2, s.seats, cast(s.photos as text) as photos,"
            + " cast(s.listed_in as text) as listed_in, s.status, s.status_reason, s.expected_reopening,"
            + " s.last_verified_on, s.registered_at, s.updated_at, s.version";

    private final DataSource dataSource;
    private final StationHours hours;
    private final ObjectMapper json;
    private final HolidayCalendar calendar = ChinaHolidayCalendar.official();

    public StationSearch(DataSource dataSource, StationHours hours, ObjectMapper json) {
        this.dataSource = dataSource;
        this.hours = hours;
        this.json = json;
    }

    /** What to look for. {@code openAt} null = any time; {@code after} continues a previous page. */
    public record SearchQuery(GeoPoint centre, double radiusMetres, Set<StationStatus> statuses, Set<Amenity> amenities,
                         HostType hostType, String keyword, Instant openAt, Position after, int limit) {
    }

    /** Where a page ended: the last station's distance and id. */
    public record Position(double distanceMetres, UUID id) {
    }

    /**
     * A station found (a detached copy read for display, not managed by Hibernate), its distance,
     * and whether it is open at the asked time (null if not asked).
     */
    public record Hit(Station station, double distanceMetres, Boolean open) {
    }

    /** A page of hits and where the next one starts (null on the last page). */
    public record Result(List<Hit> hits, Position next) {
    }

    /** A SQL statement and its parameters, in order. */
    public record Statement(String sql, List<Object> parameters) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Result search(SearchQuery q) {
        List<Hit> kept = new ArrayList<>();
        Position after = q.after();
        boolean ordinaryDays = q.openAt() == null || OpenWeek.ordinaryDaysAround(q.openAt(), calendar);
        // The database tests most hours itself, so limit + 1 rows usually make the page and tell
        // whether there is another; rounds grow only while hours checked here drop rows.
        int batch = q.limit() + 1;
        try (Connection connection = dataSource.getConnection()) {
            while (kept.size() <= q.limit()) {
                Statement statement = statement(q, ordinaryDays, after, batch);
                int rows = 0;
                try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                    for (int i = 0; i < statement.parameters().size(); i++) {
                        ps.setObject(i + 1, statement.parameters().get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && kept.size() <= q.limit()) {
                            rows++;
                            UUID id = rs.getObject(1, UUID.class);
                            double distance = rs.getDouble(2);
                            after = new Position(distance, id);
                            String toCheck = rs.getString(3);
                            if (toCheck != null && !hours.isOpenAt(toCheck, q.openAt()).orElse(false)) {
                                continue;
                            }
                            kept.add(new Hit(station(id, rs), distance, q.openAt() == null ? null : Boolean.TRUE));
                        }
                    }
                }
                if (rows < batch) {
                    break;
                }
                batch = Math.min(MAX_BATCH, batch * 2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("near-me search failed", e);
        }
        if (kept.size() <= q.limit()) {
            return new Result(kept, null);
        }
        List<Hit> page = List.copyOf(kept.subList(0, q.limit()));
        Hit last = page.get(page.size() - 1);
        return new Result(page, new Position(last.distanceMetres(), last.station().id));
    }

    /**
     * The statement of one round: id, distance, the hours text where they are to be checked in
     * Java (else null), then the columns of a station; the nearest {@code batch} matches after
     * {@code after}, ordered by distance and id. Public so that the benchmark's reference query
     * can be compared with it.
     *
     * <p>The matches are read in two passes inside the statement (ADR 0027). A nearest-first pass
     * walks the GiST index in the order of the planar distance between (longitude, latitude)
     * points ({@code <->}, in degrees) and keeps the first {@code batch} matches; the largest
     * great-circle distance among them, D, bounds the answer, since at least {@code batch}
     * matches lie within D. Every point within D of the centre lies in the box of D (latitude
     * within D, longitude within the spherical cap's widest extent), so the second pass reads only
     * the matches in that box, instead of every match in the box of the radius, and orders them
     * by great-circle distance exactly as before. With fewer than {@code batch} matches in the
     * radius's box the bound is not needed and the box of the radius alone applies.
     */
    public static Statement statement(SearchQuery q, boolean ordinaryDays, Position after, int batch) {
        double lat = q.centre().latitude();
        double lon = q.centre().longitude();
        double dLat = Math.toDegrees(q.radiusMetres() / Distance.MEAN_EARTH_RADIUS_METRES);
        double cos = Math.max(Math.cos(Math.toRadians(lat)), 0.01);
        double dLon = Math.min(180, dLat / cos);
        OffsetDateTime at = q.openAt() == null ? null : q.openAt().atOffset(ZoneOffset.UTC);
        Sql sql = new Sql("select * from (select s.id, ");
        sql.distance(lat, lon).text(" as distance, ");
        if (q.openAt() == null) {
            sql.text("null as hours, ");
        } else {
            sql.text("case when ").javaChecks(at, ordinaryDays).text(" then cast(s.opening_hours as text) end as hours, ");
        }
        sql.text(COLUMNS).text(" from station s where ");
        box(sql, lat, lon, dLat, dLon);
        sql.text(" and point(s.longitude, s.latitude) <@ (");
        boundingBoxOfNearest(sql, q, ordinaryDays, after, batch, at, dLat, dLon);
        sql.text(")");
        filters(q, sql, at, ordinaryDays);
        sql.text(") c where distance <= ?").param(q.radiusMetres());
        if (after != null) {
            sql.text(" and (distance > ? or (distance = ? and id > ?))")
                    .param(after.distanceMetres()).param(after.distanceMetres()).param(after.id());
        }
        sql.text(" order by distance, id limit " + batch);
        return new Statement(sql.buffer.toString(), sql.params);
    }

    /**
     * A scalar subquery: the box of the largest great-circle distance among the first
     * {@code batch} matches in nearest-first (planar) order, widened by a relative 1e-9 and 1e-9
     * degrees against rounding; a box holding everything when there are fewer matches, or when
     * the cap of that distance reaches a pole.
     */
    private static void boundingBoxOfNearest(Sql sql, SearchQuery q, boolean ordinaryDays, Position after, int batch,
                                             OffsetDateTime at, double dLat, double dLon) {
        double lat = q.centre().latitude();
        double lon = q.centre().longitude();
        sql.text("select case when n < " + batch + " then box(point(-1000, -1000), point(1000, 1000))"
                + " else box(point(? - w, ? - h), point(? + w, ? + h)) end from (select n, degrees(a) + 1e-9 as h,"
                + " case when a >= pi() / 2 - radians(abs(?)) then 360"
                + " else degrees(asin(least(1, sin(a) / cos(radians(?))))) + 1e-9 end as w"
                + " from (select count(*) as n, max(distance) * (1 + 1e-9) / " + Distance.MEAN_EARTH_RADIUS_METRES
                + " as a from (select ").param(lon).param(lat).param(lon).param(lat).param(lat).param(lat);
        sql.distance(lat, lon).text(" as distance from station s where ");
        box(sql, lat, lon, dLat, dLon);
        // The filters inside a CASE, which the planner estimates at one row in two: written as
        // they are, it expects about one match in the box, and then prefers reading the whole
        // box and sorting it to walking the index nearest-first, which is the point of this pass.
        sql.text(" and case when true");
        filters(q, sql, at, ordinaryDays);
        sql.text(" then true else false end");
        if (after != null) {
            sql.text(" and (").distance(lat, lon).text(" > ? or (").param(after.distanceMetres())
                    .distance(lat, lon).text(" = ? and s.id > ?))").param(after.distanceMetres()).param(after.id());
        }
        sql.text(" order by point(s.longitude, s.latitude) <-> point(?, ?) limit " + batch + ") k) g) m")
                .param(lon).param(lat);
    }

    /** The box of the radius, which the GiST index on {@code point(longitude, latitude)} answers. */
    private static void box(Sql sql, double lat, double lon, double dLat, double dLon) {
        sql.text("point(s.longitude, s.latitude) <@ box(point(?, ?), point(?, ?))")
                .param(lon - dLon).param(lat - dLat).param(lon + dLon).param(lat + dLat);
    }

    /** SQL text and its parameters, appended together so that they stay in step. */
    private static final class Sql {
        final StringBuilder buffer;
        final List<Object> params = new ArrayList<>();

        Sql(String start) {
            buffer = new StringBuilder(start);
        }

        Sql text(String more) {
            buffer.append(more);
            return this;
        }

        Sql param(Object value) {
            params.add(value);
            return this;
        }

        /** The great-circle (haversine) distance in metres from the centre to the station. */
        Sql distance(double lat, double lon) {
            buffer.append("2 * ").append(Distance.MEAN_EARTH_RADIUS_METRES)
                    .append(" * asin(sqrt(power(sin(radians(s.latitude - ?) / 2), 2) + cos(radians(?))"
                            + " * cos(radians(s.latitude)) * power(sin(radians(s.longitude - ?) / 2), 2)))");
            return param(lat).param(lat).param(lon);
        }

        /** True when the hours are to be checked in Java: no week, a week not valid yet, or an official day near. */
        Sql javaChecks(OffsetDateTime at, boolean ordinaryDays) {
            buffer.append("s.hours_week is null or s.hours_week_from > ? or not (? or s.hours_calendar_free)");
            return param(at).param(ordinaryDays);
        }
    }

    /** The conditions on status, amenities, host type, keyword and opening hours. */
    private static void filters(SearchQuery q, Sql sql, OffsetDateTime at, boolean ordinaryDays) {
        // Statuses and amenities are enum names, written as literals: with parameters, the plan
        // PostgreSQL caches for a prepared statement cannot see that most stations have the asked
        // amenities and intersects the GIN index's 100,000s of rows with the bounding box.
        sql.text(" and s.status in (" + String.join(", ",
                q.statuses().stream().map(st -> "'" + st.name() + "'").sorted().toList()) + ")");
        if (!q.amenities().isEmpty()) {
            sql.text(" and s.working_amenities @> cast('{" + String.join(",",
                    q.amenities().stream().map(Enum::name).sorted().toList()) + "}' as text[])");
        }
        if (q.hostType() != null) {
            sql.text(" and s.host_type = ?").param(q.hostType().name());
        }
        if (q.keyword() != null) {
            String like = "%" + q.keyword().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.text(" and (s.name ilike ? escape '\\' or s.address ilike ? escape '\\')").param(like).param(like);
        }
        if (at != null) {
            // Open by the week at the local minute of the week, or left to the check in Java.
            sql.text(" and s.opening_hours is not null and (").javaChecks(at, ordinaryDays)
                    .text(" or s.hours_week @> ((extract(isodow from cast(? as timestamptz) at time zone s.hours_zone)"
                            + " - 1) * 1440 + extract(hour from cast(? as timestamptz) at time zone s.hours_zone) * 60"
                            + " + extract(minute from cast(? as timestamptz) at time zone s.hours_zone))::int)")
                    .param(at).param(at).param(at);
        }
    }

    private Station station(UUID id, ResultSet rs) throws SQLException {
        Station s = new Station();
        s.id = id;
        s.name = rs.getString("name");
        s.hostType = HostType.valueOf(rs.getString("host_type"));
        s.hostOrganisation = rs.getString("host_organisation");
        s.address = rs.getString("address");
        s.district = rs.getString("district");
        s.latitude = rs.getDouble("latitude");
        s.longitude = rs.getDouble("longitude");
        s.contactPhone = rs.getString("contact_phone");
        java.math.BigDecimal area = rs.getBigDecimal("area_m2");
        s.areaM2 = area == null ? null : area.doubleValue();
        s.seats = rs.getObject("seats", Integer.class);
        s.photos = strings(rs.getString("photos"));
        s.listedIn = strings(rs.getString("listed_in"));
        s.status = StationStatus.valueOf(rs.getString("status"));
        s.statusReason = rs.getString("status_reason");
        s.expectedReopening = rs.getObject("expected_reopening", LocalDate.class);
        s.lastVerifiedOn = rs.getObject("last_verified_on", LocalDate.class);
        s.registeredAt = rs.getObject("registered_at", OffsetDateTime.class).toInstant();
        s.updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
        s.version = rs.getInt("version");
        return s;
    }

    private List<String> strings(String text) {
        if (text == null || text.equals("[]")) {
            return new ArrayList<>();
        }
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is unreadable", e);
        }
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
}
