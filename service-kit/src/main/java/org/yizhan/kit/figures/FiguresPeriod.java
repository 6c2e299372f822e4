package org.yizhan.kit.figures;

import org.yizhan.kit.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days a figures request covers: a calendar year, or {@code from} and {@code to} (inclusive,
 * from 2000 on, at most 10 years), by default this year. Days are those of Beijing.
 */
public record FiguresPeriod(LocalDate from, LocalDate to) {

    /** The zone whose days and years the figures count in. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * The period {@code year} or {@code from}/{@code to} name; this year (of {@code today}) when
     * none is given.
     *
     * @throws ProblemException 400 naming the parameter that does not fit
     */
    public static FiguresPeriod of(Integer year, LocalDate from, LocalDate to, LocalDate today) {
        if (year != null) {
            if (from != null || to != null) {
                throw ProblemException.invalidField("year", "year 与 from/to 只能二选一 / give either year or from and to");
            }
            return new FiguresPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (from == null && to == null) {
            return new FiguresPeriod(LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31));
        }
        if (from == null || to == null) {
            throw ProblemException.invalidField(from == null ? "from" : "to", "from 与 to 须同时给出 / give both from and to");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "不能早于 from / must not be before from");
        }
        if (from.getYear() < 2000 || from.plusYears(10).isBefore(to)) {
            throw ProblemException.invalidField(from.getYear() < 2000 ? "from" : "to",
                    "2000 年以后、最长 10 年 / from 2000 on, at most 10 years");
        }
        return new FiguresPeriod(from, to);
    }

    /** The first instant of the period, at midnight in Beijing. */
    public Instant start() {
        return from.atStartOfDay(BEIJING).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(BEIJING).toInstant();
    }
}
