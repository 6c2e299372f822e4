package org.yizhan.kit.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query results, whichever Java type the driver and Hibernate hand back. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} cell as an instant; null stays null. */
    public static Instant instant(Object value) {
        return value == null ? null : value instanceof OffsetDateTime o ? o.toInstant()
                : value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
