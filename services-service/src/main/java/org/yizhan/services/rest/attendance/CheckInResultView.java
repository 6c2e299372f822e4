package org.yizhan.services.rest.attendance;

import org.yizhan.services.rest.ApiLimits;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.domain.registration.AttendanceKind;
import org.yizhan.services.service.attendance.CheckInOutcome;

import java.util.List;
import java.util.UUID;

/** The outcome of an upload: one entry per scan, in order, and the activity's attendance now. */
@Schema(name = "CheckInResult", example = """
        {"activityId":"5f0c2b1a-7d3e-4e8f-9a1b-2c3d4e5f6a7b","counted":1,"duplicates":1,"rejected":1,
         "results":[{"index":0,"result":"COUNTED","participant":"q3Vx2cZ0bH9mR1tL8yN4pK6wS5aE7dF0gJ2hU3iO4vB","kind":"ATTENDED"},
                    {"index":1,"result":"DUPLICATE","participant":"n8Wc1dY2aG7kQ0sJ9xM3oL5vR4bD6eF1hI2jT3uP4wA","kind":"WALK_IN"},
                    {"index":2,"result":"REJECTED","reason":"REPLAYED","participant":"z1Xb2cV3nM4aS5dF6gH7jK8lQ9wE0rT1yU2iO3pA4sD"}],
         "attendance":{"attended":18,"walkIns":3,"noShows":0}}""")
public record CheckInResultView(UUID activityId,
                                @Schema(minimum = "0", maximum = "" + ApiLimits.CHECK_INS_MAX) int counted,
                                @Schema(minimum = "0", maximum = "" + ApiLimits.CHECK_INS_MAX) int duplicates,
                                @Schema(minimum = "0", maximum = "" + ApiLimits.CHECK_INS_MAX) int rejected,
                                @Schema(maxItems = ApiLimits.CHECK_INS_MAX) List<Item> results,
                                Totals attendance) {

    /** One scan's outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@Schema(minimum = "0", maximum = "" + (ApiLimits.CHECK_INS_MAX - 1)) int index,
                       CheckInOutcome.Result result, CheckInOutcome.RejectReason reason,
                       @Schema(maxLength = ApiLimits.PSEUDONYM_MAX) String participant, AttendanceKind kind) {
    }

    /** Attended (registered and came), walk-ins, no-shows (known once the activity is completed). */
    public record Totals(@Schema(minimum = "0", maximum = ApiLimits.INT_MAX) int attended,
                         @Schema(minimum = "0", maximum = ApiLimits.INT_MAX) int walkIns,
                         @Schema(minimum = "0", maximum = ApiLimits.INT_MAX) int noShows) {
    }
}
