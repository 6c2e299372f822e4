package org.yizhan.checkup.domain.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.yizhan.events.Occupation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Places for one occupation in a campaign, optionally at one site and/or on one day. A booking
 * needs room in every quota that matches it, so the strictest limit wins.
 */
@Entity
@Table(name = "quota")
public class Quota {

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    public Occupation occupation;

    /** Null: every site. */
    @Column(name = "site_id")
    public UUID siteId;

    /** Null: every day (Beijing days). */
    public LocalDate day;

    public int places;

    public int taken;
}
