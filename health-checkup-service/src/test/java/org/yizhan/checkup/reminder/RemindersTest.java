package org.yizhan.checkup.reminder;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.booking.BookingFixture;
import org.yizhan.checkup.service.reminder.Reminders;
import org.yizhan.events.Topics;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.checkup.booking.BookingFixture.slotStart;
import static org.yizhan.localstack.testing.TestTokens.token;

/** appointment.reminder_due 48 h and 2 h before, each once, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class RemindersTest {

    @Inject
    AppClock clock;

    @Inject
    Reminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachReminderIsSentOnceHoweverOftenAndByHowManySweepersItRuns() throws Exception {
        BookingFixture f = BookingFixture.create(2, 5);
        String worker = token("rider-r1", "worker");
        String id = f.book(worker, f.slotIds().get(0), holdBody("COURIER", "SF-R1", "冯一", "13200000001"));
        String cancelled = f.book(token("rider-r2", "worker"), f.slotIds().get(1),
                holdBody("COURIER", "SF-R2", "陈二", "13200000002"));
        given().auth().oauth2(token("rider-r2", "worker")).post("/api/v1/checkups/appointments/" + cancelled + "/cancel")
                .then().statusCode(200);
        Instant start = slotStart(f.slotIds().get(0));

        clock.shift(Duration.between(Instant.now(), start.minus(Duration.ofHours(50))));
        reminders.sendDue();
        assertEquals(List.of(), leads(id), "nothing due 50 h before");

        clock.shift(Duration.between(Instant.now(), start.minus(Duration.ofHours(47))));
        try (TopicProbe topic = TopicProbe.open(Topics.CHECKUP)) {
            sweepConcurrently(4);
            TopicProbe.Message due = topic.await(m -> m.value().contains(id) && m.value().contains("reminder_due"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no appointment.reminder_due"));
            assertTrue(due.value().contains("\"lead\":\"PT48H\""), due.value());
            for (String personal : List.of("rider-r1", "冯一", "13200000001", "SF-R1")) {
                assertFalse(due.value().contains(personal), "no personal data in the reminder");
            }
        }
        reminders.sendDue();
        assertEquals(List.of("PT48H"), leads(id), "the 48 h reminder once");

        clock.shift(Duration.between(Instant.now(), start.minus(Duration.ofMinutes(90))));
        sweepConcurrently(3);
        reminders.sendDue();
        assertEquals(List.of("PT2H", "PT48H"), leads(id), "then the 2 h reminder once");
        assertEquals(List.of(), leads(cancelled), "no reminder for a cancelled appointment");
    }

    @Test
    void theScheduledSweepSkipsWhileAnotherInstanceSendsAndTwoAtOnceSendOnce() throws Exception {
        BookingFixture f = BookingFixture.create(1, 5);
        String id = f.book(token("rider-r3", "worker"), f.slotIds().get(0),
                holdBody("COURIER", "SF-R3", "许三", "13200000003"));
        clock.shift(Duration.between(Instant.now(), slotStart(f.slotIds().get(0)).minus(Duration.ofHours(47))));

        try (Connection otherInstance = ServiceDatabase.open()) {
            otherInstance.setAutoCommit(false);
            try (Statement s = otherInstance.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + Job.REMINDERS.lockId() + ")");
            }
            assertEquals(0, reminders.sweep(), "skipped while another instance holds the job");
            assertEquals(List.of(), leads(id));
            otherInstance.rollback();
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> twoInstances = List.of(reminders::sweep, reminders::sweep);
            int sent = 0;
            for (Future<Integer> result : pool.invokeAll(twoInstances)) {
                sent += result.get();
            }
            assertTrue(sent >= 1, "one of them sent it");
        } finally {
            pool.shutdown();
        }
        reminders.sweep();
        assertEquals(List.of("PT48H"), leads(id), "the reminder once, however often swept");
    }

    private void sweepConcurrently(int sweepers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sweepers);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < sweepers; i++) {
                tasks.add(reminders::sendDue);
            }
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The leads of the reminder events in the outbox for the appointment, sorted. */
    private static List<String> leads(String appointmentId) throws SQLException {
        List<String> leads = new ArrayList<>();
        try (Connection c = ServiceDatabase.open(); PreparedStatement s = c.prepareStatement(
                "select payload::jsonb -> 'data' ->> 'lead' from outbox_message where event_type = 'appointment.reminder_due'"
                        + " and payload like ? order by 1")) {
            s.setString(1, "%" + appointmentId + "%");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    leads.add(rows.getString(1));
                }
            }
        }
        return leads;
    }
}
