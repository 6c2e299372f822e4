package org.yizhan.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A worker's overview: one part per service answer, each with its own status. */
@Schema(name = "Overview", description = "What is current for a worker across the services. Each part is the first "
        + "page of the service's own list (newest first) with the part's filter, or says why it is missing.")
public record OverviewView(
        @Schema(description = "How many parts are OK", minimum = "0", maximum = "5", example = "4")
        int partsOk,
        @Schema(description = "How many parts are missing (UNAVAILABLE or TIMEOUT)", minimum = "0", maximum = "5",
                example = "1")
        int partsMissing,
        @Schema(description = "Upcoming activity registrations (services-service GET "
                + "/api/v1/activities/registrations/mine?upcoming=true)",
                required = true)
        Part registrations,
        @Schema(description = "Upcoming checkup appointments (health-checkup-service GET "
                + "/api/v1/checkups/appointments/mine?upcoming=true)",
                required = true)
        Part checkups,
        @Schema(description = "Open legal-aid consultations (legal-aid-service GET "
                + "/api/v1/legal-aid/consultations/mine?status=OPEN)",
                required = true)
        Part consultations,
        @Schema(description = "Open legal-aid applications and cases (legal-aid-service GET "
                + "/api/v1/legal-aid/applications/mine?open=true)", required = true)
        Part applications,
        @Schema(description = "Recent station visits (station-service GET /api/v1/stations/visits/mine?from=, "
                + "the last 30 days by default)", required = true)
        Part visits) {

    static OverviewView of(Map<String, Part> parts) {
        int ok = (int) parts.values().stream().filter(Part::isOk).count();
        return new OverviewView(ok, parts.size() - ok, parts.get("registrations"), parts.get("checkups"),
                parts.get("consultations"), parts.get("applications"), parts.get("visits"));
    }
}
