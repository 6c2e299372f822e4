package org.yizhan.station.domain.visit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How visit statistics are grouped; {@link #param} is the value of the {@code by} parameter. */
public enum VisitGrouping {
    /** Per local day (Asia/Shanghai), every day of the range. */
    DAY("day"),
    /** Per stated occupation, every occupation. */
    OCCUPATION("occupation"),
    /** Per local hour of day 00–23, every hour. */
    HOUR_OF_DAY("hourOfDay"),
    /** Per station, stations with visits only (district-wide statistics). */
    STATION("station");

    private final String param;

    VisitGrouping(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    /** The grouping a {@code by} parameter names, if any. */
    public static Optional<VisitGrouping> fromParam(String value) {
        return Arrays.stream(values()).filter(g -> g.param.equals(value)).findFirst();
    }

    /** The allowed {@code by} values among {@code groupings}, for error messages. */
    public static String list(VisitGrouping... groupings) {
        return Arrays.stream(groupings).map(VisitGrouping::param).collect(Collectors.joining(", "));
    }
}
