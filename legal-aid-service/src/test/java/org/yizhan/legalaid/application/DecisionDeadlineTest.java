package org.yizhan.legalaid.application;

import org.junit.jupiter.api.Test;
import org.yizhan.legalaid.domain.application.DecisionDeadline;
import org.yizhan.legalaid.domain.application.DecisionDeadline.SupplementWait;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 7-working-day decision deadline on the 2026 official calendar: National Day 10-01..10-07 off,
 * Sunday 09-20 and Saturday 10-10 make-up working days.
 */
class DecisionDeadlineTest {

    private final DecisionDeadline deadlines = DecisionDeadline.china();

    @Test
    void acrossNationalDayTheMakeUpSaturdayCounts() {
        // 10-08, 10-09, 10-10 (Saturday, a working day), 10-12, 10-13, 10-14, 10-15.
        assertEquals(Optional.of(LocalDate.parse("2026-10-15")), deadlines.decideBy(LocalDate.parse("2026-09-30"), List.of()));
        // 09-29, 09-30, 10-08, 10-09, 10-10, 10-12, 10-13.
        assertEquals(Optional.of(LocalDate.parse("2026-10-13")), deadlines.decideBy(LocalDate.parse("2026-09-28"), List.of()));
        // Complete on the make-up Sunday 09-20: 09-21 .. 09-24, (09-25..27 Mid-Autumn), 09-28, 09-29, 09-30.
        assertEquals(Optional.of(LocalDate.parse("2026-09-30")), deadlines.decideBy(LocalDate.parse("2026-09-20"), List.of()));
    }

    @Test
    void timeWaitingForASupplementIsNotCounted() {
        LocalDate complete = LocalDate.parse("2026-09-28");
        // Asked for on 09-30, received 10-09: the working days 10-08 and 10-09 do not count.
        assertEquals(Optional.of(LocalDate.parse("2026-10-15")), deadlines.decideBy(complete,
                List.of(new SupplementWait(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-09")))));
        // A wait that lies wholly in the holiday costs nothing.
        assertEquals(Optional.of(LocalDate.parse("2026-10-13")), deadlines.decideBy(complete,
                List.of(new SupplementWait(LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-06")))));
        // Still waiting: the clock is stopped.
        assertEquals(Optional.empty(), deadlines.decideBy(complete,
                List.of(new SupplementWait(LocalDate.parse("2026-09-30"), null))));
    }

    @Test
    void aLawyerIsAssignedWithinThreeWorkingDaysOfAcceptance() {
        // Accepted on 09-30: 10-08, 10-09, 10-10 (make-up Saturday).
        assertEquals(LocalDate.parse("2026-10-10"), deadlines.assignBy(LocalDate.parse("2026-09-30")));
    }
}
