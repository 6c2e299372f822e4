package org.yizhan.station.domain.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The text form of a {@link WeeklySchedule}, a small subset of OpenStreetMap {@code opening_hours}.
 *
 * <pre>
 * schedule := "24/7" | rule ( ";" rule )*
 * rule     := days " " ( "off" | period ( "," period )* )
 * days     := day [ "-" day ] ( "," day [ "-" day ] )*      ranges may wrap: Sa-Mo
 * day      := "Mo" | "Tu" | "We" | "Th" | "Fr" | "Sa" | "Su"
 * period   := HH:MM "-" HH:MM                              close may be 24:00
 * </pre>
 *
 * Spaces are allowed around {@code ;} and after {@code ,}. Each day may be given once; days not
 * given are closed. Unlike OSM, later rules do not override earlier ones: a repeated day is an
 * error, because an admin who writes it twice has usually made a mistake.
 */
final class WeeklyScheduleFormat {

    private static final String[] DAY_CODES = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    private static final String ALWAYS = "24/7";
    private static final String OFF = "off";

    private final String text;
    private int pos;

    private WeeklyScheduleFormat(String text) {
        this.text = text;
    }

    static WeeklySchedule parse(String text) {
        if (text == null) {
            throw new NullPointerException("text must not be null");
        }
        return new WeeklyScheduleFormat(text).schedule();
    }

    static String format(WeeklySchedule schedule) {
        if (schedule.equals(WeeklySchedule.ALWAYS_OPEN)) {
            return ALWAYS;
        }
        Map<List<TimePeriod>, List<DayOfWeek>> groups = new LinkedHashMap<>();
        schedule.days().forEach((day, periods) -> groups.computeIfAbsent(periods, p -> new ArrayList<>()).add(day));
        StringJoiner rules = new StringJoiner("; ");
        groups.forEach((periods, days) -> rules.add(days(days) + " " + periods(periods)));
        return rules.toString();
    }

    private static String days(List<DayOfWeek> days) {
        StringJoiner out = new StringJoiner(",");
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                j++;
            }
            String first = code(days.get(i));
            if (j == i) {
                out.add(first);
            } else if (j == i + 1) {
                out.add(first).add(code(days.get(j)));
            } else {
                out.add(first + "-" + code(days.get(j)));
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static String periods(List<TimePeriod> periods) {
        if (periods.isEmpty()) {
            return OFF;
        }
        StringJoiner out = new StringJoiner(",");
        periods.forEach(p -> out.add(p.toString()));
        return out.toString();
    }

    private static String code(DayOfWeek day) {
        return DAY_CODES[day.ordinal()];
    }

    private WeeklySchedule schedule() {
        skipSpaces();
        if (text.startsWith(ALWAYS, pos)) {
            pos += ALWAYS.length();
            skipSpaces();
            if (!atEnd()) {
                throw error("Expected nothing after 24/7");
            }
            return WeeklySchedule.ALWAYS_OPEN;
        }
        Map<DayOfWeek, List<TimePeriod>> result = new EnumMap<>(DayOfWeek.class);
        while (true) {
            rule(result);
            skipSpaces();
            if (atEnd()) {
                return new WeeklySchedule(result);
            }
            if (text.charAt(pos) != ';') {
                throw error("Expected ';' or the end of the text");
            }
            pos++;
            skipSpaces();
        }
    }

    private void rule(Map<DayOfWeek, List<TimePeriod>> result) {
        Map<DayOfWeek, Integer> days = new LinkedHashMap<>();
        do {
            dayOrRange(days);
        } while (comma());
        if (atEnd() || text.charAt(pos) != ' ') {
            throw error("Expected a space and then hours or 'off' after the days");
        }
        skipSpaces();
        List<TimePeriod> periods = new ArrayList<>();
        if (text.startsWith(OFF, pos)) {
            pos += OFF.length();
        } else {
            do {
                periods.add(period());
            } while (comma());
        }
        for (Map.Entry<DayOfWeek, Integer> day : days.entrySet()) {
            if (result.containsKey(day.getKey())) {
                throw new OpeningHoursSyntaxException(code(day.getKey()) + " is given twice", text, day.getValue());
            }
            result.put(day.getKey(), periods);
        }
    }

    private void dayOrRange(Map<DayOfWeek, Integer> days) {
        int start = pos;
        DayOfWeek first = day();
        DayOfWeek last = first;
        if (!atEnd() && text.charAt(pos) == '-') {
            pos++;
            last = day();
        }
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            if (days.putIfAbsent(day, start) != null) {
                throw new OpeningHoursSyntaxException(code(day) + " is given twice", text, start);
            }
            if (day == last) {
                break;
            }
        }
    }

    private DayOfWeek day() {
        for (int i = 0; i < DAY_CODES.length; i++) {
            if (text.startsWith(DAY_CODES[i], pos)) {
                pos += 2;
                return DayOfWeek.of(i + 1);
            }
        }
        throw error("Expected a day (Mo, Tu, We, Th, Fr, Sa, Su)");
    }

    private TimePeriod period() {
        int start = pos;
        LocalTime open = time(false);
        if (atEnd() || text.charAt(pos) != '-') {
            throw error("Expected '-' between opening and closing time");
        }
        pos++;
        LocalTime close = time(true);
        try {
            return new TimePeriod(open, close);
        } catch (IllegalArgumentException e) {
            throw new OpeningHoursSyntaxException(e.getMessage(), text, start);
        }
    }

    private LocalTime time(boolean closing) {
        int start = pos;
        if (pos + 5 > text.length() || !digits(pos, 2) || text.charAt(pos + 2) != ':' || !digits(pos + 3, 2)) {
            throw error("Expected a time HH:MM");
        }
        int hour = Integer.parseInt(text.substring(pos, pos + 2));
        int minute = Integer.parseInt(text.substring(pos + 3, pos + 5));
        if (minute > 59) {
            throw new OpeningHoursSyntaxException("Minute " + minute + " is out of range", text, start + 3);
        }
        pos += 5;
        if (hour == 24 && minute == 0) {
            if (!closing) {
                throw new OpeningHoursSyntaxException("24:00 is only allowed as a closing time", text, start);
            }
            return LocalTime.MIDNIGHT;
        }
        if (hour > 23) {
            throw new OpeningHoursSyntaxException("Hour " + hour + " is out of range", text, start);
        }
        return LocalTime.of(hour, minute);
    }

    private boolean digits(int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean comma() {
        if (!atEnd() && text.charAt(pos) == ',') {
            pos++;
            skipSpaces();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (!atEnd() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private OpeningHoursSyntaxException error(String reason) {
        return new OpeningHoursSyntaxException(reason, text, pos);
    }
}
