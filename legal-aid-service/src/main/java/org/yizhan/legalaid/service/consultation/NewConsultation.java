package org.yizhan.legalaid.service.consultation;

import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.domain.consultation.ConsultationChannel;

import java.util.UUID;

/**
 * A question to record.
 *
 * @param onBehalfOf the worker's account id (their token subject), when union staff record it for them
 */
public record NewConsultation(ConsultationCategory category, ConsultationChannel channel, UUID stationId,
                              UUID sessionId, String question, String onBehalfOf) {
}
