package org.yizhan.services.service.figures;

/** What the figures can be broken down by. Months and years are those of Beijing time. */
public enum Dimension {
    PARTNER("o.partner_code"),
    TYPE("a.type"),
    STATION("a.station_id::text"),
    MONTH("to_char(a.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM')"),
    YEAR("to_char(a.starts_at at time zone 'Asia/Shanghai', 'YYYY')");

    /** The SQL expression of the key, over {@code acts a} (and {@code activity_organiser o} for PARTNER). */
    final String sql;

    Dimension(String sql) {
        this.sql = sql;
    }
}
