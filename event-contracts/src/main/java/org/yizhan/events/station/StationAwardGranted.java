package org.yizhan.events.station;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code station.award_granted} event: an official "most beautiful station" title.
 * {@code level} is DISTRICT, CITY or NATIONAL; {@code score} is the station's computed score for
 * that year when it was granted (null if no snapshot exists).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationAwardGranted(
        UUID awardId,
        UUID stationId,
        int year,
        String level,
        String title,
        BigDecimal score,
        Instant grantedAt) {
}
