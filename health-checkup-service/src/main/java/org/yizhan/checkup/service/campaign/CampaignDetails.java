package org.yizhan.checkup.service.campaign;

import org.yizhan.checkup.domain.campaign.CheckupItem;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the union sets when it plans a campaign, already validated by the resource. */
public record CampaignDetails(String name, int year, String organiser, String description,
                              Map<Occupation, List<CheckupItem>> packages, List<String> clinics,
                              Instant bookingOpensAt, Instant bookingClosesAt) {
}
