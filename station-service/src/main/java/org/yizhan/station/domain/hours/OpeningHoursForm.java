package org.yizhan.station.domain.hours;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening hours as clients write and read them, and as they are stored: the weekly schedule in
 * the compact text form, seasons, dated exceptions and the holiday policy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OpeningHours")
public record OpeningHoursForm(
        @Schema(description = "IANA time zone of the station", example = "Asia/Shanghai",
                maxLength = FieldLimits.CODE) @Size(max = FieldLimits.CODE) String timeZone,
        @Schema(description = "Regular weekly hours",
                example = "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off", maxLength = FieldLimits.HOURS_TEXT)
        @Size(max = FieldLimits.HOURS_TEXT) String weekly,
        @Schema(description = "Schedules that replace the weekly one within a window",
                maxItems = FieldLimits.SEASONS) @Size(max = FieldLimits.SEASONS) List<@Valid Season> seasons,
        @Schema(description = "Single days with other hours, or closed",
                maxItems = FieldLimits.EXCEPTIONS) @Size(max = FieldLimits.EXCEPTIONS) List<@Valid Exception> exceptions,
        @Schema(description = "Hours on public holidays (休)", example = "KEEP_WEEKLY_HOURS")
        HolidayPolicy.OnPublicHoliday onPublicHoliday,
        @Schema(description = "Whose hours a make-up working day (调休 班) keeps; absent = that weekend day's own",
                example = "MONDAY") DayOfWeek makeUpWorkdayAs) {

    /** A seasonal schedule: {@code from}/{@code to} both MM-DD (every year) or both YYYY-MM-DD. */
    @Schema(name = "OpeningHoursSeason")
    public record Season(@Schema(example = "06-01", maxLength = 10) @Size(max = 10) String from,
                         @Schema(example = "09-30", maxLength = 10) @Size(max = 10) String to,
                         @Schema(example = "Mo-Su 07:00-21:00", maxLength = FieldLimits.HOURS_TEXT)
                         @Size(max = FieldLimits.HOURS_TEXT) String weekly) {
    }

    /** A dated exception: {@code hours} like {@code 09:00-12:00,14:00-16:00}, or absent for closed. */
    @Schema(name = "OpeningHoursException")
    public record Exception(@Schema(example = "2026-12-31") LocalDate date,
                            @Schema(example = "09:00-15:00", maxLength = FieldLimits.HOURS_TEXT)
                            @Size(max = FieldLimits.HOURS_TEXT) String hours,
                            @Schema(example = "跨年提前闭站", maxLength = FieldLimits.REASON)
                            @Size(max = FieldLimits.REASON) String reason) {
    }

    /** A field of the form that does not hold a valid value. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The domain model, or {@link Invalid} naming the first bad field. */
    public OpeningHours toDomain() {
        ZoneId zone = zone();
        WeeklySchedule regular = weekly("weekly", weekly);
        List<SeasonalSchedule> seasonal = new ArrayList<>();
        List<Season> seasonList = seasons == null ? List.of() : seasons;
        for (int i = 0; i < seasonList.size(); i++) {
            Season s = seasonList.get(i);
            String at = "seasons[" + i + "]";
            if (s == null) {
                throw new Invalid(at, "must not be null");
            }
            seasonal.add(new SeasonalSchedule(window(at, s), weekly(at + ".weekly", s.weekly())));
        }
        List<DateException> dated = new ArrayList<>();
        List<Exception> exceptionList = exceptions == null ? List.of() : exceptions;
        for (int i = 0; i < exceptionList.size(); i++) {
            dated.add(exception("exceptions[" + i + "]", exceptionList.get(i)));
        }
        HolidayPolicy policy = new HolidayPolicy(
                onPublicHoliday == null ? HolidayPolicy.OnPublicHoliday.KEEP_WEEKLY_HOURS : onPublicHoliday,
                makeUpWorkdayAs);
        try {
            return new OpeningHours(zone, regular, seasonal, dated, policy);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage() != null && e.getMessage().contains("exception") ? "exceptions" : "seasons",
                    e.getMessage());
        }
    }

    private ZoneId zone() {
        if (timeZone == null || timeZone.isBlank()) {
            return OpeningHours.DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new Invalid("timeZone", "unknown time zone " + timeZone);
        }
    }

    private static WeeklySchedule weekly(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid(field, "must not be blank (use \"24/7\" or \"Mo-Su off\")");
        }
        try {
            return WeeklySchedule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, e.getMessage());
        }
    }

    private static ValidityWindow window(String field, Season s) {
        if (s.from() == null || s.to() == null) {
            throw new Invalid(field, "from and to are required");
        }
        try {
            if (s.from().length() == 5 && s.to().length() == 5) {
                return ValidityWindow.everyYear(MonthDay.parse("--" + s.from()), MonthDay.parse("--" + s.to()));
            }
            return ValidityWindow.between(LocalDate.parse(s.from()), LocalDate.parse(s.to()));
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "from and to must both be MM-DD or both YYYY-MM-DD");
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, e.getMessage());
        }
    }

    private static DateException exception(String field, Exception e) {
        if (e == null || e.date() == null) {
            throw new Invalid(field + ".date", "a date is required");
        }
        if (e.reason() == null || e.reason().isBlank()) {
            throw new Invalid(field + ".reason", "a reason is required");
        }
        if (e.hours() == null || e.hours().isBlank()) {
            return DateException.closed(e.date(), e.reason().strip());
        }
        List<TimePeriod> periods = new ArrayList<>();
        for (String part : e.hours().split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new Invalid(field + ".hours", "expected HH:MM-HH:MM[,HH:MM-HH:MM...], got " + e.hours());
            }
            try {
                periods.add(TimePeriod.of(ends[0].strip(), ends[1].strip()));
            } catch (IllegalArgumentException | DateTimeException ex) {
                throw new Invalid(field + ".hours", ex.getMessage());
            }
        }
        try {
            return DateException.open(e.date(), e.reason().strip(), periods.toArray(TimePeriod[]::new));
        } catch (IllegalArgumentException ex) {
            throw new Invalid(field + ".hours", ex.getMessage());
        }
    }
}
