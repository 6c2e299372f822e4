package org.yizhan.events.legalaid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code consultation.answered} event: a legal consultation got its answer. For figures
 * and notifications: no asker, no question or answer, no names.
 *
 * @param category       one of WAGE_ARREARS, WORK_INJURY, EMPLOYMENT_RELATIONSHIP, TRAFFIC_ACCIDENT,
 *                       SOCIAL_INSURANCE, CONTRACT_DISPUTE, OTHER
 * @param channel        ONLINE, SESSION (at a lawyer's duty session) or STATION (recorded by union staff)
 * @param stationId      the station, for SESSION and STATION; absent online
 * @param answeredByRole lawyer, union-staff or union-admin
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsultationAnswered(
        UUID consultationId,
        String category,
        String channel,
        UUID stationId,
        String answeredByRole,
        Instant askedAt,
        Instant answeredAt) {
}
