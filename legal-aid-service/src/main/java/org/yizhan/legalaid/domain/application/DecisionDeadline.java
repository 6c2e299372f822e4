package org.yizhan.legalaid.domain.application;

import org.yizhan.kit.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The statutory deadlines of a legal-aid application (法律援助法 Art. 43 and 《办理法律援助案件程序规定》:
 * a decision within 7 working days of a complete application, a lawyer assigned within 3 working
 * days of the decision to grant). Days are counted on the official calendar, the start day not
 * counted, and a working day on which the application was waiting for the applicant's supplement
 * does not count.
 */
public final class DecisionDeadline {

    /** Working days to decide, from the day the application is complete. */
    public static final int DECIDE_WITHIN = 7;
    /** Working days to assign a lawyer, from the day the application is accepted. */
    public static final int ASSIGN_WITHIN = 3;

    /**
     * A wait for the applicant's supplement: the working days after {@code requestedOn} up to and
     * including {@code receivedOn} do not count; {@code receivedOn} is null while still waiting.
     */
    public record SupplementWait(LocalDate requestedOn, LocalDate receivedOn) {
        boolean covers(LocalDate day) {
            return day.isAfter(requestedOn) && (receivedOn == null || !day.isAfter(receivedOn));
        }
    }

    private final WorkingDays calendar;

    public DecisionDeadline(WorkingDays calendar) {
        this.calendar = calendar;
    }

    /** On the official calendar of mainland China. */
    public static DecisionDeadline china() {
        return new DecisionDeadline(WorkingDays.china());
    }

    /** The last day to decide; empty while a supplement is awaited (the clock is stopped). */
    public Optional<LocalDate> decideBy(LocalDate completeOn, List<SupplementWait> waits) {
        if (waits.stream().anyMatch(w -> w.receivedOn() == null)) {
            return Optional.empty();
        }
        LocalDate day = completeOn;
        for (int counted = 0; counted < DECIDE_WITHIN; ) {
            day = day.plusDays(1);
            LocalDate d = day;
            if (calendar.isWorkingDay(d) && waits.stream().noneMatch(w -> w.covers(d))) {
                counted++;
            }
        }
        return Optional.of(day);
    }

    /** The last day to assign a lawyer to an accepted application. */
    public LocalDate assignBy(LocalDate acceptedOn) {
        return calendar.plus(acceptedOn, ASSIGN_WITHIN);
    }
}
