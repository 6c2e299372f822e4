package org.yizhan.events.legalaid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code relief.granted} event: serious-illness relief was granted to a worker. For
 * figures: the illness category, the amount granted in fen and whether it needed a second approver;
 * no applicant, description, income or names.
 *
 * @param illnessCategory      CANCER, HEART_DISEASE, STROKE, KIDNEY_FAILURE, ORGAN_TRANSPLANT, SEVERE_BURN or OTHER
 * @param secondApprovalNeeded whether the amount was above the threshold that asks for a second approver
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReliefGranted(
        UUID reliefId,
        String illnessCategory,
        long amountGrantedFen,
        Instant grantedAt,
        boolean secondApprovalNeeded) {
}
