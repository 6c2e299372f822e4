package org.yizhan.station.rest.visit;

import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.station.domain.visit.VisitGrouping;
import org.yizhan.station.service.visit.VisitLedger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The checked query parameters of a statistics request. */
record StatsParams(LocalDate from, LocalDate to, VisitGrouping by) {

    /** The longest range, in days, both ends included. */
    static final int MAX_DAYS = 366;
    /** The range when none is given: the last 30 days up to today. */
    static final int DEFAULT_DAYS = 30;

    /**
     * Parses {@code from}, {@code to} and {@code by}; every invalid one is listed in a 400 problem.
     * Without {@code to}, today (Asia/Shanghai); without {@code from}, 30 days up to {@code to}.
     */
    static StatsParams parse(String fromText, String toText, String byText, LocalDate today,
                             VisitGrouping defaultBy, VisitGrouping... allowed) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<LocalDate> from = date("from", fromText, errors);
        Optional<LocalDate> to = date("to", toText, errors);
        VisitGrouping by = defaultBy;
        if (byText != null && !byText.isBlank()) {
            Optional<VisitGrouping> named = VisitGrouping.fromParam(byText.strip())
                    .filter(g -> Arrays.asList(allowed).contains(g));
            if (named.isEmpty()) {
                String list = VisitGrouping.list(allowed);
                errors.add(new Problem.FieldError("by", "取值必须是以下之一：" + list + " / must be one of: " + list));
            } else {
                by = named.get();
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        LocalDate end = to.orElse(today);
        LocalDate start = from.orElse(end.minusDays(DEFAULT_DAYS - 1L));
        if (start.isAfter(end)) {
            errors.add(new Problem.FieldError("to", "不能早于 from / must not be before from"));
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            errors.add(new Problem.FieldError("to", "日期范围最多 " + MAX_DAYS + " 天 / the range is at most "
                    + MAX_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new StatsParams(start, end, by);
    }

    static LocalDate today() {
        return LocalDate.now(VisitLedger.ZONE);
    }

    private static Optional<LocalDate> date(String field, String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "必须是 YYYY-MM-DD 格式的日期 / must be a date as YYYY-MM-DD"));
            return Optional.empty();
        }
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        int n = errors.size();
        return new ProblemException(ProblemType.VALIDATION, n + " 个字段不合法",
                n + (n == 1 ? " field is" : " fields are") + " invalid", errors);
    }
}
