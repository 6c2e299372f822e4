package org.yizhan.station.rest.visit;

import org.yizhan.kit.http.Params;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.station.domain.visit.VisitGrouping;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** The checked query parameters of a statistics request. */
record StatsParams(LocalDate from, LocalDate to, VisitGrouping by) {

    /** The longest range, in days, both ends included. */
    static final int MAX_DAYS = 366;
    /** The range when none is given: the last 30 days up to today. */
    static final int DEFAULT_DAYS = 30;

    /**
     * Parses {@code from}, {@code to} and {@code by}; every invalid one is listed in a 400 problem.
     * Without {@code to}, {@code today}; without {@code from}, 30 days up to {@code to}.
     */
    static StatsParams parse(String fromText, String toText, String byText, LocalDate today,
                             VisitGrouping defaultBy, VisitGrouping... allowed) {
        Params params = new Params();
        LocalDate from = params.date("from", fromText);
        LocalDate to = params.date("to", toText);
        VisitGrouping by = defaultBy;
        if (byText != null && !byText.isBlank()) {
            Optional<VisitGrouping> named = VisitGrouping.fromParam(byText.strip())
                    .filter(g -> Arrays.asList(allowed).contains(g));
            if (named.isEmpty()) {
                String list = VisitGrouping.list(allowed);
                params.errors().add("by", "取值必须是以下之一：" + list + " / must be one of: " + list);
            } else {
                by = named.get();
            }
        }
        params.throwIfAny();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1L) : from;
        FieldErrors range = new FieldErrors();
        if (start.isAfter(end)) {
            range.add("to", "不能早于 from / must not be before from");
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            range.add("to", "日期范围最多 " + MAX_DAYS + " 天 / the range is at most " + MAX_DAYS + " days");
        }
        range.throwIfAny();
        return new StatsParams(start, end, by);
    }
}
