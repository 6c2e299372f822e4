package org.yizhan.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares station-service's near-me page with the reference statement's rows for the same query
 * point. Both sides compute the distance with the same SQL expression from the same inputs, so
 * the page must be the reference's first rows in the same order; the only freedom allowed is
 * between true ties, stations at exactly the same computed distance (which both sides order by
 * id anyway). The service answers distances rounded to 0.1 m; they must be the reference's,
 * rounded the same way.
 */
final class NearbyPages {

    private NearbyPages() {
    }

    /** One row: a station id and its distance in metres. */
    record Row(String id, double distanceMetres) {
    }

    /**
     * Null when {@code service} (the page, {@code limit} rows at most) is what the reference rows
     * give, else what differs. The reference holds at least one row more than a full page when
     * there are more, as the service's statement reads {@code limit + 1}.
     */
    static String difference(List<Row> reference, List<Row> service, int limit) {
        int expectedSize = Math.min(limit, reference.size());
        if (service.size() != expectedSize) {
            return String.format(Locale.ROOT, "%d rows, expected %d", service.size(), expectedSize);
        }
        Map<String, Row> byId = new HashMap<>();
        for (Row r : reference) {
            byId.put(r.id(), r);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < service.size(); i++) {
            Row got = service.get(i);
            Row expected = reference.get(i);
            Row same = byId.get(got.id());
            if (same == null) {
                return String.format(Locale.ROOT, "position %d: %s is not among the reference's rows", i + 1, got.id());
            }
            if (!seen.add(got.id())) {
                return String.format(Locale.ROOT, "position %d: %s listed twice", i + 1, got.id());
            }
            // Another station at this position only if it is exactly as far: a true tie.
            if (!got.id().equals(expected.id()) && same.distanceMetres() != expected.distanceMetres()) {
                return String.format(Locale.ROOT, "position %d: %s at %s m, expected %s at %s m", i + 1, got.id(),
                        same.distanceMetres(), expected.id(), expected.distanceMetres());
            }
            if (got.distanceMetres() != rounded(same.distanceMetres())) {
                return String.format(Locale.ROOT, "position %d: %s answered at %s m, the reference computes %s m",
                        i + 1, got.id(), got.distanceMetres(), same.distanceMetres());
            }
        }
        return null;
    }

    /** As station-service writes a distance: to 0.1 m. */
    static double rounded(double metres) {
        return Math.round(metres * 10) / 10.0;
    }
}
