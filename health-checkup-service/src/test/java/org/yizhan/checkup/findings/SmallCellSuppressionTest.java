package org.yizhan.checkup.findings;

import org.junit.jupiter.api.Test;
import org.yizhan.checkup.service.findings.SmallCellSuppression;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small cells are hidden, and so is one more cell wherever a hidden one could be worked out from the total. */
class SmallCellSuppressionTest {

    @Test
    void cellsOfOneToFourAndTheirNearComplementsAreHidden() {
        List<Integer[]> out = SmallCellSuppression.apply(List.of(new int[] {100, 0, 3, 50, 97, 5}), 6, 5);
        // One row: what is hidden in it is hidden in the total too, which equals it.
        assertEquals(Arrays.asList(100, 0, null, 50, null, 5), Arrays.asList(out.get(0)));
        assertEquals(Arrays.asList(100, 0, null, 50, null, 5), Arrays.asList(out.get(1)));
    }

    @Test
    void aSecondCellIsHiddenSoThatTheFirstCannotBeSubtractedFromTheTotal() {
        List<Integer[]> out = SmallCellSuppression.apply(List.of(
                new int[] {40, 2, 10}, new int[] {50, 0, 12}, new int[] {60, 7, 20}), 3, 5);
        // Column 1: row 0 (2) is small; the total (9) is shown, so the smallest non-zero other cell (7) goes too.
        assertEquals(Arrays.asList(40, null, 10), Arrays.asList(out.get(0)));
        assertEquals(Arrays.asList(50, 0, 12), Arrays.asList(out.get(1)));
        assertEquals(Arrays.asList(60, null, 20), Arrays.asList(out.get(2)));
        assertEquals(Arrays.asList(150, 9, 42), Arrays.asList(out.get(3)));
    }

    @Test
    void aReportOfFewerThanTheMinimumExaminedIsHiddenWholeAndComplemented() {
        List<Integer[]> out = SmallCellSuppression.apply(List.of(new int[] {3, 0, 3}, new int[] {80, 10, 20}), 3, 5);
        assertEquals(Arrays.asList(null, null, null), Arrays.asList(out.get(0)));
        assertEquals(Arrays.asList(null, null, null), Arrays.asList(out.get(1)), "its partner in each column");
        assertEquals(Arrays.asList(83, 10, 23), Arrays.asList(out.get(2)));
    }

    @Test
    void twoHiddenCellsInAColumnNeedNoComplementAndNoReportsGiveAnEmptyTotal() {
        List<Integer[]> out = SmallCellSuppression.apply(List.of(new int[] {30, 1, 9}, new int[] {30, 2, 9},
                new int[] {30, 9, 9}), 3, 5);
        assertEquals(Arrays.asList(30, null, 9), Arrays.asList(out.get(0)));
        assertEquals(Arrays.asList(30, null, 9), Arrays.asList(out.get(1)));
        assertEquals(Arrays.asList(30, 9, 9), Arrays.asList(out.get(2)));
        assertEquals(Arrays.asList(90, 12, 27), Arrays.asList(out.get(3)));
        assertEquals(Arrays.asList(0, 0, 0), Arrays.asList(SmallCellSuppression.apply(List.of(), 3, 5).get(0)));
    }
}
