package org.yizhan.services.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.time.AppClock;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.events.station.StationStatusChanged;
import org.yizhan.events.station.StationUpdated;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.services.domain.Venue;
import org.yizhan.services.repository.VenueRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The local replica of the stations, and how events change it. */
@ApplicationScoped
public class VenueReplica {

    private final VenueRepository venues;
    private final AppClock clock;

    public VenueReplica(VenueRepository venues, AppClock clock) {
        this.clock = clock;
        this.venues = venues;
    }

    /** What the replica keeps of a station, from either event that carries the whole station. */
    private record Snapshot(String type, java.util.UUID stationId, int version, String name, String hostType,
                            String address, String district, double latitude, double longitude, String status,
                            String statusReason, Instant registeredAt) {
    }

    /** Applies {@code station.registered} (version 0); runs in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stationRegistered(StationRegistered s, String eventId) {
        apply(new Snapshot("station.registered", s.stationId(), 0, s.name(), s.hostType(), s.address(), s.district(),
                s.latitude(), s.longitude(), s.status(), null, s.registeredAt()), eventId);
    }

    /**
     * Applies {@code station.updated}: the whole station. An update may arrive for a station never
     * seen (its registration was consumed by an older deployment), so it creates the row too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stationUpdated(StationUpdated s, String eventId) {
        apply(new Snapshot("station.updated", s.stationId(), s.version(), s.name(), s.hostType(), s.address(),
                s.district(), s.latitude(), s.longitude(), s.status(), s.statusReason(), s.registeredAt()), eventId);
    }

    /** Takes the snapshot unless the replica already holds a newer version of the station. */
    private void apply(Snapshot s, String eventId) {
        if (s.stationId() == null || s.name() == null || s.address() == null || s.hostType() == null
                || s.status() == null || s.registeredAt() == null) {
            throw new IllegalArgumentException(s.type() + " lacks required fields");
        }
        Venue venue = venues.findByIdOptional(s.stationId()).orElseGet(Venue::new);
        boolean isNew = venue.stationId == null;
        if (!isNew && venue.version > s.version()) {
            return;
        }
        venue.stationId = s.stationId();
        venue.name = s.name();
        venue.hostType = s.hostType();
        venue.address = s.address();
        venue.district = s.district();
        venue.latitude = s.latitude();
        venue.longitude = s.longitude();
        venue.status = s.status();
        venue.statusReason = s.statusReason();
        venue.registeredAt = s.registeredAt();
        venue.version = s.version();
        venue.lastEventId = eventId;
        venue.updatedAt = clock.now();
        if (isNew) {
            venues.persist(venue);
        } else {
            flagUpcomingActivities(venue);
        }
    }

    /**
     * A venue that is no longer active flags the activities planned there that have not started,
     * so that organisers move or cancel them; reopening clears the flag.
     */
    private void flagUpcomingActivities(Venue venue) {
        String warning = "ACTIVE".equals(venue.status) ? null
                : "场地已" + ("CLOSED".equals(venue.status) ? "关闭" : "暂停开放") + " / venue " + venue.status
                + (venue.statusReason == null ? "" : ": " + venue.statusReason);
        venues.getEntityManager().createNativeQuery("update activity set venue_warning = cast(:warning as varchar)"
                        + " where station_id = :station and status in ('DRAFT', 'PUBLISHED') and starts_at > now()"
                        + " and venue_warning is distinct from cast(:warning as varchar)")
                .setParameter("warning", warning).setParameter("station", venue.stationId)
                .executeUpdate();
    }

    /** Applies {@code station.status_changed} to a known station (older versions are ignored). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(StationStatusChanged change, String eventId) {
        if (change.stationId() == null || change.status() == null) {
            throw new IllegalArgumentException("station.status_changed lacks required fields");
        }
        Venue venue = venues.findByIdOptional(change.stationId())
                .orElseThrow(() -> new IllegalArgumentException("status change of an unknown station"));
        if (venue.version > change.version()) {
            return;
        }
        venue.status = change.status();
        venue.statusReason = change.reason();
        venue.version = change.version();
        flagUpcomingActivities(venue);
        venue.lastEventId = eventId;
        venue.updatedAt = clock.now();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Venue get(UUID stationId) {
        return venues.findByIdOptional(stationId)
                .orElseThrow(() -> ProblemException.notFound("场地", "Venue"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Venue> list(Cursor after, int limit) {
        List<Venue> rows = after == null
                ? venues.pageAfter(null, null, limit + 1)
                : venues.pageAfter(after.at(), after.id(), limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Venue> page = rows.subList(0, limit);
        Venue last = page.get(limit - 1);
        return new Page<>(List.copyOf(page), new Cursor(last.registeredAt, last.stationId).encode());
    }
}
