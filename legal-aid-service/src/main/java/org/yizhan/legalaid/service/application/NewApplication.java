package org.yizhan.legalaid.service.application;

import org.yizhan.legalaid.domain.consultation.ConsultationCategory;

import java.util.List;
import java.util.UUID;

/**
 * An application to take in. With {@code consultationId} it carries the consultation's category and
 * question when these are not given.
 *
 * @param creditCode already normalised and checked, or null
 * @param onBehalfOf the worker's account id, when union staff record it for them
 */
public record NewApplication(ConsultationCategory category, String opposingPartyName, String creditCode,
                             String facts, long amountClaimedFen, List<String> documentRefs, UUID consultationId,
                             String onBehalfOf) {
}
