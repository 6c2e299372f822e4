package org.yizhan.kit.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Mainland China's public holidays and make-up working days, read from a compact text table.
 *
 * <p>Data format, one festival per line ({@code #} starts a comment):
 * <pre>
 * &lt;year&gt; &lt;name&gt; 休 &lt;dates&gt; [班 &lt;dates&gt;]
 * </pre>
 * {@code <dates>} is a comma-separated list of dates and inclusive ranges {@code a..b}; a date is
 * {@code MM-DD} in {@code <year>}, or {@code YYYY-MM-DD} for the rare range that starts in the year
 * before (元旦 2023 began on 2022-12-31). {@code 休} lists the rest days, {@code 班} the weekend days
 * that are working days. The year counts as covered once it has a line.
 */
public final class ChinaHolidayCalendar implements HolidayCalendar {

    /**
     * The State Council arrangements (国务院办公厅关于部分节假日安排的通知), copied day by day from:
     * <ul>
     *   <li>2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, published 2024-11-12;</li>
     *   <li>2026: 国务院办公厅关于2026年部分节假日安排的通知, published by Xinhua 2025-11-04.</li>
     * </ul>
     * To add a year, append its lines from the notice; nothing else changes.
     */
    static final String OFFICIAL_DATA = """
            # 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）
            2025 元旦 休 01-01
            2025 春节 休 01-28..02-04 班 01-26,02-08
            2025 清明节 休 04-04..04-06
            2025 劳动节 休 05-01..05-05 班 04-27
            2025 端午节 休 05-31..06-02
            2025 国庆节、中秋节 休 10-01..10-08 班 09-28,10-11

            # 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）
            2026 元旦 休 01-01..01-03 班 01-04
            2026 春节 休 02-15..02-23 班 02-14,02-28
            2026 清明节 休 04-04..04-06
            2026 劳动节 休 05-01..05-05 班 05-09
            2026 端午节 休 06-19..06-21
            2026 中秋节 休 09-25..09-27
            2026 国庆节 休 10-01..10-07 班 09-20,10-10
            """;

    private static final ChinaHolidayCalendar OFFICIAL = parse(OFFICIAL_DATA);

    private final Map<LocalDate, OfficialDay> days;
    private final SortedSet<Integer> years;

    private ChinaHolidayCalendar(Map<LocalDate, OfficialDay> days, SortedSet<Integer> years) {
        this.days = Map.copyOf(days);
        this.years = Collections.unmodifiableSortedSet(years);
    }

    /** The built-in official arrangements; see {@link #coveredYears()}. */
    public static ChinaHolidayCalendar official() {
        return OFFICIAL;
    }

    /**
     * Reads a table in the format described on this class.
     *
     * @throws IllegalArgumentException naming the line of the first error
     */
    public static ChinaHolidayCalendar parse(String data) {
        Map<LocalDate, OfficialDay> days = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        String[] lines = data.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                years.add(parseLine(line, days));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("Holiday data line " + (i + 1) + " \"" + line + "\": " + e.getMessage(), e);
            }
        }
        return new ChinaHolidayCalendar(days, years);
    }

    @Override
    public Optional<OfficialDay> lookup(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    /** The years whose arrangement is in the table; other years look like years without any holiday. */
    public SortedSet<Integer> coveredYears() {
        return years;
    }

    /** Whether the table has the arrangement for the year. */
    @Override
    public boolean covers(int year) {
        return years.contains(year);
    }

    private static int parseLine(String line, Map<LocalDate, OfficialDay> days) {
        String[] tokens = line.split("\\s+");
        if (tokens.length != 4 && tokens.length != 6) {
            throw new IllegalArgumentException("expected '<year> <name> 休 <dates> [班 <dates>]'");
        }
        int year;
        try {
            year = Integer.parseInt(tokens[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("year '" + tokens[0] + "' is not a number");
        }
        String name = tokens[1];
        if (!"休".equals(tokens[2])) {
            throw new IllegalArgumentException("expected 休 after the name, got '" + tokens[2] + "'");
        }
        addDates(year, name, tokens[3], OfficialDay.Kind.PUBLIC_HOLIDAY, days);
        if (tokens.length == 6) {
            if (!"班".equals(tokens[4])) {
                throw new IllegalArgumentException("expected 班 after the rest days, got '" + tokens[4] + "'");
            }
            addDates(year, name, tokens[5], OfficialDay.Kind.MAKE_UP_WORKDAY, days);
        }
        return year;
    }

    private static void addDates(int year, String name, String list, OfficialDay.Kind kind,
                                 Map<LocalDate, OfficialDay> days) {
        for (String item : list.split(",", -1)) {
            int dots = item.indexOf("..");
            LocalDate from = date(year, dots < 0 ? item : item.substring(0, dots));
            LocalDate to = dots < 0 ? from : date(year, item.substring(dots + 2));
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("range " + item + " ends before it starts");
            }
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                // 调休 only ever turns a weekend day into a working day; anything else is a typo.
                if (kind == OfficialDay.Kind.MAKE_UP_WORKDAY
                        && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw new IllegalArgumentException("make-up working day " + date + " is a " + date.getDayOfWeek()
                            + ", not a weekend day");
                }
                OfficialDay previous = days.putIfAbsent(date, new OfficialDay(date, kind, name));
                if (previous != null) {
                    throw new IllegalArgumentException(date + " is already listed (" + previous.name() + " "
                            + previous.kind().label() + ")");
                }
            }
        }
    }

    private static LocalDate date(int year, String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text);
        }
        MonthDay monthDay = MonthDay.parse("--" + text);
        if (!monthDay.isValidYear(year)) {
            throw new IllegalArgumentException(text + " does not exist in " + year);
        }
        return monthDay.atYear(year);
    }
}
