package org.yizhan.checkup.service.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.booking.AppointmentStatus;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.campaign.CampaignStatus;
import org.yizhan.checkup.domain.site.Site;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.checkup.events.CheckupEvents;
import org.yizhan.checkup.repository.AppointmentRepository;
import org.yizhan.checkup.repository.Bookability;
import org.yizhan.checkup.repository.CampaignRepository;
import org.yizhan.checkup.repository.QuotaRepository;
import org.yizhan.checkup.repository.SiteRepository;
import org.yizhan.checkup.repository.SlotRepository;
import org.yizhan.checkup.service.retention.PersonalDataRetention;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Booking a checkup place: hold it for a few minutes, consent and confirm, or cancel. The slot's
 * counters change only through {@link AppointmentRepository}'s conditional statements, and the
 * one-appointment-per-person rule is a unique index, so no slot is overbooked and nobody holds two
 * places in a campaign under any concurrency.
 */
@ApplicationScoped
public class BookingService {

    static final String NAME_FIELD = "appointment.name";
    static final String PHONE_FIELD = "appointment.phone";
    private static final String CURSOR = "appointments";

    private final AppointmentRepository appointments;
    private final QuotaRepository quotas;
    private final SlotRepository slots;
    private final SiteRepository sites;
    private final CampaignRepository campaigns;
    private final CheckupEvents events;
    private final Event<Waitlist.PlaceGivenBack> placeGivenBack;
    private final Pseudonyms pseudonyms;
    private final FieldCipher cipher;
    private final AppClock clock;
    private final Duration holdFor;
    private final int retentionDays;

    public BookingService(AppointmentRepository appointments, QuotaRepository quotas, SlotRepository slots,
                          SiteRepository sites,
                          CampaignRepository campaigns, CheckupEvents events,
                          Event<Waitlist.PlaceGivenBack> placeGivenBack, Pseudonyms pseudonyms, FieldCipher cipher,
                          AppClock clock,
                          @ConfigProperty(name = "yizhan.checkup.hold-for", defaultValue = "5m") Duration holdFor,
                          @ConfigProperty(name = PersonalDataRetention.DAYS, defaultValue = PersonalDataRetention.DEFAULT_DAYS)
                          int retentionDays) {
        this.appointments = appointments;
        this.quotas = quotas;
        this.slots = slots;
        this.sites = sites;
        this.campaigns = campaigns;
        this.events = events;
        this.placeGivenBack = placeGivenBack;
        this.pseudonyms = pseudonyms;
        this.cipher = cipher;
        this.clock = clock;
        this.holdFor = holdFor;
        this.retentionDays = retentionDays;
    }

    /** The consent a worker gives before booking at this campaign. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentTerms terms(UUID campaignId) {
        Campaign campaign = campaigns.findByIdOptional(campaignId).filter(c -> c.status != CampaignStatus.DRAFT)
                .orElseThrow(() -> ProblemException.notFound("体检活动", "The checkup campaign"));
        return ConsentTerms.of(campaign, retentionDays);
    }

    /**
     * Holds a place at the slot for {@code yizhan.checkup.hold-for} while the worker consents and
     * confirms. When the slot (or the occupation's quota there) is full and {@code waitlist} is set,
     * the worker joins the waitlist of the site on that day instead (status waitlist).
     */
    @Transactional
    public Appointment hold(UUID slotId, HoldRequestDetails details, boolean waitlist, String subject) {
        pseudonyms.requireConfigured();
        cipher.requireConfigured();
        Instant now = clock.now();
        // Refusals first, in one statement: most attempts of a booking rush find the slot full.
        Bookability slot = slots.bookability(slotId, details.occupation().name(), now)
                .orElseThrow(() -> ProblemException.invalidField("slotId", "时段不存在 / no such slot"));
        requireBookable(slot);
        if (!slot.forOccupation()) {
            throw ProblemException.invalidField("occupation", "本次体检不面向该职业 / the campaign is not for this occupation");
        }
        if (slot.looksFull()) {
            appointments.expireHolds(now, slotId); // a hold that ran out there gives its place back first
        }
        boolean placeTaken = appointments.holdPlace(slotId);
        if (!placeTaken && !waitlist) {
            throw new ProblemException(ProblemType.CONFLICT, "该时段已约满", "The slot is full");
        }
        Appointment a = newAppointment(slot, details, subject, now);
        if (!placeTaken) {
            return joinWaitlist(a);
        }
        if (!quotas.take(slot.campaignId(), a.occupation, slot.siteId(), a.quotaDay)) {
            if (waitlist) {
                appointments.freeHeldPlace(slotId);
                return joinWaitlist(a);
            }
            // Thrown out of the transaction, so the places taken above are given back.
            throw new ProblemException(ProblemType.CONFLICT, "该职业在此的名额已满",
                    "No places are left for this occupation here");
        }
        if (!appointments.insertPending(a)) {
            // Thrown out of the transaction, so the place taken above is given back.
            throw alreadyBooked();
        }
        return appointments.findById(a.id);
    }

    private Appointment newAppointment(Bookability slot, HoldRequestDetails details, String subject, Instant now) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.campaignId = slot.campaignId();
        a.slotId = slot.slotId();
        a.siteId = slot.siteId();
        a.person = pseudonyms.of(subject);
        a.proof = pseudonyms.of("rider-id\u0000" + details.platform().toLowerCase(Locale.ROOT) + "\u0000"
                + details.riderId().strip());
        a.occupation = details.occupation();
        a.status = AppointmentStatus.PENDING;
        a.holdExpiresAt = now.plus(holdFor);
        a.nameEncrypted = cipher.encrypt(details.name().strip(), NAME_FIELD);
        a.phoneEncrypted = cipher.encrypt(details.phone(), PHONE_FIELD);
        a.quotaDay = slot.startsAt().atZone(FiguresPeriod.BEIJING).toLocalDate();
        a.createdAt = now;
        return a;
    }

    private Appointment joinWaitlist(Appointment a) {
        a.status = AppointmentStatus.WAITLIST;
        a.holdExpiresAt = null;
        if (!appointments.insertWaiting(a)) {
            throw alreadyBooked();
        }
        return appointments.findById(a.id);
    }

    private static ProblemException alreadyBooked() {
        return new ProblemException(ProblemType.CONFLICT, "本次体检您已有预约（每人一次）",
                "You already have an appointment in this campaign (one per person)");
    }

    /** Confirms a held place with the worker's consent; confirming a booked appointment again changes nothing. */
    @Transactional
    public Appointment confirm(UUID appointmentId, String consentVersion, String subject) {
        Appointment a = own(appointmentId, subject);
        if (a.status == AppointmentStatus.BOOKED) {
            return a;
        }
        Instant now = clock.now();
        if (a.status != AppointmentStatus.PENDING || !a.holdExpiresAt.isAfter(now)) {
            throw new ProblemException(ProblemType.CONFLICT, "预留已过期，请重新预约", "The hold has expired; book again");
        }
        Campaign campaign = campaigns.findById(a.campaignId);
        if (!ConsentTerms.of(campaign, retentionDays).version().equals(consentVersion)) {
            throw ProblemException.invalidField("consentVersion", "请阅读并同意最新的授权说明 / consent to the current terms");
        }
        if (!appointments.bookHeldPlace(a.slotId)) {
            throw new IllegalStateException("a pending appointment without its held place");
        }
        a.status = AppointmentStatus.BOOKED;
        a.holdExpiresAt = null;
        a.consentVersion = consentVersion;
        a.consentedAt = now;
        a.bookedAt = now;
        a.updatedAt = now;
        events.booked(a, slots.findById(a.slotId));
        return a;
    }

    /**
     * Moves a booked appointment to another slot of its campaign, atomically: the old place is given
     * back only if the new one is taken (slot and quotas), otherwise nothing changes.
     */
    @Transactional
    public Appointment reschedule(UUID appointmentId, UUID toSlotId, String subject) {
        Appointment a = own(appointmentId, subject);
        if (a.slotId.equals(toSlotId)) {
            return a;
        }
        Instant now = clock.now();
        Slot from = slots.findById(a.slotId);
        if (a.status != AppointmentStatus.BOOKED || !from.startsAt.isAfter(now)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有尚未开始的已确认预约可以改期",
                    "Only a booked appointment that has not started can be moved");
        }
        Slot to = slots.findByIdOptional(toSlotId).filter(s -> s.campaignId.equals(a.campaignId))
                .orElseThrow(() -> ProblemException.invalidField("slotId", "不是本次体检的时段 / not a slot of this campaign"));
        requireBookable(slots.bookability(to.id, a.occupation.name(), now).orElseThrow());
        java.time.LocalDate toDay = to.startsAt.atZone(FiguresPeriod.BEIJING).toLocalDate();
        appointments.lockForMove(a.campaignId, a.occupation.name(), from.id, from.siteId, a.quotaDay, to.id, to.siteId,
                toDay);
        if (!appointments.bookPlace(to.id)) {
            throw new ProblemException(ProblemType.CONFLICT, "该时段已约满", "The slot is full");
        }
        if (!quotas.take(a.campaignId, a.occupation, to.siteId, toDay)) {
            throw new ProblemException(ProblemType.CONFLICT, "该职业在此的名额已满",
                    "No places are left for this occupation here");
        }
        appointments.freeBookedPlace(from.id);
        quotas.giveBack(a.campaignId, a.occupation, from.siteId, a.quotaDay);
        placeGivenBack.fire(new Waitlist.PlaceGivenBack(from.siteId, a.quotaDay));
        a.slotId = to.id;
        a.siteId = to.siteId;
        a.quotaDay = toDay;
        a.updatedAt = now;
        events.rescheduled(a, from.id, to, now);
        return a;
    }

    /** Gives a held or booked place back, until the slot starts. */
    @Transactional
    public Appointment cancel(UUID appointmentId, String subject) {
        Appointment a = own(appointmentId, subject);
        Instant now = clock.now();
        if (a.status == AppointmentStatus.CANCELLED) {
            return a;
        }
        if (!cancellable(a, now)) {
            throw new ProblemException(ProblemType.CONFLICT, "预约已开始或已结束，不能取消",
                    "The appointment has started or is over; it cannot be cancelled");
        }
        giveUp(a, "CANCELLED_BY_WORKER", now);
        return a;
    }

    /** Whether the appointment can still be given up: waiting, held, or booked and not started. */
    private boolean cancellable(Appointment a, Instant now) {
        return a.status == AppointmentStatus.WAITLIST || a.status == AppointmentStatus.PENDING
                || a.status == AppointmentStatus.BOOKED && slots.findById(a.slotId).startsAt.isAfter(now);
    }

    /**
     * Cancels a cancellable appointment for {@code reason}, giving its place (and quota) back to the
     * waitlist of its site and day; a booked one publishes appointment.cancelled.
     */
    private void giveUp(Appointment a, String reason, Instant now) {
        AppointmentStatus was = a.status;
        if (was == AppointmentStatus.PENDING) {
            appointments.freeHeldPlace(a.slotId);
        } else if (was == AppointmentStatus.BOOKED) {
            appointments.freeBookedPlace(a.slotId);
        }
        if (was != AppointmentStatus.WAITLIST) {
            quotas.giveBack(a.campaignId, a.occupation, a.siteId, a.quotaDay);
            placeGivenBack.fire(new Waitlist.PlaceGivenBack(a.siteId, a.quotaDay));
        }
        a.status = AppointmentStatus.CANCELLED;
        a.cancelReason = reason;
        a.holdExpiresAt = null;
        a.updatedAt = now;
        if (was == AppointmentStatus.BOOKED) {
            events.cancelled(a, now);
        }
    }

    /**
     * Withdraws the worker's consent for the campaign: every appointment of theirs there that has
     * not started (waiting, held or booked) is cancelled with reason CONSENT_WITHDRAWN, and its place
     * goes to the waitlist. Returns the appointments cancelled; withdrawing again changes nothing.
     */
    @Transactional
    public java.util.List<Appointment> withdrawConsent(UUID campaignId, String subject) {
        terms(campaignId);
        Instant now = clock.now();
        java.util.List<Appointment> cancelled = new java.util.ArrayList<>();
        for (Appointment a : appointments.liveOf(campaignId, pseudonyms.of(subject))) {
            if (cancellable(a, now)) {
                giveUp(a, "CONSENT_WITHDRAWN", now);
                a.consentWithdrawnAt = now;
                cancelled.add(a);
            }
        }
        return cancelled;
    }

    /**
     * The worker's own appointments, newest first; with {@code upcoming}, only those still to come
     * (waiting, held or booked, for a slot that has not ended).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Appointment> mine(String subject, boolean upcoming, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        String person = pseudonyms.of(subject);
        int fetch = Keyset.fetchSize(limit);
        return Keyset.page(upcoming ? appointments.upcomingOfPerson(person, clock.now(), after, fetch)
                        : appointments.ofPerson(person, after, fetch), limit,
                a -> KeysetCursor.of(CURSOR, a.createdAt, a.id));
    }

    /** The worker's own appointment, or 404 (another worker's is not theirs to know of). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Appointment own(UUID appointmentId, String subject) {
        String person = pseudonyms.of(subject);
        return appointments.findByIdOptional(appointmentId).filter(a -> a.person.equals(person))
                .orElseThrow(() -> ProblemException.notFound("预约", "The appointment"));
    }

    /** The name and phone the worker gave, for their own view (masked in lists elsewhere). */
    public String name(Appointment a) {
        return erased(a.nameEncrypted) ? PersonalDataRetention.ERASED : cipher.decrypt(a.nameEncrypted, NAME_FIELD);
    }

    public String phone(Appointment a) {
        return erased(a.phoneEncrypted) ? PersonalDataRetention.ERASED : cipher.decrypt(a.phoneEncrypted, PHONE_FIELD);
    }

    private static boolean erased(String field) {
        return PersonalDataRetention.ERASED.equals(field);
    }

    /** The site of an appointment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Site site(Appointment a) {
        return sites.findById(a.siteId);
    }

    /** The slot of an appointment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slot slot(Appointment a) {
        return slots.findById(a.slotId);
    }

    private static void requireBookable(Bookability slot) {
        if (!slot.bookingOpen()) {
            throw new ProblemException(ProblemType.CONFLICT, "当前不在预约时间内", "Booking is not open for this campaign");
        }
        if (slot.started()) {
            throw new ProblemException(ProblemType.CONFLICT, "该时段已开始", "The slot has started");
        }
        if (slot.siteClosed()) {
            throw new ProblemException(ProblemType.CONFLICT, "该地点暂停开放", "The site is not open");
        }
    }
}
