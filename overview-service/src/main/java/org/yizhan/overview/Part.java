package org.yizhan.overview;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * One part of a composed view: which service it comes from, how it fared and, when it is OK, the
 * service's own answer, unchanged.
 */
@Schema(name = "Part", description = "One part of a composed view")
public record Part(
        @Schema(description = "The service the part comes from", example = "services-service", maxLength = 40,
                enumeration = {"station-service", "services-service", "health-checkup-service", "legal-aid-service"})
        String service,
        @Schema(required = true)
        PartStatus status,
        @Schema(description = "Only when UNAVAILABLE because the service answered with an error: its HTTP status",
                minimum = "100", maximum = "599", example = "503")
        Integer upstreamStatus,
        @Schema(description = "Dashboard parts only: true when the figures are the district's alone, false when the "
                + "service gives its figures for all districts (it has no district filter yet)")
        Boolean districtOnly,
        @Schema(description = "Only when OK: the service's answer, as that service documents it",
                type = SchemaType.OBJECT, additionalProperties = Schema.True.class)
        Map<String, Object> data) {

    static Part ok(String service, Map<String, Object> data) {
        return new Part(service, PartStatus.OK, null, null, data);
    }

    static Part unavailable(String service, Integer upstreamStatus) {
        return new Part(service, PartStatus.UNAVAILABLE, upstreamStatus, null, null);
    }

    static Part timedOut(String service) {
        return new Part(service, PartStatus.TIMEOUT, null, null, null);
    }

    /** This part, saying whether its figures are the district's alone. */
    Part districtOnly(boolean only) {
        return new Part(service, status, upstreamStatus, only, data);
    }

    boolean isOk() {
        return status == PartStatus.OK;
    }
}
