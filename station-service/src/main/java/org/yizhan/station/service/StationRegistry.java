package org.yizhan.station.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.MapApp;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationChange;
import org.yizhan.station.domain.StationManager;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.events.StationEvents;
import org.yizhan.station.repository.StationRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Use cases of the station registry. Every change is kept in the history and published. */
@ApplicationScoped
public class StationRegistry {

    /** The zone of the station network's calendar (verification days, reopening dates). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final StationRepository stations;
    private final StationEvents events;
    private final IdempotencyKeys idempotencyKeys;
    private final StationAccess access;
    private final EntityManager em;
    private final AppClock clock;

    public StationRegistry(StationRepository stations, StationEvents events, IdempotencyKeys idempotencyKeys,
                           StationAccess access, EntityManager em, AppClock clock) {
        this.clock = clock;
        this.stations = stations;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.access = access;
        this.em = em;
    }

    /** What describes a station (everything but its status). Coordinates are WGS-84. */
    public record Details(String name, HostType hostType, String hostOrganisation, String address,
                          String district, double latitude, double longitude, String contactPhone,
                          Double areaM2, Integer seats, List<String> photos, List<MapApp> listedIn) {
    }

    /** The result of a registration: the station, and whether it was created by this request. */
    public record Registration(Station station, boolean created) {
    }

    /**
     * Stores a new active station and its {@code station.registered} event in one transaction.
     * A station manager who registers a station becomes its manager. With an idempotency key, a
     * retry of the same request returns the station the first one created.
     */
    @Transactional
    public Registration register(Details details, SecurityIdentity caller, String idempotencyKey) {
        String by = caller.getPrincipal().getName();
        String scope = "station.register:" + by;
        if (idempotencyKey != null) {
            var previous = idempotencyKeys.claim(scope, idempotencyKey, details);
            if (previous.isPresent()) {
                return new Registration(get(UUID.fromString(previous.get())), false);
            }
        }
        Station station = new Station();
        station.id = UUID.randomUUID();
        apply(station, details);
        station.status = StationStatus.ACTIVE;
        // Microseconds: what PostgreSQL keeps, so cursors compare equal after a round trip.
        station.registeredAt = now();
        station.updatedAt = station.registeredAt;
        station.registeredBy = by;
        stations.persist(station);
        if (caller.hasRole(Roles.STATION_MANAGER) && !caller.hasRole(Roles.UNION_ADMIN)) {
            addManagerRow(station.id, by, by);
        }
        events.registered(station, by);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(scope, idempotencyKey, station.id.toString());
        }
        return new Registration(station, true);
    }

    /** Replaces the station's details; {@code expectedVersion} guards against lost updates. */
    @Transactional
    public Station update(UUID id, Details details, int expectedVersion, SecurityIdentity caller) {
        Station station = access.requireManageable(id, caller);
        requireVersion(station, expectedVersion);
        apply(station, details);
        return changed(station, StationChange.Kind.UPDATED, caller);
    }

    /** Opens, temporarily closes or closes a station. */
    @Transactional
    public Station changeStatus(UUID id, StationStatus status, String reason, LocalDate expectedReopening,
                                SecurityIdentity caller) {
        Station station = access.requireManageableLocked(id, caller);
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (status != StationStatus.ACTIVE && cleanReason == null) {
            throw ProblemException.invalidField("reason", "关闭站点时必须说明原因 / a reason is required when closing a station");
        }
        if (expectedReopening != null) {
            if (status != StationStatus.TEMPORARILY_CLOSED) {
                throw ProblemException.invalidField("expectedReopening",
                        "只有暂停开放的站点有预计重新开放日期 / only a temporarily closed station has a reopening date");
            }
            if (!expectedReopening.isAfter(clock.today(ZONE))) {
                throw ProblemException.invalidField("expectedReopening", "必须是将来的日期 / must be a future date");
            }
        }
        StationStatus previous = station.status;
        if (previous == status && status == StationStatus.ACTIVE) {
            return station;
        }
        station.status = status;
        station.statusReason = status == StationStatus.ACTIVE ? null : cleanReason;
        station.expectedReopening = status == StationStatus.TEMPORARILY_CLOSED ? expectedReopening : null;
        station.updatedAt = now();
        em.flush();
        events.statusChanged(station, previous, caller.getPrincipal().getName());
        return station;
    }

    /** Records that staff checked the station today and found its record true. */
    @Transactional
    public Station verify(UUID id, SecurityIdentity caller) {
        Station station = access.requireManageableLocked(id, caller);
        station.lastVerifiedOn = clock.today(ZONE);
        station.lastVerifiedBy = caller.getPrincipal().getName();
        return changed(station, StationChange.Kind.VERIFIED, caller);
    }

    /** Lets {@code subject} manage the station (union admins only). */
    @Transactional
    public void addManager(UUID id, String subject, SecurityIdentity caller) {
        Station station = access.requireExistingLocked(id);
        if (access.manages(subject, id)) {
            return;
        }
        addManagerRow(id, subject, caller.getPrincipal().getName());
        changed(station, StationChange.Kind.MANAGER_ADDED, caller);
    }

    /** Takes the station away from {@code subject} (union admins only). */
    @Transactional
    public void removeManager(UUID id, String subject, SecurityIdentity caller) {
        Station station = access.requireExistingLocked(id);
        int removed = em.createQuery("delete from StationManager m where m.key = :key")
                .setParameter("key", new StationManager.Key(id, subject)).executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("该站点管理员", "This station manager");
        }
        changed(station, StationChange.Kind.MANAGER_REMOVED, caller);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> managers(UUID id, SecurityIdentity caller) {
        access.requireManageable(id, caller);
        return em.createQuery("select m.key.subject from StationManager m where m.key.stationId = :id"
                        + " order by m.key.subject", String.class)
                .setParameter("id", id).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Station get(UUID id) {
        return access.requireExisting(id);
    }

    /** A page of stations in registration order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Station> list(Cursor after, int limit) {
        List<Station> rows = after == null
                ? stations.pageAfter(null, null, Keyset.fetchSize(limit))
                : stations.pageAfter(after.at(), after.id(), Keyset.fetchSize(limit));
        return Keyset.page(rows, limit, s -> new Cursor(s.registeredAt, s.id).keyset());
    }

    /** The station's history, newest first; {@code beforeId} continues a previous page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StationChange> history(UUID id, Long beforeId, int limit, SecurityIdentity caller) {
        access.requireManageable(id, caller);
        return em.createQuery("from StationChange c where c.stationId = :id and c.id < :before"
                        + " order by c.id desc", StationChange.class)
                .setParameter("id", id).setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .setMaxResults(limit).getResultList();
    }

    private Station changed(Station station, StationChange.Kind kind, SecurityIdentity caller) {
        station.updatedAt = now();
        // Flush so that the published snapshot carries the new version.
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            // Another request changed the station after this one read it (two updates with the same
            // If-Match both passed the version check): the answer of a stale version, not a 500. The
            // changes without a version lock the station first and do not meet this.
            throw new ProblemException(kind == StationChange.Kind.UPDATED ? ProblemType.PRECONDITION_FAILED
                    : ProblemType.CONFLICT, "站点已被他人同时修改，请刷新后重试",
                    "The station was changed by another request meanwhile; reload and retry");
        }
        events.updated(station, kind, caller.getPrincipal().getName());
        return station;
    }

    private void addManagerRow(UUID stationId, String subject, String by) {
        StationManager manager = new StationManager();
        manager.key = new StationManager.Key(stationId, subject);
        manager.addedAt = now();
        manager.addedBy = by;
        em.persist(manager);
    }

    private static void apply(Station station, Details d) {
        station.name = d.name().strip();
        station.hostType = d.hostType();
        station.hostOrganisation = blankToNull(d.hostOrganisation());
        station.address = d.address().strip();
        station.district = blankToNull(d.district());
        station.latitude = d.latitude();
        station.longitude = d.longitude();
        station.contactPhone = blankToNull(d.contactPhone());
        station.areaM2 = d.areaM2();
        station.seats = d.seats();
        station.photos = d.photos() == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(d.photos());
        station.listedIn = d.listedIn() == null ? new java.util.ArrayList<>()
                : d.listedIn().stream().distinct().map(Enum::name).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    private static void requireVersion(Station station, int expected) {
        if (station.version != expected) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "站点已被他人修改（当前版本 " + station.version + "），请刷新后重试",
                    "The station was changed meanwhile (now version " + station.version + "); reload and retry");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        return clock.now();
    }
}
