package org.yizhan.events.legalaid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code case.closed} event: a legal-aid case was closed. For figures: category, result
 * and the amounts kept apart (claimed, awarded, recovered, in fen); no applicant, facts or names.
 *
 * @param result  WON, PARTLY_WON, LOST, SETTLED, WITHDRAWN or TERMINATED
 * @param workers how many workers the case was for (a group case: more than 1); added later, so an
 *                older event reads as 0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseClosed(
        UUID caseId,
        String category,
        String result,
        long claimedFen,
        long awardedFen,
        long recoveredFen,
        Instant closedAt,
        int workers) {

    /** Without the number of workers (events written before it was added). */
    public CaseClosed(UUID caseId, String category, String result, long claimedFen, long awardedFen, long recoveredFen,
                      Instant closedAt) {
        this(caseId, category, result, claimedFen, awardedFen, recoveredFen, closedAt, 0);
    }
}
