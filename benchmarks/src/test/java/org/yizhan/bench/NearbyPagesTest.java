package org.yizhan.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearbyPagesTest {

    /** 21 reference rows, 100 m apart but positions 16 and 17, 0.004 m apart (as at [34.3377, 108.8855]). */
    private static List<NearbyPages.Row> reference() {
        List<NearbyPages.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            double metres = i == 17 ? 1600.127456789 : i * 100.0 + 0.123456789;
            rows.add(new NearbyPages.Row("id-" + i, metres));
        }
        return rows;
    }

    /** The page as the service answers it: the first rows, distances rounded to 0.1 m. */
    private static List<NearbyPages.Row> page(List<NearbyPages.Row> rows, int limit) {
        return rows.subList(0, Math.min(limit, rows.size())).stream()
                .map(r -> new NearbyPages.Row(r.id(), NearbyPages.rounded(r.distanceMetres()))).toList();
    }

    @Test
    void theReferencesFirstRowsInOrderMatch() {
        assertNull(NearbyPages.difference(reference(), page(reference(), 20), 20));
        List<NearbyPages.Row> few = reference().subList(0, 5);
        assertNull(NearbyPages.difference(few, page(few, 20), 20));
    }

    @Test
    void nearlyEquidistantStationsSwappedAreADifference() {
        List<NearbyPages.Row> swapped = new ArrayList<>(page(reference(), 20));
        Collections.swap(swapped, 15, 16);
        String difference = NearbyPages.difference(reference(), swapped, 20);
        assertNotNull(difference);
        assertTrue(difference.startsWith("position 16:"), difference);
    }

    @Test
    void stationsAtExactlyTheSameDistanceMayComeInEitherOrder() {
        List<NearbyPages.Row> tied = new ArrayList<>(reference());
        tied.set(16, new NearbyPages.Row("id-17", tied.get(15).distanceMetres()));
        List<NearbyPages.Row> swapped = new ArrayList<>(page(tied, 20));
        Collections.swap(swapped, 15, 16);
        assertNull(NearbyPages.difference(tied, swapped, 20));

        // At the page's end, the 20th may be either of two stations tied with the 21st.
        List<NearbyPages.Row> tiedAtTheCut = new ArrayList<>(reference());
        tiedAtTheCut.set(20, new NearbyPages.Row("id-21", tiedAtTheCut.get(19).distanceMetres()));
        List<NearbyPages.Row> other = new ArrayList<>(page(tiedAtTheCut, 20));
        other.set(19, new NearbyPages.Row("id-21", other.get(19).distanceMetres()));
        assertNull(NearbyPages.difference(tiedAtTheCut, other, 20));
    }

    @Test
    void missingExtraRepeatedOrMisplacedRowsAndOtherDistancesAreDifferences() {
        List<NearbyPages.Row> page = page(reference(), 20);
        assertNotNull(NearbyPages.difference(reference(), page.subList(0, 19), 20));
        assertNotNull(NearbyPages.difference(reference(), page(reference(), 21), 20));
        List<NearbyPages.Row> repeated = new ArrayList<>(page);
        repeated.set(3, page.get(2));
        assertNotNull(NearbyPages.difference(reference(), repeated, 20));
        List<NearbyPages.Row> stranger = new ArrayList<>(page);
        stranger.set(19, new NearbyPages.Row("id-99", page.get(19).distanceMetres()));
        assertNotNull(NearbyPages.difference(reference(), stranger, 20));
        List<NearbyPages.Row> farther = new ArrayList<>(page);
        farther.set(4, new NearbyPages.Row("id-5", page.get(4).distanceMetres() + 0.1));
        assertNotNull(NearbyPages.difference(reference(), farther, 20));
    }
}
