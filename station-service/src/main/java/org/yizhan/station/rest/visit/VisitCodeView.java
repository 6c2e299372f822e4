package org.yizhan.station.rest.visit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;

import java.time.Instant;
import java.util.UUID;

/** The code a station shows as a QR code now. */
@Schema(name = "VisitCode")
public record VisitCodeView(
        UUID stationId,
        @Schema(description = "The short-lived code", example = "AQG8Rz0rWm9hQk1xV3N0YnQ", maxLength = 40)
        String code,
        @Schema(description = "What the QR code should contain: the station and the code, for the worker app",
                example = "yizhan://visit?station=0e5b2c1a-7d4f-4f7e-9a51-3c2b1d0e9f88&code=AQG8Rz0rWm9hQk1xV3N0YnQ",
                        maxLength = 200)
        String qrText,
        @Schema(description = "Start of the code's window", example = "2026-11-29T06:30:00Z")
        Instant validFrom,
        @Schema(description = "When scans of this code stop being accepted (the window plus one window of grace)",
                example = "2026-11-29T06:32:00Z")
        Instant validUntil,
        @Schema(description = "Seconds until a new code is out: fetch again then", example = "37", minimum = "0",
                maximum = FieldLimits.COUNT_MAX)
        long refreshAfterSeconds) {
}
