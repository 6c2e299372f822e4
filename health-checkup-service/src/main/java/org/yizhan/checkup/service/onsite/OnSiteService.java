package org.yizhan.checkup.service.onsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.booking.AppointmentStatus;
import org.yizhan.checkup.domain.site.Site;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.checkup.events.CheckupEvents;
import org.yizhan.checkup.repository.AppointmentRepository;
import org.yizhan.checkup.repository.SiteRepository;
import org.yizhan.checkup.repository.SlotRepository;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.OneTimePasses;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * At the site: the worker's one-time pass, its redemption by the clinic (online, or scanned offline
 * and uploaded later with the scan time), the end of the checkup, and the clinic's list of the day.
 * A pass is redeemed once: the appointment row is locked while a scan is decided, and a second scan
 * of the same pass is refused, unless it is the very same scan uploaded again (same pass, same time),
 * which is recognised as a duplicate.
 */
@ApplicationScoped
public class OnSiteService {

    /** Scans count from this long before the slot starts until this long after it ends; the pass expires then too. */
    static final Duration WINDOW_MARGIN = Duration.ofHours(2);
    /** How far ahead of the server a device's clock may be. */
    static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(5);
    private static final String DAY_CURSOR = "clinic-day";

    /** A scanned pass as a device uploads it. */
    public record Scan(String pass, Instant scannedAt) {
    }

    private final AppointmentRepository appointments;
    private final SlotRepository slots;
    private final SiteRepository sites;
    private final CheckupPasses passes;
    private final NoShows noShows;
    private final CheckupEvents events;
    private final AppClock clock;

    public OnSiteService(AppointmentRepository appointments, SlotRepository slots, SiteRepository sites,
                         CheckupPasses passes, NoShows noShows, CheckupEvents events, AppClock clock) {
        this.appointments = appointments;
        this.slots = slots;
        this.sites = sites;
        this.passes = passes;
        this.noShows = noShows;
        this.events = events;
        this.clock = clock;
    }

    /** The pass of the worker's booked appointment, valid until two hours after the slot ends. */
    public OneTimePasses.Pass pass(Appointment a) {
        if (a.status != AppointmentStatus.BOOKED) {
            throw new ProblemException(ProblemType.CONFLICT, "只有已确认且未签到的预约有签到码",
                    "Only a booked appointment that has not been scanned has a pass");
        }
        Slot slot = slots.findById(a.slotId);
        return passes.issue(a.id, a.person, clock.now(), slot.endsAt.plus(WINDOW_MARGIN));
    }

    /** Redeems the scans of a clinic's device; each scan is decided on its own. */
    @Transactional
    public List<ScanOutcome> redeem(List<Scan> scans, String clinic) {
        Instant now = clock.now();
        List<ScanOutcome> outcomes = new ArrayList<>(scans.size());
        for (int i = 0; i < scans.size(); i++) {
            outcomes.add(redeem(i, scans.get(i), clinic, now));
        }
        return outcomes;
    }

    private ScanOutcome redeem(int index, Scan scan, String clinic, Instant now) {
        Optional<OneTimePasses.Pass> read = passes.read(scan.pass());
        if (read.isEmpty()) {
            return ScanOutcome.rejected(index, ScanOutcome.Reason.INVALID_PASS, null);
        }
        OneTimePasses.Pass pass = read.get();
        Appointment a = appointments.findById(pass.forId(), LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !a.person.equals(pass.holder())) {
            return ScanOutcome.rejected(index, ScanOutcome.Reason.INVALID_PASS, null);
        }
        if (!sites.findById(a.siteId).clinic.equals(clinic)) {
            return ScanOutcome.rejected(index, ScanOutcome.Reason.OTHER_CLINIC, null);
        }
        Instant scannedAt = scan.scannedAt().truncatedTo(ChronoUnit.MICROS);
        if (a.redeemedPass != null) {
            boolean same = a.redeemedPass.equals(pass.passId()) && scannedAt.equals(a.arrivedAt);
            return same ? new ScanOutcome(index, ScanOutcome.Result.DUPLICATE, null, a.id)
                    : ScanOutcome.rejected(index, ScanOutcome.Reason.ALREADY_REDEEMED, a.id);
        }
        if (a.status != AppointmentStatus.BOOKED && a.status != AppointmentStatus.NOSHOW) {
            return ScanOutcome.rejected(index, ScanOutcome.Reason.NOT_BOOKED, a.id);
        }
        if (scannedAt.isAfter(now.plus(CLOCK_ALLOWANCE))) {
            return ScanOutcome.rejected(index, ScanOutcome.Reason.SCANNED_IN_FUTURE, a.id);
        }
        Slot slot = slots.findById(a.slotId);
        if (scannedAt.isBefore(slot.startsAt.minus(WINDOW_MARGIN)) || scannedAt.isAfter(slot.endsAt.plus(WINDOW_MARGIN))
                || scannedAt.isAfter(pass.expiresAt())) {
            return ScanOutcome.rejected(index, ScanOutcome.Reason.OUTSIDE_WINDOW, a.id);
        }
        if (a.status == AppointmentStatus.NOSHOW) {
            // A scan uploaded after the no-show was marked: the worker did come.
            noShows.forgive(a.person, now);
        }
        a.status = AppointmentStatus.ARRIVED;
        a.arrivedAt = scannedAt;
        a.redeemedPass = pass.passId();
        a.updatedAt = now;
        return new ScanOutcome(index, ScanOutcome.Result.REDEEMED, null, a.id);
    }

    /** arrived → fulfilled: the checkup took place (the clinic keeps the results). Again changes nothing. */
    @Transactional
    public Appointment fulfil(UUID appointmentId, String clinic) {
        Appointment a = ofClinic(appointmentId, clinic);
        if (a.status == AppointmentStatus.FULFILLED) {
            return a;
        }
        if (a.status != AppointmentStatus.ARRIVED) {
            throw new ProblemException(ProblemType.CONFLICT, "签到之后才能标记体检完成",
                    "Only an appointment whose pass was scanned can be marked fulfilled");
        }
        Instant now = clock.now();
        a.status = AppointmentStatus.FULFILLED;
        a.fulfilledAt = now;
        a.updatedAt = now;
        events.fulfilled(a);
        return a;
    }

    /** The appointments at the clinic's site on a day that hold a place, by slot time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Appointment> day(UUID siteId, LocalDate day, String clinic, String cursor, int limit) {
        Site site = sites.findByIdOptional(siteId).orElseThrow(() -> ProblemException.notFound("体检地点", "The site"));
        requireClinic(site, clinic);
        KeysetCursor after = KeysetCursor.decode(DAY_CURSOR, cursor, 2);
        return Keyset.page(appointments.ofSiteDay(siteId, day, after, Keyset.fetchSize(limit)), limit,
                a -> KeysetCursor.of(DAY_CURSOR, slots.findById(a.slotId).startsAt, a.id));
    }

    private Appointment ofClinic(UUID appointmentId, String clinic) {
        Appointment a = appointments.findByIdOptional(appointmentId)
                .orElseThrow(() -> ProblemException.notFound("预约", "The appointment"));
        requireClinic(sites.findById(a.siteId), clinic);
        return a;
    }

    private static void requireClinic(Site site, String clinic) {
        if (!site.clinic.equals(clinic)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "只有该地点的体检机构可以操作",
                    "Only the clinic that examines at this site may do this");
        }
    }
}
