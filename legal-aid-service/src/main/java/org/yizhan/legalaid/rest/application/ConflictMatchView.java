package org.yizhan.legalaid.rest.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.MatchReason;
import org.yizhan.legalaid.service.application.ApplicationService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Another application found by the duplicate and conflict check (open it for details, audited). */
@Schema(name = "ConflictMatch")
public record ConflictMatchView(
        @Schema(required = true) UUID applicationId,
        @Schema(required = true, maxItems = 3) List<MatchReason> reasons,
        @Schema(required = true, maxLength = 20) String status,
        @Schema(required = true) Instant receivedAt) {

    public static ConflictMatchView of(ApplicationService.Match m) {
        return new ConflictMatchView(m.application().id, List.copyOf(m.reasons()), m.application().status,
                m.application().receivedAt);
    }
}
