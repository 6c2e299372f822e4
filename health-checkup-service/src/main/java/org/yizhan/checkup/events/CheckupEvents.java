package org.yizhan.checkup.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.events.EventSources;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.checkup.AppointmentBooked;
import org.yizhan.events.checkup.AppointmentCancelled;
import org.yizhan.events.checkup.AppointmentFulfilled;
import org.yizhan.events.checkup.AppointmentNoShow;
import org.yizhan.events.checkup.AppointmentReminderDue;
import org.yizhan.events.checkup.AppointmentRescheduled;
import org.yizhan.events.checkup.CampaignPublished;
import org.yizhan.kit.outbox.Outbox;

import java.time.Instant;
import java.util.List;

/** The events of yizhan.checkup.v1, written to the outbox in the transaction of the change (key: campaign id). */
@ApplicationScoped
public class CheckupEvents {

    private final Outbox outbox;

    public CheckupEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Campaign c) {
        outbox.add(Topics.CHECKUP, c.id.toString(), EventSources.CHECKUP_SERVICE, EventTypes.CAMPAIGN_PUBLISHED,
                new CampaignPublished(c.id, c.version, c.name, c.year, c.organiser, List.copyOf(c.packages.keySet()),
                        List.of(c.clinics), c.bookingOpensAt, c.bookingClosesAt, c.publishedAt));
    }

    public void booked(Appointment a, Slot slot) {
        outbox.add(Topics.CHECKUP, a.campaignId.toString(), EventSources.CHECKUP_SERVICE, EventTypes.APPOINTMENT_BOOKED,
                new AppointmentBooked(a.id, a.campaignId, a.siteId, a.slotId, a.person, a.occupation, slot.startsAt,
                        a.bookedAt));
    }

    public void cancelled(Appointment a, Instant at) {
        outbox.add(Topics.CHECKUP, a.campaignId.toString(), EventSources.CHECKUP_SERVICE,
                EventTypes.APPOINTMENT_CANCELLED,
                new AppointmentCancelled(a.id, a.campaignId, a.slotId, a.person, a.cancelReason, at));
    }

    public void rescheduled(Appointment a, java.util.UUID fromSlotId, Slot to, Instant at) {
        outbox.add(Topics.CHECKUP, a.campaignId.toString(), EventSources.CHECKUP_SERVICE,
                EventTypes.APPOINTMENT_RESCHEDULED,
                new AppointmentRescheduled(a.id, a.campaignId, fromSlotId, to.id, to.siteId, a.person, to.startsAt, at));
    }

    public void fulfilled(Appointment a) {
        outbox.add(Topics.CHECKUP, a.campaignId.toString(), EventSources.CHECKUP_SERVICE,
                EventTypes.APPOINTMENT_FULFILLED,
                new AppointmentFulfilled(a.id, a.campaignId, a.siteId, a.person, a.occupation, a.arrivedAt, a.fulfilledAt));
    }

    public void noShow(Appointment a, Instant slotEndedAt) {
        outbox.add(Topics.CHECKUP, a.campaignId.toString(), EventSources.CHECKUP_SERVICE, EventTypes.APPOINTMENT_NOSHOW,
                new AppointmentNoShow(a.id, a.campaignId, a.siteId, a.slotId, a.person, a.occupation, slotEndedAt));
    }

    public void reminderDue(Appointment a, Slot slot, String siteName, java.time.Duration lead, Instant at) {
        outbox.add(Topics.CHECKUP, a.campaignId.toString(), EventSources.CHECKUP_SERVICE,
                EventTypes.APPOINTMENT_REMINDER_DUE,
                new AppointmentReminderDue(a.id, a.campaignId, a.siteId, siteName, a.person, lead.toString(),
                        slot.startsAt, at));
    }
}
