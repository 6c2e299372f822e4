package org.yizhan.legalaid.rest.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.service.application.DeadlineQueue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An application in a list: where it stands against its deadline, without names or facts. */
@Schema(name = "ApplicationSummary")
public record ApplicationSummaryView(
        @Schema(required = true) UUID id,
        @Schema(required = true) ConsultationCategory category,
        @Schema(required = true, maxLength = 20, example = "INTAKE") String status,
        @Schema(required = true) Instant receivedAt,
        @Schema(description = "Absent while material is awaited") LocalDate decideBy,
        @Schema(description = "In the deadline queue: past decideBy") Boolean overdue,
        @Schema(description = "In the deadline queue: working days to decideBy (0: today; negative: since)",
                minimum = "-1000", maximum = "1000", format = "int32") Integer workingDaysLeft,
        @Schema(required = true) boolean recordedByStaff) {

    public static ApplicationSummaryView of(LegalAidApplication a) {
        return new ApplicationSummaryView(a.id, a.category, a.status, a.receivedAt, a.decideBy, null, null,
                a.recordedBy != null);
    }

    public static ApplicationSummaryView of(DeadlineQueue.Due d) {
        LegalAidApplication a = d.application();
        return new ApplicationSummaryView(a.id, a.category, a.status, a.receivedAt, a.decideBy, d.overdue(),
                d.workingDaysLeft(), a.recordedBy != null);
    }
}
