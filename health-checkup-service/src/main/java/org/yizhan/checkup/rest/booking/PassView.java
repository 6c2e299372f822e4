package org.yizhan.checkup.rest.booking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.privacy.OneTimePasses;

import java.time.Instant;
import java.util.UUID;

/** The one-time pass of a booked appointment, for the worker's app to show as a QR code. */
@Schema(name = "CheckupPass")
public record PassView(
        @Schema(required = true, maxLength = 1000, description = "The compact JWS to encode in the QR code") String token,
        @Schema(required = true, maxLength = 32) String passId,
        @Schema(required = true) UUID appointmentId,
        @Schema(required = true) Instant expiresAt) {

    static PassView of(OneTimePasses.Pass pass) {
        return new PassView(pass.token(), pass.passId(), pass.forId(), pass.expiresAt());
    }
}
