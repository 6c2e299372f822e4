package org.yizhan.checkup.service.findings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hides the cells of a findings table that could single out a few people, and the cells that would
 * let a hidden one be worked out from the total. The table has one row per report and one column
 * per count (examined first, then the finding categories), and a total row that sums the rows.
 *
 * <ol>
 *   <li><b>Primary.</b> A row that examined fewer than {@code minimum} workers (but some) is hidden
 *       whole. Otherwise a finding cell is hidden when it counts between 1 and minimum − 1 workers,
 *       or when all but 1 to minimum − 1 of the examined have the finding (then having it says
 *       almost everything about a person). The total row follows the same rules with its own sums.</li>
 *   <li><b>Complementary.</b> Where a column has exactly one hidden row cell and its total is shown,
 *       total minus the other rows would give the hidden value away: the smallest other shown row
 *       cell of that column (non-zero first) is hidden too, or, if there is no other row, the
 *       total. One pass; categories overlap, so a row has no sum that needs the same protection.</li>
 * </ol>
 * Zero cells stay visible ("nobody here had this").
 */
public final class SmallCellSuppression {

    private SmallCellSuppression() {
    }

    /**
     * The table with hidden cells as null. {@code rows[r][0]} is the number examined, {@code
     * rows[r][1..columns-1]} the counts; the last row of the answer is the total.
     */
    public static List<Integer[]> apply(List<int[]> rows, int columns, int minimum) {
        int[] total = new int[columns];
        rows.forEach(r -> {
            for (int c = 0; c < columns; c++) {
                total[c] += r[c];
            }
        });
        List<boolean[]> hidden = new ArrayList<>();
        rows.forEach(r -> hidden.add(primary(r, minimum)));
        boolean[] totalHidden = primary(total, minimum);
        for (int c = 0; c < columns; c++) {
            List<Integer> hiddenRows = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                if (hidden.get(r)[c]) {
                    hiddenRows.add(r);
                }
            }
            if (hiddenRows.size() != 1 || totalHidden[c]) {
                continue;
            }
            int partner = -1;
            for (int r = 0; r < rows.size(); r++) {
                if (!hidden.get(r)[c] && (partner < 0 || better(rows.get(r)[c], rows.get(partner)[c]))) {
                    partner = r;
                }
            }
            if (partner >= 0) {
                hidden.get(partner)[c] = true;
            } else {
                totalHidden[c] = true;
            }
        }
        List<Integer[]> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            out.add(masked(rows.get(r), hidden.get(r)));
        }
        out.add(masked(total, totalHidden));
        return out;
    }

    private static boolean[] primary(int[] row, int minimum) {
        boolean[] hidden = new boolean[row.length];
        int examined = row[0];
        if (examined > 0 && examined < minimum) {
            Arrays.fill(hidden, true);
            return hidden;
        }
        for (int c = 1; c < row.length; c++) {
            hidden[c] = small(row[c], minimum) || small(examined - row[c], minimum);
        }
        return hidden;
    }

    private static boolean small(int count, int minimum) {
        return count > 0 && count < minimum;
    }

    /** Whether {@code candidate} is a better complement than {@code current}: non-zero first, then smaller. */
    private static boolean better(int candidate, int current) {
        if ((candidate > 0) != (current > 0)) {
            return candidate > 0;
        }
        return candidate < current;
    }

    private static Integer[] masked(int[] row, boolean[] hidden) {
        Integer[] out = new Integer[row.length];
        for (int c = 0; c < row.length; c++) {
            out[c] = hidden[c] ? null : row[c];
        }
        return out;
    }
}
