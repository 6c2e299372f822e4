package org.yizhan.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** Data of an {@code activity.cancelled} event. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivityCancelled(
        UUID activityId,
        int version,
        UUID stationId,
        String reason,
        Instant cancelledAt) {
}
