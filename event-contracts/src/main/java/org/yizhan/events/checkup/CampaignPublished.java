package org.yizhan.events.checkup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of a {@code campaign.published} event: a free checkup campaign that workers of the listed
 * occupations can book from {@code bookingOpensAt}. No personal data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignPublished(
        UUID campaignId,
        int version,
        String name,
        int year,
        String organiser,
        List<Occupation> occupations,
        List<String> clinics,
        Instant bookingOpensAt,
        Instant bookingClosesAt,
        Instant publishedAt) {
}
