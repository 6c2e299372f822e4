package org.yizhan.checkup.rest.site;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.service.site.DaySchedule;
import org.yizhan.kit.problem.FieldErrors;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/** The slots of one day at a site. */
@Schema(name = "ScheduleRequest", description = "Slots from `from` to `to` (Beijing time) every `minutes`, each "
        + "with room for `capacity` workers; a slot that exists already at the same time is kept as it is.")
public record ScheduleRequest(
        @NotNull @Schema(example = "2026-12-12") LocalDate day,
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", maxLength = 8, example = "08:00")
        LocalTime from,
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", maxLength = 8, example = "11:30")
        LocalTime to,
        @NotNull @Min(MIN_MINUTES) @Max(MAX_MINUTES) @Schema(minimum = "10", maximum = "240", example = "30")
        Integer minutes,
        @NotNull @Min(1) @Max(MAX_CAPACITY) @Schema(minimum = "1", maximum = "1000", example = "20") Integer capacity) {

    static final int MIN_MINUTES = 10;
    static final int MAX_MINUTES = 240;
    static final int MAX_CAPACITY = 1000;

    void checkRules(FieldErrors errors) {
        if (from != null && to != null && minutes != null && minutes >= MIN_MINUTES) {
            if (Duration.between(from, to).toMinutes() < minutes) {
                errors.add("to", "须至少晚于 from 一个时段 / must leave room for one slot after from");
            }
        }
    }

    DaySchedule toSchedule() {
        return new DaySchedule(day, from, to, minutes, capacity);
    }
}
