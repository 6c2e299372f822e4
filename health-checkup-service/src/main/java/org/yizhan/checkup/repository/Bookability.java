package org.yizhan.checkup.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether a slot can be booked now, read in one statement before any place is taken, so that a
 * refused attempt (most of a booking rush) costs two statements and no entity loads.
 */
public record Bookability(UUID slotId, UUID campaignId, UUID siteId, Instant startsAt, boolean bookingOpen,
                          boolean started, boolean siteClosed, boolean forOccupation, boolean looksFull) {
}
