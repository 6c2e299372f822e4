package org.yizhan.station.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.events.station.StationAmenitiesChanged;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationAmenity;
import org.yizhan.station.events.StationEvents;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a station offers and whether it works: managers set the list and flip each status. */
@ApplicationScoped
public class StationAmenities {

    private final EntityManager em;
    private final StationAccess access;
    private final StationEvents events;

    private final AppClock clock;

    public StationAmenities(EntityManager em, StationAccess access, StationEvents events, AppClock clock) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.events = events;
    }

    /** An amenity and its status as a manager sets it. */
    public record Setting(Amenity amenity, StationAmenity.Status status, String note) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StationAmenity> of(UUID stationId) {
        access.requireExisting(stationId);
        return em.createQuery("from StationAmenity a where a.key.stationId = :id order by a.key.amenity",
                StationAmenity.class).setParameter("id", stationId).getResultList();
    }

    /** Replaces the station's amenities with {@code settings} (an amenity left out is removed). */
    @Transactional
    public List<StationAmenity> replace(UUID stationId, List<Setting> settings, SecurityIdentity caller) {
        Station station = access.requireManageable(stationId, caller);
        Map<String, StationAmenity> current = new LinkedHashMap<>();
        of(stationId).forEach(a -> current.put(a.key.amenity(), a));
        Instant now = clock.now();
        String by = caller.getPrincipal().getName();
        Map<String, Setting> wanted = new LinkedHashMap<>();
        settings.forEach(s -> wanted.put(s.amenity().name(), s));
        for (StationAmenity existing : current.values()) {
            if (!wanted.containsKey(existing.key.amenity())) {
                em.remove(existing);
            }
        }
        for (Setting setting : wanted.values()) {
            StationAmenity row = current.get(setting.amenity().name());
            if (row == null) {
                row = new StationAmenity();
                row.key = new StationAmenity.Key(stationId, setting.amenity().name());
                apply(row, setting, now, by);
                em.persist(row);
            } else {
                apply(row, setting, now, by);
            }
        }
        return changed(station, by);
    }

    /** Sets the status of one amenity the station has (404 if it has not). */
    @Transactional
    public List<StationAmenity> setStatus(UUID stationId, Amenity amenity, StationAmenity.Status status, String note,
                                          SecurityIdentity caller) {
        Station station = access.requireManageable(stationId, caller);
        StationAmenity row = em.find(StationAmenity.class, new StationAmenity.Key(stationId, amenity.name()));
        if (row == null) {
            throw ProblemException.notFound("该站点的这项设施", "This amenity of the station");
        }
        apply(row, new Setting(amenity, status, note), clock.now(), caller.getPrincipal().getName());
        return changed(station, caller.getPrincipal().getName());
    }

    private List<StationAmenity> changed(Station station, String by) {
        em.flush();
        List<StationAmenity> all = of(station.id);
        station.workingAmenities = all.stream()
                .filter(a -> StationAmenity.Status.WORKING.name().equals(a.status))
                .map(a -> a.key.amenity()).sorted().toArray(String[]::new);
        station.updatedAt = clock.now();
        em.flush();
        events.amenitiesChanged(station, all.stream()
                .sorted(Comparator.comparing(a -> a.key.amenity()))
                .map(a -> new StationAmenitiesChanged.AmenityState(a.key.amenity(), a.status, a.outOfOrderSince))
                .toList(), by);
        return all;
    }

    private static void apply(StationAmenity row, Setting setting, Instant now, String by) {
        StationAmenity.Status status = setting.status() == null ? StationAmenity.Status.WORKING : setting.status();
        boolean becameBroken = status == StationAmenity.Status.OUT_OF_ORDER
                && !StationAmenity.Status.OUT_OF_ORDER.name().equals(row.status);
        row.status = status.name();
        if (status == StationAmenity.Status.WORKING) {
            row.outOfOrderSince = null;
        } else if (becameBroken) {
            row.outOfOrderSince = now;
        }
        row.note = setting.note() == null || setting.note().isBlank() ? null : setting.note().strip();
        row.updatedAt = now;
        row.updatedBy = by;
    }


}
