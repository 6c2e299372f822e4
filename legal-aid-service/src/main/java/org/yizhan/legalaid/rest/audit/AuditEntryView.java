package org.yizhan.legalaid.rest.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.audit.ActorKind;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.audit.AuditEntry;

import java.time.Instant;

/** One line of the audit log, as union admins read it. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
        @Schema(required = true, description = "Position in the log", minimum = "1", maximum = "9223372036854775807")
        long seq,
        @Schema(required = true) Instant at,
        @Schema(required = true, maxLength = 255, description = "A worker's pseudonym (actorKind PERSON) or the token "
                + "subject of a lawyer or union staff member (STAFF)", example = "lawyer-li")
        String actor,
        @Schema(required = true) ActorKind actorKind,
        @Schema(required = true, maxLength = 20, example = "lawyer") String role,
        @Schema(required = true) AuditAction action,
        @Schema(required = true, maxLength = 30, example = "CONSULTATION") String targetKind,
        @Schema(maxLength = 64, description = "Absent for a list") String targetId,
        @Schema(maxLength = 300, example = "答复咨询") String purpose) {

    public static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq(), e.at(), e.actor(), e.actorKind(), e.role(), e.action(), e.targetKind(),
                e.targetId(), e.purpose());
    }
}
