package org.yizhan.legalaid.service.duty;

import java.time.Instant;
import java.util.UUID;

/** A duty session to plan: a lawyer at a station, cut into slots of {@code slotMinutes}. */
public record NewSession(UUID stationId, UUID lawyerId, Instant startsAt, Instant endsAt, int slotMinutes) {
}
