package org.yizhan.legalaid.rest.duty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.legalaid.service.duty.DutySessionService;
import org.yizhan.legalaid.service.duty.NewSession;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A duty session to plan. */
@Schema(name = "SessionRequest")
public record SessionRequest(
        @NotNull @Schema(required = true, description = "A station of the replica, open") UUID stationId,
        @NotNull @Schema(required = true, description = "A registered lawyer") UUID lawyerId,
        @NotNull @Schema(required = true, example = "2026-12-12T06:00:00Z") Instant startsAt,
        @NotNull @Schema(required = true, description = "At most 12 hours after startsAt", example = "2026-12-12T09:00:00Z")
        Instant endsAt,
        @NotNull @Min(10) @Max(120) @Schema(required = true, description = "Length of one bookable slot",
                minimum = "10", maximum = "120", example = "20") Integer slotMinutes) {

    public void checkRules(FieldErrors errors) {
        if (startsAt == null || endsAt == null || errors.has("endsAt")) {
            return;
        }
        if (!endsAt.isAfter(startsAt)) {
            errors.add("endsAt", "必须晚于 startsAt / must be after startsAt");
        } else if (Duration.between(startsAt, endsAt).compareTo(DutySessionService.MAX_LENGTH) > 0) {
            errors.add("endsAt", "值班最长 12 小时 / a session lasts at most 12 hours");
        } else if (slotMinutes != null && !errors.has("slotMinutes")
                && Duration.between(startsAt, endsAt).toMinutes() < slotMinutes) {
            errors.add("slotMinutes", "值班时长不足一个时段 / the session is shorter than one slot");
        }
    }

    public NewSession toNew() {
        return new NewSession(stationId, lawyerId, startsAt, endsAt, slotMinutes);
    }
}
