package org.yizhan.services.events.registration;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.events.EventSources;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.activity.RegistrationCancelled;
import org.yizhan.events.activity.RegistrationCreated;
import org.yizhan.events.activity.RegistrationPromoted;
import org.yizhan.kit.outbox.Outbox;
import org.yizhan.services.domain.registration.Registration;

import java.time.Instant;

/**
 * Writes the registration events of {@code yizhan.activity.v1} to the outbox, in the caller's
 * transaction. The record key is the activity id, so that an activity's registrations and the
 * activity's own events stay in one order.
 */
@ApplicationScoped
public class RegistrationEvents {

    /** Why a registration ended, as registration.cancelled says it. */
    public enum CancelReason {
        CANCELLED_BY_WORKER,
        CONFIRMATION_EXPIRED
    }

    private final Outbox outbox;

    public RegistrationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Registration r) {
        publish(r, EventTypes.REGISTRATION_CREATED,
                new RegistrationCreated(r.id, r.activityId, r.participant, r.status.name(), r.createdAt));
    }

    public void cancelled(Registration r, CancelReason reason, Instant at) {
        publish(r, EventTypes.REGISTRATION_CANCELLED,
                new RegistrationCancelled(r.id, r.activityId, r.participant, reason.name(), at));
    }

    public void promoted(Registration r) {
        publish(r, EventTypes.REGISTRATION_PROMOTED,
                new RegistrationPromoted(r.id, r.activityId, r.participant, r.confirmBy, r.offeredAt));
    }

    private void publish(Registration r, String type, Object data) {
        outbox.add(Topics.ACTIVITY, r.activityId.toString(), EventSources.SERVICES_SERVICE, type, data);
    }
}
