package org.yizhan.station.service.award;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.award.Confirmation;
import org.yizhan.station.domain.award.PushedActivity;
import org.yizhan.station.repository.award.PushedActivityRows;
import org.yizhan.station.service.StationAccess;

import java.util.Objects;
import java.util.UUID;

/**
 * The station's confirmation of activities partners pushed (ADR 0013): its managers and union
 * admins list what waits and confirm or reject each; only confirmed ones count toward the award
 * score. A decision is idempotent: the same decision again changes nothing.
 */
@ApplicationScoped
public class ActivityConfirmations {

    private static final String CURSOR = "pushed-activities";

    private final PushedActivityRows rows;
    private final StationAccess access;
    private final AppClock clock;

    public ActivityConfirmations(PushedActivityRows rows, StationAccess access, AppClock clock) {
        this.rows = rows;
        this.access = access;
        this.clock = clock;
    }

    /** A decision on one activity and what the confirmer notes about it. */
    public record Decision(Confirmation confirmation, String note) {
    }

    /** The station's pushed activities in {@code state}, oldest start first (403/404 as {@link StationAccess}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PushedActivity> list(UUID stationId, Confirmation state, String cursor, int limit,
                                     SecurityIdentity caller) {
        access.requireManageable(stationId, caller);
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        return Keyset.page(rows.page(stationId, state, after, Keyset.fetchSize(limit)), limit,
                a -> KeysetCursor.of(CURSOR, a.startsAt(), a.activityId()));
    }

    /**
     * Confirms or rejects a pushed activity of the station. 404 if the station holds no such
     * activity; 409 if it needs no confirmation (planned in the app, scanned, or cancelled).
     */
    @Transactional
    public PushedActivity decide(UUID stationId, UUID activityId, Decision decision, SecurityIdentity caller) {
        access.requireManageable(stationId, caller);
        PushedActivity activity = rows.find(stationId, activityId).orElseThrow(() -> rows.exists(stationId, activityId)
                ? new ProblemException(ProblemType.CONFLICT, "该活动无需确认（通过应用组织、已扫码签到或已取消）",
                "This activity needs no confirmation (planned in the app, scanned at the station, or cancelled)")
                : ProblemException.notFound("该站点的此活动", "This activity of the station"));
        if (activity.confirmation() == decision.confirmation() && Objects.equals(activity.note(), decision.note())) {
            return activity;
        }
        rows.decide(activityId, decision.confirmation(), caller.getPrincipal().getName(), clock.now(), decision.note());
        return rows.find(stationId, activityId).orElseThrow();
    }
}
