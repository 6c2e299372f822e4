package org.yizhan.events.legalaid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code case.assigned} event: a lawyer was assigned to a legal-aid case. For figures
 * and the lawyer's notification: no applicant, facts or names.
 *
 * @param lawyerId        the lawyer's id in legal-aid-service
 * @param assignedInTime  whether the first lawyer came within 3 working days of acceptance
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAssigned(
        UUID caseId,
        UUID lawyerId,
        String category,
        Instant assignedAt,
        boolean assignedInTime) {
}
