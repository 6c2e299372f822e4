package org.yizhan.checkup.domain.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A time at a site with room for {@code capacity} workers. Places are taken by bookings
 * ({@code booked}) and by holds while a worker confirms ({@code held}); the database refuses
 * {@code booked + held > capacity}.
 */
@Entity
@Table(name = "slot")
public class Slot {

    @Id
    public UUID id;

    @Column(name = "site_id")
    public UUID siteId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public int capacity;

    public int booked;

    public int held;

    public int free() {
        return Math.max(0, capacity - booked - held);
    }

    /** The HL7 FHIR Slot.status of this slot. */
    public SlotStatus status(boolean siteUnavailable) {
        if (siteUnavailable) {
            return SlotStatus.BUSY_UNAVAILABLE;
        }
        if (free() > 0) {
            return SlotStatus.FREE;
        }
        return held > 0 ? SlotStatus.BUSY_TENTATIVE : SlotStatus.BUSY;
    }
}
