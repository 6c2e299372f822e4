package org.yizhan.legalaid.rest.relief;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.relief.IllnessCategory;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.domain.relief.ReliefStatus;

import java.time.Instant;
import java.util.UUID;

/** A relief file in a list: where it stands and its amounts, never the description or the income. */
@Schema(name = "ReliefSummary")
public record ReliefSummaryView(
        @Schema(required = true) UUID id,
        @Schema(required = true) IllnessCategory illnessCategory,
        @Schema(required = true) ReliefStatus status,
        @Schema(required = true, minimum = "1", maximum = "100000000", format = "int64") long amountRequestedFen,
        @Schema(minimum = "1", maximum = "100000000", format = "int64") Long amountGrantedFen,
        @Schema(required = true, minimum = "0", maximum = "100000000", format = "int64") long paidFen,
        @Schema(required = true) boolean referredFromCase,
        @Schema(required = true) boolean recordedByStaff,
        @Schema(maxLength = 60) String district,
        @Schema(required = true) Instant submittedAt) {

    public static ReliefSummaryView of(ReliefApplication r) {
        return new ReliefSummaryView(r.id, r.illnessCategory, r.status, r.amountRequestedFen, r.amountGrantedFen,
                r.paidFen, r.caseId != null, r.recordedBy != null, r.district, r.submittedAt);
    }
}
