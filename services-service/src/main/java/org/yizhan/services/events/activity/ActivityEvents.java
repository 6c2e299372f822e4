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

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the activity events of {@code yizhan.activity.v1} to the outbox, in the caller's
 * transaction; the record key is the activity id, so one activity's events stay in order.
 */
@ApplicationScoped
public class ActivityEvents {

    /**
     * Attendance of a completed activity, as {@code activity.completed} reports it; {@code scanned}
     * counts those whose check-in pass was scanned through the app.
     */
    public record Attendance(int attended, int walkIns, int noShows, int scanned) {

        public static final Attendance NONE = new Attendance(0, 0, 0, 0);
    }

    private final Outbox outbox;

    public ActivityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Activity a) {
        publish(a, EventTypes.ACTIVITY_PUBLISHED, publishedData(a));
    }

    public void cancelled(Activity a) {
        publish(a, EventTypes.ACTIVITY_CANCELLED, cancelledData(a));
    }

    /**
     * The activity took place. Person-times are attended + walk-ins, or the reported number when
     * the record names nobody.
     */
    public void completed(Activity a, Attendance attendance) {
        publish(a, EventTypes.ACTIVITY_COMPLETED, completedData(a, attendance));
    }

    /** An activity whose current state is to be announced; {@code attendance} matters for completed ones. */
    public record Change(Activity activity, Attendance attendance) {
    }

    /**
     * Writes, in one outbox batch, the event each activity's status calls for: published,
     * cancelled or completed (drafts announce nothing).
     */
    public void announceAll(List<Change> changes) {
        List<Outbox.Pending> pending = new ArrayList<>(changes.size());
        for (Change c : changes) {
            Activity a = c.activity();
            switch (a.status) {
                case PUBLISHED -> pending.add(new Outbox.Pending(a.id.toString(), EventTypes.ACTIVITY_PUBLISHED,
                        publishedData(a)));
                case CANCELLED -> pending.add(new Outbox.Pending(a.id.toString(), EventTypes.ACTIVITY_CANCELLED,
                        cancelledData(a)));
                case COMPLETED -> pending.add(new Outbox.Pending(a.id.toString(), EventTypes.ACTIVITY_COMPLETED,
                        completedData(a, c.attendance() == null ? Attendance.NONE : c.attendance())));
                case DRAFT -> {
                }
            }
        }
        outbox.addAll(Topics.ACTIVITY, EventSources.SERVICES_SERVICE, pending);
    }

    private static ActivityPublished publishedData(Activity a) {
        return new ActivityPublished(a.id, a.version, a.type, a.title, a.organisers.stream().sorted().toList(), a.stationId,
                a.startsAt, a.endsAt, a.capacity, List.of(a.occupations), a.publishedAt);
    }

    private static ActivityCancelled cancelledData(Activity a) {
        return new ActivityCancelled(a.id, a.version, a.stationId, a.cancelReason, a.updatedAt);
    }

    private static ActivityCompleted completedData(Activity a, Attendance attendance) {
        int named = attendance.attended() + attendance.walkIns();
        int personTimes = named == 0 && a.reportedParticipants != null ? a.reportedParticipants : named;
        return new ActivityCompleted(a.id, a.version, a.type, a.organisers.stream().sorted().toList(), a.stationId, a.startsAt,
                a.endsAt, attendance.attended(), attendance.walkIns(), attendance.noShows(), a.reportedParticipants,
                personTimes, a.completedAt, a.source.name(), attendance.scanned());
    }

    private void publish(Activity a, String type, Object data) {
        outbox.add(Topics.ACTIVITY, a.id.toString(), EventSources.SERVICES_SERVICE, type, data);
    }
}
