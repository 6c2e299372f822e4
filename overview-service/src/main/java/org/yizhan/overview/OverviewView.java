package org.yizhan.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A worker's overview: one part per service answer, each with its own status. */
@Schema(name = "Overview", description = "A worker's own activity across the services. Each part is the first page "
        + "of the service's own list (newest first), or says why it is missing.")
public record OverviewView(
        @Schema(description = "How many parts are OK", minimum = "0", maximum = "5", example = "4")
        int partsOk,
        @Schema(description = "How many parts are missing (UNAVAILABLE or TIMEOUT)", minimum = "0", maximum = "5",
                example = "1")
        int partsMissing,
        @Schema(description = "Activity registrations (services-service GET /api/v1/activities/registrations/mine)",
                required = true)
        Part registrations,
        @Schema(description = "Checkup appointments (health-checkup-service GET /api/v1/checkups/appointments/mine)",
                required = true)
        Part checkups,
        @Schema(description = "Legal-aid consultations (legal-aid-service GET /api/v1/legal-aid/consultations/mine)",
                required = true)
        Part consultations,
        @Schema(description = "Legal-aid applications and cases (legal-aid-service GET "
                + "/api/v1/legal-aid/applications/mine)", required = true)
        Part applications,
        @Schema(description = "Station visits (station-service GET /api/v1/stations/visits/mine)", required = true)
        Part visits) {

    static OverviewView of(Map<String, Part> parts) {
        int ok = (int) parts.values().stream().filter(Part::isOk).count();
        return new OverviewView(ok, parts.size() - ok, parts.get("registrations"), parts.get("checkups"),
                parts.get("consultations"), parts.get("applications"), parts.get("visits"));
    }
}
