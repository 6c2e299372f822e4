package org.yizhan.legalaid.rest.consultation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.consultation.Consultation;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.domain.consultation.ConsultationChannel;
import org.yizhan.legalaid.domain.consultation.ConsultationStatus;

import java.time.Instant;
import java.util.UUID;

/** A consultation with its question and answer, for the asker and the people who may see it. */
@Schema(name = "Consultation")
public record ConsultationView(
        @Schema(required = true) UUID id,
        @Schema(required = true) ConsultationCategory category,
        @Schema(required = true) ConsultationChannel channel,
        UUID stationId,
        UUID sessionId,
        @Schema(required = true) ConsultationStatus status,
        @Schema(required = true, maxLength = 2000) String question,
        @Schema(maxLength = 4000) String answer,
        @Schema(maxLength = 20, example = "lawyer", description = "lawyer, union-staff or union-admin") String answeredByRole,
        @Schema(required = true, description = "Whether union staff recorded it on the worker's behalf")
        boolean recordedByStaff,
        @Schema(required = true) Instant askedAt,
        Instant answeredAt) {

    public static ConsultationView of(Consultation c, String question, String answer) {
        return new ConsultationView(c.id, c.category, c.channel, c.stationId, c.sessionId, c.status, question, answer,
                c.answeredRole, c.recordedBy != null, c.askedAt, c.answeredAt);
    }
}
