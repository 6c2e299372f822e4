package org.yizhan.services.rest;

import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;

/**
 * Limits of the HTTP interface that are not rules of activities ({@code ActivityRules} holds
 * those): one constant per limit, used by Bean Validation on parameters and by the OpenAPI
 * document alike.
 */
public final class ApiLimits {

    /** The longest cursor a list hands out ({@code Page.nextCursor}); a longer one is not ours. */
    public static final int CURSOR_MAX = 1000;
    /** Idempotency keys: 1 to 100 of {@code A-Z a-z 0-9 . _ : -} (kit IdempotencyKeys). */
    public static final int IDEMPOTENCY_KEY_MAX = 100;
    /** {@code If-Match}: a quoted version, {@code "2147483647"} at most. */
    public static final int IF_MATCH_MAX = 12;
    /** A time or date as text (ISO-8601 with an offset). */
    public static final int TIME_TEXT_MAX = 40;
    /** Page sizes of the lists of activities and registrations. */
    public static final int PAGE_LIMIT_MAX = 100;
    /** Page sizes of rosters and venues, at most the kit's largest page. */
    public static final int LONG_PAGE_LIMIT_MAX = Page.MAX_ITEMS;
    /** The largest whole number an answer carries (counts, versions): a 32-bit integer. */
    public static final String INT_MAX = "2147483647";
    /** Counts in figures: a 64-bit integer. */
    public static final String LONG_MAX = "9223372036854775807";
    /** A pseudonym as stored (attendance.participant). */
    public static final int PSEUDONYM_MAX = 120;
    /** Venue texts, as the replica stores them (V1__venues.sql). */
    public static final int VENUE_NAME_MAX = 100;
    public static final int VENUE_HOST_TYPE_MAX = 40;
    public static final int VENUE_ADDRESS_MAX = 300;
    public static final int VENUE_DISTRICT_MAX = 60;
    public static final int VENUE_STATUS_MAX = 30;
    public static final int VENUE_STATUS_REASON_MAX = 300;
    /** Search radius around a point, in kilometres, and the distances it gives, in metres. */
    public static final String RADIUS_KM_MIN = "0.1";
    public static final String RADIUS_KM_MAX = "50";
    public static final double RADIUS_KM_DEFAULT = 5;
    public static final String DISTANCE_M_MAX = "50000";
    /** Check-in passes: a compact JWS, and its id. */
    public static final int PASS_MAX = 2048;
    public static final int PASS_ID_MAX = 64;
    /** Scans in one check-in upload. */
    public static final int CHECK_INS_MAX = 500;
    /** Catalogue entries: codes and names (V3__activities.sql). */
    public static final int CATALOG_CODE_MAX = 40;
    public static final int CATALOG_NAME_ZH_MAX = 60;
    public static final int CATALOG_NAME_EN_MAX = 80;
    /** Names as shown: partner names may be longer than type names (V3__activities.sql). */
    public static final int CATALOG_NAME_MAX = 100;
    /** Figures: years asked for, the groupBy text, and the rows one answer may have. */
    public static final int YEAR_MIN = 2000;
    public static final int YEAR_MAX = 2100;
    public static final int GROUP_BY_TEXT_MAX = 60;
    /** Dimensions one can group by (partner, type, station, month, year), and the longest name. */
    public static final int GROUP_BY_MAX = 5;
    public static final int GROUP_BY_NAME_MAX = 10;
    public static final int FIGURES_ROWS_MAX = 20_000;
    public static final int FIGURES_KEY_MAX = 100;

    private ApiLimits() {
    }

    /**
     * The page size asked for in {@code text} (a query parameter), {@code fallback} when absent.
     *
     * @throws org.yizhan.kit.problem.ProblemException 400 naming {@code limit} unless it is 1 to {@code max}
     */
    public static int limit(String text, int fallback, int max) {
        Params params = new Params();
        Integer limit = params.integer("limit", text, 1, max, fallback);
        params.throwIfAny();
        return limit;
    }
}
