package org.yizhan.system.stack;

import org.yizhan.localstack.run.Stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What must hold in the services' databases whatever happened to the system, checked by SQL: each
 * query counts the rows that break a rule, so a rule holds when its count is 0.
 */
public final class Invariants {

    /** By database name prefix (the stack adds its suffix): rule -> query counting the rows that break it. */
    private static final Map<String, Map<String, String>> RULES = Map.of(
            "yizhan_services", Map.of(
                    "an activity has no more registrations than places",
                    "select count(*) from activity a where a.capacity is not null and a.capacity < (select count(*)"
                            + " from registration r where r.activity_id = a.id and r.status = 'REGISTERED')",
                    "a worker has at most one live registration per activity",
                    "select count(*) from (select 1 from registration where status in ('REGISTERED', 'WAITLISTED',"
                            + " 'OFFERED') group by activity_id, participant having count(*) > 1) twice"),
            "yizhan_checkup", Map.of(
                    "a slot's held places are its pending appointments",
                    "select count(*) from slot s where s.held <> (select count(*) from appointment a"
                            + " where a.slot_id = s.id and a.status = 'pending')",
                    "a slot is never booked beyond its capacity",
                    "select count(*) from slot where booked + held > capacity"),
            "yizhan_legal_aid", Map.of(
                    "a session slot's booked count is its bookings",
                    "select count(*) from session_slot s where s.booked <> (select count(*) from session_booking b"
                            + " where b.slot_id = s.id and b.status = 'BOOKED')"));

    private Invariants() {
    }

    /** "database: rule (n rows)" for each rule that does not hold; empty when all do. */
    public static List<String> broken(Stack stack) throws SQLException {
        List<String> broken = new ArrayList<>();
        for (String database : stack.databases()) {
            for (Map.Entry<String, Map<String, String>> service : RULES.entrySet()) {
                if (!database.startsWith(service.getKey() + "_")) {
                    continue;
                }
                try (Connection connection = stack.postgres().connect(database);
                     Statement statement = connection.createStatement()) {
                    for (Map.Entry<String, String> rule : service.getValue().entrySet()) {
                        try (ResultSet rows = statement.executeQuery(rule.getValue())) {
                            rows.next();
                            if (rows.getLong(1) != 0) {
                                broken.add(database + ": " + rule.getKey() + " (" + rows.getLong(1) + " rows)");
                            }
                        }
                    }
                }
            }
        }
        return broken;
    }

    /** "database: n" for each database whose outbox still holds messages not yet published; empty when none. */
    public static List<String> unpublished(Stack stack) throws SQLException {
        List<String> pending = new ArrayList<>();
        for (String database : stack.databases()) {
            try (Connection connection = stack.postgres().connect(database);
                 Statement statement = connection.createStatement();
                 ResultSet tables = statement.executeQuery("select count(*) from information_schema.tables"
                         + " where table_schema = 'public' and table_name = 'outbox_message'")) {
                tables.next();
                if (tables.getLong(1) == 0) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery(
                        "select count(*) from outbox_message where published_at is null")) {
                    rows.next();
                    if (rows.getLong(1) != 0) {
                        pending.add(database + ": " + rows.getLong(1));
                    }
                }
            }
        }
        return pending;
    }
}
