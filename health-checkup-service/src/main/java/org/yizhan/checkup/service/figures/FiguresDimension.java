package org.yizhan.checkup.service.figures;

/** What checkup figures can be broken down by; years are those of Beijing time. */
public enum FiguresDimension {
    CAMPAIGN("c.id::text", "c.name"),
    YEAR("to_char(sl.starts_at at time zone 'Asia/Shanghai', 'YYYY')", null),
    OCCUPATION("a.occupation", null),
    SITE("s.id::text", "s.name");

    /** The key's SQL expression over {@code slot sl}, {@code site s}, {@code campaign c} (and {@code appointment a}). */
    final String sql;
    /** The SQL of the key's name, or null when the key names itself. */
    final String nameSql;

    FiguresDimension(String sql, String nameSql) {
        this.sql = sql;
        this.nameSql = nameSql;
    }

    /** Whether rows of this dimension have a name besides their key. */
    public boolean named() {
        return nameSql != null;
    }
}
