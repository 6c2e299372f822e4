package org.yizhan.legalaid.service.application;

import org.yizhan.legalaid.domain.consultation.ConsultationCategory;

import java.util.List;
import java.util.UUID;

/**
 * An application to take in. With {@code consultationId} it carries the consultation's category and
 * question when these are not given.
 *
 * @param creditCode already normalised and checked, or null
 * @param amountClaimedFen what the applicant claims (the application's claimed amount is the sum with
 *                         the co-applicants')
 * @param onBehalfOf       the worker's account id, when union staff record it for them
 * @param coApplicants     the other workers of a group case, in order (worker 2, 3, ...)
 * @param stationId        the station where union staff take it, or null
 * @param district         the district given at intake when there is no station, or null
 */
public record NewApplication(ConsultationCategory category, String opposingPartyName, String creditCode,
                             String facts, long amountClaimedFen, List<String> documentRefs, UUID consultationId,
                             String onBehalfOf, List<CoApplicant> coApplicants, UUID stationId, String district) {

    /** A co-applicant: the worker's account id (stored only as its pseudonym) and what they claim, in fen. */
    public record CoApplicant(String account, long claimedFen) {
    }
}
