package org.yizhan.events.legalaid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of a {@code case.accepted} event: an application for legal aid was accepted and became a
 * case. For figures: category and the amount claimed, no applicant, facts or names.
 *
 * @param amountClaimedFen   claimed, not awarded or recovered, in fen
 * @param decidedInTime      whether the decision came by the statutory deadline
 * @param assignBy           the last working day to assign a lawyer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAccepted(
        UUID caseId,
        String category,
        long amountClaimedFen,
        Instant acceptedAt,
        boolean decidedInTime,
        LocalDate assignBy) {
}
