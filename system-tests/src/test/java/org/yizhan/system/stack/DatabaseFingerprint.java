package org.yizhan.system.stack;

import org.yizhan.localstack.run.Stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every table of a stack's databases holds: by "database.table", its row count and a digest of
 * its rows. Two equal fingerprints of a table mean no row of it was added, removed or changed.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /** The fingerprint of every table of every database of {@code stack}, those named in {@code skipped} aside. */
    public static Map<String, String> of(Stack stack, Collection<String> skipped) throws SQLException {
        Map<String, String> fingerprint = new TreeMap<>();
        for (String database : stack.databases()) {
            try (Connection connection = stack.postgres().connect(database);
                 Statement statement = connection.createStatement()) {
                for (String table : tables(statement)) {
                    if (skipped.contains(table)) {
                        continue;
                    }
                    try (ResultSet rows = statement.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|'"
                            + " order by t::text), '')) from \"" + table + "\" t")) {
                        rows.next();
                        fingerprint.put(database + "." + table, rows.getLong(1) + " rows, " + rows.getString(2));
                    }
                }
            }
        }
        return fingerprint;
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
