package org.yizhan.station.service;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.domain.Station;

import java.util.UUID;

/**
 * Who may change which station: union admins every station, station managers the stations
 * they are listed for. Every use case that changes a station asks here first.
 */
@ApplicationScoped
public class StationAccess {

    private final EntityManager em;

    public StationAccess(EntityManager em) {
        this.em = em;
    }

    /** The station; 404 problem if there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Station requireExisting(UUID stationId) {
        return require(stationId, LockModeType.NONE);
    }

    /**
     * The station, locked until the caller's transaction ends, so that changes that carry no version
     * (managers, verifications, status) made at the same moment wait for each other instead of
     * failing on the station's version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Station requireExistingLocked(UUID stationId) {
        return require(stationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The station, if {@code caller} may manage it; 404 if it does not exist, 403 if the caller is
     * neither a union admin nor one of its managers.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Station requireManageable(UUID stationId, SecurityIdentity caller) {
        return requireManageable(stationId, caller, LockModeType.NONE);
    }

    /** As {@link #requireManageable}, and locked as {@link #requireExistingLocked} locks it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Station requireManageableLocked(UUID stationId, SecurityIdentity caller) {
        return requireManageable(stationId, caller, LockModeType.PESSIMISTIC_WRITE);
    }

    private Station requireManageable(UUID stationId, SecurityIdentity caller, LockModeType lock) {
        Station station = require(stationId, lock);
        if (!mayManage(caller, stationId)) {
            throw new ForbiddenException();
        }
        return station;
    }

    private Station require(UUID stationId, LockModeType lock) {
        Station station = em.find(Station.class, stationId, lock);
        if (station == null) {
            throw ProblemException.notFound("站点", "Station");
        }
        return station;
    }

    /** Whether {@code caller} may change station {@code stationId}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayManage(SecurityIdentity caller, UUID stationId) {
        if (caller == null || caller.isAnonymous()) {
            return false;
        }
        if (caller.hasRole(Roles.UNION_ADMIN)) {
            return true;
        }
        return caller.hasRole(Roles.STATION_MANAGER) && manages(caller.getPrincipal().getName(), stationId);
    }

    /** Whether {@code subject} is listed as a manager of the station. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean manages(String subject, UUID stationId) {
        Number count = (Number) em.createNativeQuery(
                        "select count(*) from station_manager where station_id = :station and subject = :subject")
                .setParameter("station", stationId).setParameter("subject", subject).getSingleResult();
        return count.intValue() > 0;
    }
}
