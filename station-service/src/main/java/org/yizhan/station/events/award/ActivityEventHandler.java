package org.yizhan.station.events.award;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.activity.ActivityCancelled;
import org.yizhan.events.activity.ActivityCompleted;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.inbox.EventHandler;
import org.yizhan.station.service.award.ActivitiesHosted;

import java.util.Set;

/** Counts the activities hosted per station from yizhan.activity.v1, for the award score. */
@ApplicationScoped
public class ActivityEventHandler implements EventHandler {

    private final CloudEventCodec codec;
    private final ActivitiesHosted activities;

    public ActivityEventHandler(CloudEventCodec codec, ActivitiesHosted activities) {
        this.codec = codec;
        this.activities = activities;
    }

    @Override
    public String topic() {
        return Topics.ACTIVITY;
    }

    @Override
    public Set<String> types() {
        return Set.of(EventTypes.ACTIVITY_COMPLETED, EventTypes.ACTIVITY_CANCELLED);
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.getType()) {
            case EventTypes.ACTIVITY_COMPLETED -> activities.completed(codec.data(event, ActivityCompleted.class));
            case EventTypes.ACTIVITY_CANCELLED -> activities.cancelled(codec.data(event, ActivityCancelled.class));
            default -> throw new IllegalArgumentException("unexpected type " + event.getType());
        }
    }
}
