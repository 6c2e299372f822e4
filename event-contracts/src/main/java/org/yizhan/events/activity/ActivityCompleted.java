package org.yizhan.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of an {@code activity.completed} event: the activity took place. {@code attended} counts
 * registered workers who checked in, {@code walkIns} those who came without registering,
 * {@code noShows} registered workers who did not come. A partner record that carries only a
 * count reports it in {@code reportedParticipants}. {@code personTimes} is the figure for
 * reports: attended + walk-ins, or the reported count when no one is named. Sent again with a
 * higher {@code version} when the counts change; a consumer keeps the newest.
 *
 * <p>{@code source} says how the activity reached services-service: {@code APP} (planned in the
 * app) or {@code PUSH} (pushed by a partner's own system). {@code scanned} counts the people whose
 * check-in pass was scanned through the app at the activity. Both are absent (null) in events
 * written before they existed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivityCompleted(
        UUID activityId,
        int version,
        String type,
        List<String> organisers,
        UUID stationId,
        Instant startsAt,
        Instant endsAt,
        int attended,
        int walkIns,
        int noShows,
        Integer reportedParticipants,
        int personTimes,
        Instant completedAt,
        String source,
        Integer scanned) {
}
