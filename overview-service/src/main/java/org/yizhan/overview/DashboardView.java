package org.yizhan.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Map;

/** A district's figures from the four services for a period (the station network as it stands today). */
@Schema(name = "Dashboard",
        description = "A district's figures for a period, one part per figures endpoint of the four services")
public record DashboardView(
        @Schema(description = "The district, as the stations name it", example = "大兴区", maxLength = 60)
        String district,
        @Schema(description = "First day of the period (Beijing), included", example = "2026-01-01")
        LocalDate from,
        @Schema(description = "Last day of the period (Beijing), included", example = "2026-12-31")
        LocalDate to,
        @Schema(description = "How many parts are OK", minimum = "0", maximum = "5", example = "5")
        int partsOk,
        @Schema(description = "How many parts are missing (UNAVAILABLE or TIMEOUT)", minimum = "0", maximum = "5",
                example = "0")
        int partsMissing,
        @Schema(description = "The district's stations by host type and by tier, today (station-service GET "
                + "/api/v1/stations/figures)", required = true)
        Part network,
        @Schema(description = "Station visits by station (station-service GET /api/v1/stations/visits/stats)",
                required = true)
        Part stations,
        @Schema(description = "Completed activities and person-times (services-service GET /api/v1/activities/figures)",
                required = true)
        Part activities,
        @Schema(description = "Checkups (health-checkup-service GET /api/v1/checkups/figures)", required = true)
        Part checkups,
        @Schema(description = "Legal aid and relief (legal-aid-service GET /api/v1/legal-aid/figures?district=)",
                required = true)
        Part legalAid) {

    static DashboardView of(String district, LocalDate from, LocalDate to, Map<String, Part> parts) {
        int ok = (int) parts.values().stream().filter(Part::isOk).count();
        return new DashboardView(district, from, to, ok, parts.size() - ok, parts.get("network"),
                parts.get("stations"), parts.get("activities"), parts.get("checkups"), parts.get("legalAid"));
    }
}
