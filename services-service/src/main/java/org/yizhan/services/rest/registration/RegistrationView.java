package org.yizhan.services.rest.registration;

import org.yizhan.services.rest.ApiLimits;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.events.Occupation;
import org.yizhan.services.domain.registration.Registration;
import org.yizhan.services.domain.registration.RegistrationStatus;

import java.time.Instant;
import java.util.UUID;

/** A registration as the API shows it; the worker appears only as a pseudonym. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Registration", example = """
        {"id":"0b9d7c1e-3f7a-4c55-9a3e-6d7f1e2a3b4c","activityId":"5f0c2b1a-7d3e-4e8f-9a1b-2c3d4e5f6a7b",
         "participant":"q3Vx2cZ0bH9mR1tL8yN4pK6wS5aE7dF0gJ2hU3iO4vB","occupation":"COURIER","status":"WAITLISTED",
         "waitlistPosition":3,"createdAt":"2026-12-01T02:00:00Z"}""")
public record RegistrationView(
        UUID id,
        UUID activityId,
        @Schema(description = "The worker's pseudonym", maxLength = ApiLimits.PSEUDONYM_MAX) String participant,
        Occupation occupation,
        RegistrationStatus status,
        @Schema(description = "1-based place in the waitlist, while WAITLISTED", minimum = "1", maximum = ApiLimits.INT_MAX)
        Integer waitlistPosition,
        Instant createdAt,
        Instant offeredAt,
        @Schema(description = "An OFFERED place must be confirmed before this") Instant confirmBy,
        Instant endedAt) {

    public static RegistrationView of(Registration r, Integer waitlistPosition) {
        return new RegistrationView(r.id, r.activityId, r.participant, r.occupation, r.status, waitlistPosition,
                r.createdAt, r.offeredAt, r.confirmBy, r.endedAt);
    }
}
