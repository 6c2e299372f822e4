package org.yizhan.services.rest.attendance;

import org.yizhan.services.rest.ApiLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A one-time check-in pass: the app shows {@code pass} as a QR code. */
@Schema(name = "CheckInPass", example = """
        {"pass":"eyJ0eXAiOiJ5aXpoYW4tY2hlY2staW4rand0IiwiYWxnIjoiSFMyNTYifQ.eyJqdGkiOiJ...","passId":"b3JkZXItNDItcGFzcw",
         "activityId":"5f0c2b1a-7d3e-4e8f-9a1b-2c3d4e5f6a7b","expiresAt":"2026-12-12T10:00:00Z"}""")
public record CheckInPassView(
        @Schema(description = "Compact signed token (JWS, HS256) to show as a QR code", maxLength = ApiLimits.PASS_MAX)
        String pass,
        @Schema(maxLength = ApiLimits.PASS_ID_MAX) String passId,
        UUID activityId,
        Instant expiresAt) {
}
