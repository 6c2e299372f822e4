package org.yizhan.checkup.domain.campaign;

/** Where a campaign is in its life. */
public enum CampaignStatus {
    /** Being prepared by the union; only union staff see it. */
    DRAFT,
    /** Visible to workers; bookable within its booking window. */
    PUBLISHED,
    /** Over: no more bookings; kept for figures until its personal data is purged. */
    CLOSED
}
