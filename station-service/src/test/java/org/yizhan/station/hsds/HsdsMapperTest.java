package org.yizhan.station.hsds;

import org.junit.jupiter.api.Test;
import org.yizhan.station.domain.hours.ValidityWindow;
import org.yizhan.station.service.hsds.HsdsMapper;

import java.time.LocalDate;
import java.time.MonthDay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The dates a season gets in the export. */
class HsdsMapperTest {

    static final ValidityWindow WINTER = ValidityWindow.everyYear(MonthDay.of(11, 1), MonthDay.of(2, 29));
    static final ValidityWindow SUMMER = ValidityWindow.everyYear(MonthDay.of(6, 1), MonthDay.of(8, 31));

    @Test
    void aYearlySeasonGetsItsCurrentOrNextOccurrence() {
        assertArrayEquals(new LocalDate[]{LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31)},
                HsdsMapper.occurrence(SUMMER, LocalDate.of(2026, 3, 1)));
        assertArrayEquals(new LocalDate[]{LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31)},
                HsdsMapper.occurrence(SUMMER, LocalDate.of(2026, 8, 31)));
        assertArrayEquals(new LocalDate[]{LocalDate.of(2027, 6, 1), LocalDate.of(2027, 8, 31)},
                HsdsMapper.occurrence(SUMMER, LocalDate.of(2026, 9, 1)));
    }

    @Test
    void aSeasonOverNewYearEndsInTheNextYearOnTheLastDayOfFebruary() {
        // In January the winter that started last November is still running.
        assertArrayEquals(new LocalDate[]{LocalDate.of(2026, 11, 1), LocalDate.of(2027, 2, 28)},
                HsdsMapper.occurrence(WINTER, LocalDate.of(2027, 1, 15)));
        assertArrayEquals(new LocalDate[]{LocalDate.of(2027, 11, 1), LocalDate.of(2028, 2, 29)},
                HsdsMapper.occurrence(WINTER, LocalDate.of(2027, 3, 1)));
    }

    @Test
    void aDatedSeasonThatIsOverIsLeftOut() {
        ValidityWindow once = ValidityWindow.between(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
        assertNull(HsdsMapper.occurrence(once, LocalDate.of(2026, 7, 1)));
        assertArrayEquals(new LocalDate[]{LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)},
                HsdsMapper.occurrence(once, LocalDate.of(2026, 6, 30)));
    }
}
