package org.yizhan.system.faults;

import org.yizhan.system.stack.Http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a realistic mix through the gateway at a fixed rate, whatever the answers take (an open
 * loop: a slow or failing service does not slow the clients down), and records every answer.
 *
 * <p>The mix, per 20 requests: 5 near-me searches, 2 station registrations, 3 station updates
 * (read, then write with If-Match), 1 activity planned and published, 3 registrations, 1 partner
 * push of a completed activity, 2 checkup holds, 3 legal-aid reads.
 */
final class LoadGenerator implements AutoCloseable {

    /** What a request does; {@code write}: it changes state and its answer names what it wrote. */
    enum Kind {
        NEAR_ME(false), STATION_REGISTRATION(true), STATION_UPDATE(true), ACTIVITY_PLAN(true),
        ACTIVITY_PUBLISH(true), REGISTRATION(true), PARTNER_PUSH(true), CHECKUP_HOLD(true), LEGAL_AID_READ(false);

        final boolean write;

        Kind(boolean write) {
            this.write = write;
        }
    }

    /**
     * One answer: what was asked, when, its status ({@link Http#HUNG}, {@link Http#NO_CONNECTION}
     * for none), whether it was a problem document, how long it took, and for an accepted write the
     * id of what it wrote; {@code marker} is a value unique to the request (a station's name).
     */
    record Sent(Kind kind, Instant at, int status, boolean problem, long millis, String id, String marker) {

        boolean accepted() {
            return kind.write && status >= 200 && status < 300 && id != null;
        }

        boolean fiveXx() {
            return status >= 500;
        }
    }

    private static final List<Kind> MIX = List.of(
            Kind.NEAR_ME, Kind.STATION_UPDATE, Kind.REGISTRATION, Kind.LEGAL_AID_READ, Kind.CHECKUP_HOLD,
            Kind.NEAR_ME, Kind.STATION_REGISTRATION, Kind.REGISTRATION, Kind.LEGAL_AID_READ, Kind.STATION_UPDATE,
            Kind.NEAR_ME, Kind.ACTIVITY_PLAN, Kind.REGISTRATION, Kind.PARTNER_PUSH, Kind.NEAR_ME,
            Kind.STATION_UPDATE, Kind.CHECKUP_HOLD, Kind.LEGAL_AID_READ, Kind.STATION_REGISTRATION, Kind.NEAR_ME);

    private final Http gateway;
    private final Fixtures fixtures;
    private final long periodMicros;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Sent> answers = new ArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(128);
    private final String reader;
    /** Unique to this load: names, record ids and rider ids of one load never meet another's. */
    private final String prefix;

    LoadGenerator(Http gateway, Fixtures fixtures, int perSecond) {
        this.gateway = gateway;
        this.fixtures = fixtures;
        this.periodMicros = 1_000_000L / perSecond;
        this.reader = fixtures.worker();
        this.prefix = fixtures.run + "-" + java.util.UUID.randomUUID().toString().substring(0, 4);
    }

    /** Starts sending. */
    LoadGenerator start() {
        clock.scheduleAtFixedRate(() -> {
            int n = sequence.getAndIncrement();
            clients.submit(() -> send(MIX.get(n % MIX.size()), n));
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        return this;
    }

    /** Stops sending and waits for the answers still due (at most the clients' timeout). */
    @Override
    public void close() {
        clock.shutdownNow();
        clients.shutdown();
        try {
            clients.awaitTermination(Http.TIMEOUT.toSeconds() * 2 + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every answer so far. */
    synchronized List<Sent> answers() {
        return List.copyOf(answers);
    }

    private synchronized void record(Sent sent) {
        answers.add(sent);
    }

    private void send(Kind kind, int n) {
        Instant at = Instant.now();
        switch (kind) {
            case NEAR_ME -> record(of(kind, at, gateway.get("/api/v1/stations/nearby?lat=" + Fixtures.LATITUDE
                    + "&lon=" + Fixtures.LONGITUDE + "&radius=5000", null), null));
            case LEGAL_AID_READ -> record(of(kind, at, gateway.get("/api/v1/legal-aid/sessions?lat="
                    + Fixtures.LATITUDE + "&lon=" + Fixtures.LONGITUDE + "&radiusKm=5", reader), null));
            case STATION_REGISTRATION -> {
                String name = "故障演练新驿站 " + prefix + "-" + n;
                record(of(kind, at, gateway.post("/api/v1/stations", fixtures.admin, Fixtures.stationBody(name, n)),
                        name));
            }
            case STATION_UPDATE -> {
                String station = fixtures.stations.get(n % fixtures.stations.size());
                Http.Answer read = gateway.get("/api/v1/stations/" + station, fixtures.admin);
                if (read.status() != 200) {
                    record(new Sent(kind, at, read.status(), read.problem(), read.millis(), null, null));
                    return;
                }
                Http.Answer written = gateway.put("/api/v1/stations/" + station, fixtures.admin,
                        Fixtures.stationBody("故障演练驿站 " + prefix + " 更新 " + n, n),
                        Map.of("If-Match", read.etag() == null ? "\"0\"" : read.etag()));
                record(new Sent(kind, at, written.status(), written.problem(), read.millis() + written.millis(),
                        written.ok() ? station : null, null));
            }
            case ACTIVITY_PLAN -> {
                Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
                Http.Answer planned = gateway.post("/api/v1/activities", fixtures.partner,
                        Fixtures.activityBody(fixtures.stations.get(n % fixtures.stations.size()), start, 30));
                record(of(kind, at, planned, null));
                if (planned.status() == 201) {
                    String activity = planned.field("/id");
                    Instant publishAt = Instant.now();
                    Http.Answer published = gateway.post("/api/v1/activities/" + activity + "/publish",
                            fixtures.partner, "");
                    record(new Sent(Kind.ACTIVITY_PUBLISH, publishAt, published.status(), published.problem(),
                            published.millis(), published.ok() ? activity : null, null));
                }
            }
            case REGISTRATION -> record(of(kind, at, gateway.post("/api/v1/activities/" + fixtures.activity
                    + "/registrations", fixtures.worker(), "{\"occupation\":\"COURIER\"}"), null));
            case PARTNER_PUSH -> {
                Instant past = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
                Http.Answer pushed = gateway.post("/api/v1/activities/partner-records", fixtures.partner, """
                        {"records":[{"recordId":"FT-%s-%d","type":"HAIRCUT","title":"爱心义剪 %d","stationId":"%s",
                          "startsAt":"%s","endsAt":"%s","status":"COMPLETED","participantCount":3}]}""".formatted(
                        prefix, n, n, fixtures.stations.get(n % fixtures.stations.size()), past,
                        past.plusSeconds(3 * 3600)));
                boolean created = pushed.ok() && "CREATED".equals(pushed.field("/results/0/outcome"));
                record(new Sent(kind, at, pushed.status(), pushed.problem(), pushed.millis(),
                        created ? pushed.field("/results/0/activityId") : null, null));
            }
            case CHECKUP_HOLD -> record(of(kind, at, gateway.post("/api/v1/checkups/appointments", fixtures.worker(),
                    Fixtures.holdBody(fixtures.slot, prefix, n)), null));
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private static Sent of(Kind kind, Instant at, Http.Answer answer, String marker) {
        return new Sent(kind, at, answer.status(), answer.problem(), answer.millis(),
                kind.write && answer.ok() ? answer.field("/id") : null, marker);
    }
}
