package org.yizhan.services.events.activity;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.events.EventSources;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.activity.ActivityCancelled;
import org.yizhan.events.activity.ActivityCompleted;
import org.yizhan.events.activity.ActivityPublished;
import org.yizhan.kit.outbox.Outbox;
import org.yizhan.services.domain.activity.Activity;

import java.util.List;

/**
 * Writes the activity events of {@code yizhan.activity.v1} to the outbox, in the caller's
 * transaction; the record key is the activity id, so one activity's events stay in order.
 */
@ApplicationScoped
public class ActivityEvents {

    /** Attendance of a completed activity, as {@code activity.completed} reports it. */
    public record Attendance(int attended, int walkIns, int noShows) {

        public static final Attendance NONE = new Attendance(0, 0, 0);
    }

    private final Outbox outbox;

    public ActivityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Activity a) {
        publish(a, EventTypes.ACTIVITY_PUBLISHED, new ActivityPublished(a.id, a.version, a.type, a.title,
                a.organisers.stream().sorted().toList(), a.stationId, a.startsAt, a.endsAt, a.capacity, List.of(a.occupations),
                a.publishedAt));
    }

    public void cancelled(Activity a) {
        publish(a, EventTypes.ACTIVITY_CANCELLED,
                new ActivityCancelled(a.id, a.version, a.stationId, a.cancelReason, a.updatedAt));
    }

    /**
     * The activity took place. Person-times are attended + walk-ins, or the reported number when
     * the record names nobody.
     */
    public void completed(Activity a, Attendance attendance) {
        int named = attendance.attended() + attendance.walkIns();
        int personTimes = named == 0 && a.reportedParticipants != null ? a.reportedParticipants : named;
        publish(a, EventTypes.ACTIVITY_COMPLETED, new ActivityCompleted(a.id, a.version, a.type,
                a.organisers.stream().sorted().toList(), a.stationId, a.startsAt, a.endsAt, attendance.attended(),
                attendance.walkIns(), attendance.noShows(), a.reportedParticipants, personTimes, a.completedAt));
    }

    private void publish(Activity a, String type, Object data) {
        outbox.add(Topics.ACTIVITY, a.id.toString(), EventSources.SERVICES_SERVICE, type, data);
    }
}
