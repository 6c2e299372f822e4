package org.yizhan.services.service.activity;

import org.yizhan.kit.problem.Problem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules every activity follows, however it comes in (planned in the app or pushed by a
 * partner), and the limits the API documents: one constant per limit, used by Bean Validation,
 * the OpenAPI document and the rules alike.
 */
public final class ActivityRules {

    public static final int TITLE_MAX = 100;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int CANCEL_REASON_MAX = 300;
    public static final int CAPACITY_MAX = 10_000;
    public static final int MAX_ORGANISERS = 10;
    public static final int PARTNER_CODE_MAX = 40;
    public static final String TYPE_CODE = "[A-Z][A-Z0-9_]{1,39}";
    public static final int TYPE_CODE_MAX = 40;
    /** People one activity can plausibly have: named participants, or a reported number (ADR 0014). */
    public static final int MAX_PARTICIPANTS = 2_000;

    /** Entries of each catalogue (activity types, partners). */
    public static final int CATALOG_ENTRIES_MAX = 500;
    /** Occupations an activity is open to (all there are). */
    public static final int OCCUPATIONS_MAX = 10;

    /** The longest an activity may last. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);
    /** The shortest an activity may last. */
    public static final Duration MIN_DURATION = Duration.ofMinutes(10);

    private ActivityRules() {
    }

    /** Adds an error on {@code endsAt} unless the activity lasts between 10 minutes and 7 days. */
    public static void period(Instant startsAt, Instant endsAt, List<Problem.FieldError> errors) {
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new Problem.FieldError("endsAt", END_BEFORE_START));
        } else {
            String refusal = durationRefusal(startsAt, endsAt);
            if (refusal != null) {
                errors.add(new Problem.FieldError("endsAt", refusal));
            }
        }
    }

    public static final String END_BEFORE_START = "结束时间须晚于开始时间 / must be after startsAt";

    /** Why an activity from {@code startsAt} to a later {@code endsAt} is too long or too short, or null. */
    public static String durationRefusal(Instant startsAt, Instant endsAt) {
        Duration length = Duration.between(startsAt, endsAt);
        if (length.compareTo(MAX_DURATION) > 0) {
            return "活动最长 7 天 / an activity lasts at most 7 days";
        }
        if (length.compareTo(MIN_DURATION) < 0) {
            return "活动最短 10 分钟 / an activity lasts at least 10 minutes";
        }
        return null;
    }

    /** Why a venue in {@code status} (null: unknown) cannot hold an upcoming activity, or null if it can. */
    public static String venueRefusal(String status) {
        if (status == null) {
            return "未知的站点 / unknown station";
        }
        if (!"ACTIVE".equals(status)) {
            return "站点未开放（" + status + "） / the station is not active";
        }
        return null;
    }
}
