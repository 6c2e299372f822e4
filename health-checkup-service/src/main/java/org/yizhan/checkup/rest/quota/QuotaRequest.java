package org.yizhan.checkup.rest.quota;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.events.Occupation;

import java.time.LocalDate;
import java.util.UUID;

/** Places for an occupation: in the whole campaign, at one site, on one day, or at one site on one day. */
@Schema(name = "QuotaRequest")
public record QuotaRequest(
        @NotNull Occupation occupation,
        @Schema(description = "Absent: every site") UUID siteId,
        @Schema(description = "Absent: every day (Beijing days)", example = "2026-12-12") LocalDate day,
        @NotNull @Min(0) @Max(MAX_PLACES) @Schema(minimum = "0", maximum = "100000", example = "200") Integer places) {

    static final int MAX_PLACES = 100_000;
}
