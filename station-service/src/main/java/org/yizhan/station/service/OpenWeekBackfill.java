package org.yizhan.station.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.ops.JobRunner;
import org.yizhan.station.domain.hours.OpenWeek;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Derives what near-me search tests in SQL ({@code hours_week} and its companions, see
 * {@link OpenWeek}) for stations whose hours have none yet: after the migration that added the
 * columns, after bulk loads that bypass the API, and after any change of hours that did not go
 * through {@link StationHours#set}. Runs at start-up and then every
 * {@code yizhan.search.derive-hours-every}; until it has run, search checks those hours in Java.
 * Each batch is a transaction of its own under the job's advisory lock ({@link Job#OPEN_WEEK_BACKFILL}):
 * with several instances one derives at a time and the others skip, so that instances started
 * together after a migration do not all derive the same rows.
 */
@ApplicationScoped
public class OpenWeekBackfill {

    private static final Logger LOG = Logger.getLogger(OpenWeekBackfill.class);
    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final StationHours hours;
    private final Duration every;
    private final JobRunner runner;
    private ScheduledExecutorService executor;

    public OpenWeekBackfill(DataSource dataSource, StationHours hours, JobRunner runner,
                            @ConfigProperty(name = "yizhan.search.derive-hours-every", defaultValue = "60s")
                            Duration every) {
        this.dataSource = dataSource;
        this.hours = hours;
        this.every = every;
        this.runner = runner;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "open-week-backfill");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runQuietly, 1_000, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runQuietly() {
        try {
            int derived = deriveAll();
            if (derived > 0) {
                LOG.infof("derived the search week of %d stations' hours", derived);
            }
        } catch (RuntimeException e) {
            LOG.warn("deriving stations' hours for search failed; will try again", e);
        }
    }

    /**
     * Derives every station still without, unless another instance is doing it now; returns how
     * many were written by this call.
     */
    public int deriveAll() {
        return runner.inBatches(Job.OPEN_WEEK_BACKFILL, BATCH, () -> {
            try (Connection c = dataSource.getConnection()) {
                return batch(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(0);
    }

    private int batch(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, cast(opening_hours as text) from station"
                + " where opening_hours is not null and not hours_derived limit " + BATCH);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                texts.add(rs.getString(2));
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        int n = ids.size();
        String[] weeks = new String[n];
        String[] zones = new String[n];
        String[] free = new String[n];
        String[] from = new String[n];
        for (int i = 0; i < n; i++) {
            Optional<OpenWeek> week;
            try {
                week = hours.week(texts.get(i));
            } catch (RuntimeException unreadable) {
                // Search checks such hours in Java, as before, and reports the problem there.
                week = Optional.empty();
            }
            if (week.isPresent()) {
                weeks[i] = week.get().multirange();
                zones[i] = week.get().zone().getId();
                free[i] = String.valueOf(week.get().calendarFree());
                from[i] = week.get().validFrom().toString();
            }
        }
        // Only rows whose hours are still those derived from (a change meanwhile resets them).
        try (PreparedStatement ps = c.prepareStatement("update station s set hours_derived = true,"
                + " hours_week = cast(v.week as int4multirange), hours_zone = v.zone,"
                + " hours_calendar_free = cast(v.free as boolean), hours_week_from = cast(v.valid_from as timestamptz)"
                + " from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
                + " cast(? as text[]), cast(? as text[])) as v(id, hours, week, zone, free, valid_from)"
                + " where s.id = v.id and s.opening_hours = cast(v.hours as jsonb)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.setArray(2, c.createArrayOf("text", texts.toArray()));
            ps.setArray(3, c.createArrayOf("text", weeks));
            ps.setArray(4, c.createArrayOf("text", zones));
            ps.setArray(5, c.createArrayOf("text", free));
            ps.setArray(6, c.createArrayOf("text", from));
            return ps.executeUpdate();
        }
    }
}
