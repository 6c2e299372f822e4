package org.yizhan.legalaid.rest.consultation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.consultation.Consultation;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.domain.consultation.ConsultationChannel;
import org.yizhan.legalaid.domain.consultation.ConsultationStatus;

import java.time.Instant;
import java.util.UUID;

/** A consultation in a list: what it is about and where it stands, without question or answer. */
@Schema(name = "ConsultationSummary")
public record ConsultationSummaryView(
        @Schema(required = true) UUID id,
        @Schema(required = true) ConsultationCategory category,
        @Schema(required = true) ConsultationChannel channel,
        UUID stationId,
        @Schema(required = true) ConsultationStatus status,
        @Schema(required = true) Instant askedAt,
        Instant answeredAt) {

    public static ConsultationSummaryView of(Consultation c) {
        return new ConsultationSummaryView(c.id, c.category, c.channel, c.stationId, c.status, c.askedAt, c.answeredAt);
    }
}
