package org.yizhan.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Looks for personal data where it must never be: in any text column of the service's test
 * database (in plain text, that is: encrypted and pseudonymised values pass) and in the log of the
 * test run ({@value #LOG_FILE}, which the kit's test profile writes).
 */
public final class PersonalDataScan {

    /** The log file of a module's test run, relative to the module. */
    public static final String LOG_FILE = "target/quarkus-test.log";

    private PersonalDataScan() {
    }

    /** The columns ("table.column") where any of {@code values} appears in plain text; empty when none. */
    public static List<String> findInDatabase(Collection<String> values) {
        try (Connection connection = ServiceDatabase.open()) {
            List<String> found = new ArrayList<>();
            for (String[] column : textColumns(connection)) {
                for (String value : values) {
                    if (contains(connection, column[0], column[1], value)) {
                        found.add(column[0] + "." + column[1]);
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scan the test database", e);
        }
    }

    /** The log file, once for each of {@code values} that appears in the log of this test run; empty when none. */
    public static List<String> findInLog(Collection<String> values) {
        Path log = Path.of(LOG_FILE);
        if (!Files.exists(log)) {
            throw new IllegalStateException(LOG_FILE + " does not exist: the test profile must write the log file");
        }
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return values.stream().filter(text::contains).map(v -> LOG_FILE).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> textColumns(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select table_name, column_name from information_schema.columns"
                + " where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')"
                + " and table_name <> 'flyway_schema_history' order by table_name, column_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return columns;
    }

    private static boolean contains(Connection connection, String table, String column, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select exists (select 1 from \"" + table + "\" where"
                + " strpos(cast(\"" + column + "\" as text), ?) > 0)")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
