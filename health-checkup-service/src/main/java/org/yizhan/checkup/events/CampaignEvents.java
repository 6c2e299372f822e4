package org.yizhan.checkup.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.events.EventSources;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.checkup.CampaignPublished;
import org.yizhan.kit.outbox.Outbox;

import java.util.List;

/** The campaign events, written to the outbox in the transaction of the change. */
@ApplicationScoped
public class CampaignEvents {

    private final Outbox outbox;

    public CampaignEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Campaign c) {
        outbox.add(Topics.CHECKUP, c.id.toString(), EventSources.CHECKUP_SERVICE, EventTypes.CAMPAIGN_PUBLISHED,
                new CampaignPublished(c.id, c.version, c.name, c.year, c.organiser, List.copyOf(c.packages.keySet()),
                        List.of(c.clinics), c.bookingOpensAt, c.bookingClosesAt, c.publishedAt));
    }
}
