package org.yizhan.events;

/** CloudEvent {@code type} values, named {@code <aggregate>.<past-tense verb>}. */
public final class EventTypes {

    /** A station was added to the registry; data: {@link org.yizhan.events.station.StationRegistered}. */
    public static final String STATION_REGISTERED = "station.registered";

    /** A station's details changed (or it was verified); data: {@link org.yizhan.events.station.StationUpdated}. */
    public static final String STATION_UPDATED = "station.updated";

    /** A station opened, closed for a while or closed for good; data: {@link org.yizhan.events.station.StationStatusChanged}. */
    public static final String STATION_STATUS_CHANGED = "station.status_changed";

    /** A station's amenities or their status changed; data: {@link org.yizhan.events.station.StationAmenitiesChanged}. */
    public static final String STATION_AMENITIES_CHANGED = "station.amenities_changed";

    /** A station received an official award (最美站点) for a year; data: {@link org.yizhan.events.station.StationAwardGranted}. */
    public static final String STATION_AWARD_GRANTED = "station.award_granted";

    /** An activity was published (or changed while published); data: {@link org.yizhan.events.activity.ActivityPublished}. */
    public static final String ACTIVITY_PUBLISHED = "activity.published";

    /** An activity was cancelled; data: {@link org.yizhan.events.activity.ActivityCancelled}. */
    public static final String ACTIVITY_CANCELLED = "activity.cancelled";

    /**
     * An activity took place, with its attendance; sent again with new counts when a late
     * upload or a partner's corrected record changes them. Data: {@link org.yizhan.events.activity.ActivityCompleted}.
     */
    public static final String ACTIVITY_COMPLETED = "activity.completed";

    /** A worker registered (or joined the waitlist); data: {@link org.yizhan.events.activity.RegistrationCreated}. */
    public static final String REGISTRATION_CREATED = "registration.created";

    /** A registration was cancelled by the worker or expired unconfirmed; data: {@link org.yizhan.events.activity.RegistrationCancelled}. */
    public static final String REGISTRATION_CANCELLED = "registration.cancelled";

    /** A waitlisted worker got a place and must confirm it in time; data: {@link org.yizhan.events.activity.RegistrationPromoted}. */
    public static final String REGISTRATION_PROMOTED = "registration.promoted";

    private EventTypes() {
    }

    /** A free checkup campaign opened for booking; data: {@link org.yizhan.events.checkup.CampaignPublished}. */
    public static final String CAMPAIGN_PUBLISHED = "campaign.published";

    /** A worker confirmed a checkup place; data: {@link org.yizhan.events.checkup.AppointmentBooked}. */
    public static final String APPOINTMENT_BOOKED = "appointment.booked";

    /** A booked checkup place was given back; data: {@link org.yizhan.events.checkup.AppointmentCancelled}. */
    public static final String APPOINTMENT_CANCELLED = "appointment.cancelled";

    /** A booked checkup appointment moved to another slot; data: {@link org.yizhan.events.checkup.AppointmentRescheduled}. */
    public static final String APPOINTMENT_RESCHEDULED = "appointment.rescheduled";

    /** A worker came and the clinic finished the checkup (no results); data: {@link org.yizhan.events.checkup.AppointmentFulfilled}. */
    public static final String APPOINTMENT_FULFILLED = "appointment.fulfilled";

    /** A booked worker did not come by the end of the slot; data: {@link org.yizhan.events.checkup.AppointmentNoShow}. */
    public static final String APPOINTMENT_NOSHOW = "appointment.noshow";

    /**
     * A booked appointment starts in 48 hours or 2 hours, for a notification sender; sent once per
     * appointment and lead; data: {@link org.yizhan.events.checkup.AppointmentReminderDue}.
     */
    public static final String APPOINTMENT_REMINDER_DUE = "appointment.reminder_due";

    /** A lawyer or union staff answered a worker's legal consultation; data: {@link org.yizhan.events.legalaid.ConsultationAnswered}. */
    public static final String CONSULTATION_ANSWERED = "consultation.answered";

    /** An application for legal aid was accepted and became a case; data: {@link org.yizhan.events.legalaid.CaseAccepted}. */
    public static final String CASE_ACCEPTED = "case.accepted";

    /** A lawyer was assigned to a legal-aid case; data: {@link org.yizhan.events.legalaid.CaseAssigned}. */
    public static final String CASE_ASSIGNED = "case.assigned";

    /** A legal-aid case was closed; data: {@link org.yizhan.events.legalaid.CaseClosed}. */
    public static final String CASE_CLOSED = "case.closed";

    /** Serious-illness relief was granted to a worker; data: {@link org.yizhan.events.legalaid.ReliefGranted}. */
    public static final String RELIEF_GRANTED = "relief.granted";
}
