package org.yizhan.services.rest.registration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import org.yizhan.services.service.activity.ActivityRules;
import org.yizhan.services.rest.ApiLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.domain.registration.RegistrationStatus;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who registered for an activity, as its organisers see it: counts per status and a page of registrations. */
@Schema(name = "Roster", example = """
        {"activityId":"5f0c2b1a-7d3e-4e8f-9a1b-2c3d4e5f6a7b","capacity":50,"placesTaken":50,
         "counts":{"REGISTERED":49,"WAITLISTED":150,"OFFERED":1,"CANCELLED":2,"EXPIRED":0,"NO_SHOW":0},
         "items":[{"id":"0b9d7c1e-3f7a-4c55-9a3e-6d7f1e2a3b4c","activityId":"5f0c2b1a-7d3e-4e8f-9a1b-2c3d4e5f6a7b",
                   "participant":"q3Vx2cZ0bH9mR1tL8yN4pK6wS5aE7dF0gJ2hU3iO4vB","occupation":"COURIER",
                   "status":"REGISTERED","createdAt":"2026-12-01T02:00:00Z"}],
         "nextCursor":"MjAyNi0xMi0wMVQwMjowMDowMFp8MGI5ZDdjMWUtM2Y3YS00YzU1LTlhM2UtNmQ3ZjFlMmEzYjRj"}""")
public record RosterView(
        UUID activityId,
        @Schema(description = "Absent: no limit", minimum = "1", maximum = "" + ActivityRules.CAPACITY_MAX) Integer capacity,
        @Schema(description = "REGISTERED + OFFERED", minimum = "0", maximum = ApiLimits.INT_MAX) long placesTaken,
        Map<RegistrationStatus, @Min(0) @Max(Integer.MAX_VALUE) Long> counts,
        @Schema(maxItems = ApiLimits.LONG_PAGE_LIMIT_MAX) List<RegistrationView> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page", maxLength = ApiLimits.CURSOR_MAX)
        String nextCursor) {
}
