package org.yizhan.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of an {@code activity.published} event: the activity as workers see it. Sent again when a
 * published activity changes; {@code version} grows with every change. {@code organisers} are
 * partner organisation codes (one activity even when co-organised).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivityPublished(
        UUID activityId,
        int version,
        String type,
        String title,
        List<String> organisers,
        UUID stationId,
        Instant startsAt,
        Instant endsAt,
        Integer capacity,
        List<String> occupations,
        Instant publishedAt) {
}
