package org.yizhan.legalaid.service.relief;

import org.yizhan.legalaid.domain.relief.IllnessCategory;

import java.util.List;
import java.util.UUID;

/**
 * A relief application to record.
 *
 * @param stationId  the station where it is made, if any (its district goes into the figures)
 * @param onBehalfOf the worker's account id, when union staff record it for them (not in a referral)
 */
public record NewRelief(IllnessCategory illnessCategory, long amountRequestedFen, long monthlyHouseholdIncomeFen,
                        int householdSize, List<String> documentRefs, String description, UUID stationId,
                        String onBehalfOf) {
}
