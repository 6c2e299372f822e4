package org.yizhan.station.service.visit;

import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.Pseudonyms;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.visit.Occupation;
import org.yizhan.station.domain.visit.VisitGrouping;
import org.yizhan.station.service.StationAccess;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Use cases of worker visits: showing a station's code, checking in with it, statistics. */
@ApplicationScoped
public class StationVisits {

    private final StationAccess access;
    private final VisitCodes codes;
    private final VisitLedger ledger;
    private final Pseudonyms pseudonyms;
    private final AppClock clock;

    public StationVisits(StationAccess access, VisitCodes codes, VisitLedger ledger, Pseudonyms pseudonyms,
                         AppClock clock) {
        this.clock = clock;
        this.access = access;
        this.codes = codes;
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
    }

    /** The code the station shows now; only to a union admin or the station's manager. */
    @Transactional
    public VisitCodes.IssuedCode currentCode(UUID stationId, SecurityIdentity caller) {
        requireConfigured();
        Station station = access.requireManageable(stationId, caller);
        requireActive(station);
        return codes.issue(stationId, clock.now());
    }

    /**
     * Checks {@code subject} in at the station with a scanned {@code code}: a new visit the first
     * time in the clock hour, the existing one afterwards. Stores nothing for a bad code.
     */
    @Transactional
    public VisitLedger.Recorded checkIn(UUID stationId, String subject, String code, Occupation occupation) {
        requireConfigured();
        Station station = access.requireExisting(stationId);
        requireActive(station);
        var now = clock.now();
        switch (codes.verify(stationId, code, now)) {
            case VALID -> {
                return ledger.record(stationId, subject, occupation, now);
            }
            case EXPIRED -> throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "二维码已过期，请扫描站点当前显示的二维码",
                    "The code has expired; scan the code the station shows now",
                    List.of(new Problem.FieldError("code",
                            "二维码已过期 / the code has expired")));
            default -> throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "二维码无效，请扫描本站点显示的二维码",
                    "The code is not valid; scan the code this station shows",
                    List.of(new Problem.FieldError("code",
                            "不是本站点的签到码 / not a visit code of this station")));
        }
    }

    /** 404 if the station does not exist, 403 if the caller may not see its statistics. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireStatsAccess(UUID stationId, SecurityIdentity caller) {
        access.requireManageable(stationId, caller);
    }

    /** Statistics of one station; only for a union admin or the station's manager. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitLedger.Stats stationStats(UUID stationId, SecurityIdentity caller,
                                          LocalDate from, LocalDate to, VisitGrouping by) {
        access.requireManageable(stationId, caller);
        return ledger.stats(stationId, null, from, to, by);
    }

    /**
     * A page of the worker {@code subject}'s own visits, newest first; with {@code from}, only those
     * on or after that day (Asia/Shanghai).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VisitLedger.OwnVisit> mine(String subject, LocalDate from, Cursor after, int limit) {
        return ledger.mine(subject, from, after, limit);
    }

    /** Statistics over all stations (the caller is checked to be union admin or staff by the resource). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitLedger.Stats districtStats(String district, LocalDate from, LocalDate to, VisitGrouping by) {
        return ledger.stats(null, district, from, to, by);
    }

    private void requireConfigured() {
        pseudonyms.requireConfigured();
    }

    private static void requireActive(Station station) {
        if (station.status != StationStatus.ACTIVE) {
            throw new ProblemException(ProblemType.CONFLICT, "站点未开放，暂不能签到",
                    "The station is not open, so visits cannot be checked in");
        }
    }
}
