package org.yizhan.services.rest.registration;

import org.yizhan.services.service.activity.ActivityRules;
import org.yizhan.services.rest.ApiLimits;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.services.domain.registration.Registration;
import org.yizhan.services.domain.registration.RegistrationStatus;

import java.time.Instant;
import java.util.UUID;

/** One of a worker's own registrations, with what they need to know of the activity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MyRegistration", example = """
        {"id":"0b9d7c1e-3f7a-4c55-9a3e-6d7f1e2a3b4c","activityId":"5f0c2b1a-7d3e-4e8f-9a1b-2c3d4e5f6a7b",
         "activityTitle":"爱心义剪进驿站","activityStatus":"PUBLISHED","startsAt":"2026-12-12T06:00:00Z",
         "endsAt":"2026-12-12T09:00:00Z","status":"OFFERED","createdAt":"2026-12-01T02:00:00Z",
         "offeredAt":"2026-12-02T08:00:00Z","confirmBy":"2026-12-02T20:00:00Z"}""")
public record MyRegistrationView(
        UUID id,
        UUID activityId,
        @Schema(maxLength = ActivityRules.TITLE_MAX) String activityTitle,
        ActivityStatus activityStatus,
        Instant startsAt,
        Instant endsAt,
        RegistrationStatus status,
        @Schema(minimum = "1", maximum = ApiLimits.INT_MAX) Integer waitlistPosition,
        Instant createdAt,
        Instant offeredAt,
        Instant confirmBy,
        Instant endedAt) {

    public static MyRegistrationView of(Registration r, Activity a, Integer waitlistPosition) {
        return new MyRegistrationView(r.id, r.activityId, a.title, a.status, a.startsAt, a.endsAt, r.status,
                waitlistPosition, r.createdAt, r.offeredAt, r.confirmBy, r.endedAt);
    }
}
