package org.yizhan.services.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

    public VenueReplica(VenueRepository venues) {
        this.venues = venues;
    }

    /** Applies {@code station.registered}; runs in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stationRegistered(StationRegistered station, String eventId) {
        if (station.stationId() == null || station.name() == null || station.address() == null
                || station.hostType() == null || station.status() == null || station.registeredAt() == null) {
            throw new IllegalArgumentException("station.registered lacks required fields");
        }
        Venue venue = venues.findByIdOptional(station.stationId()).orElseGet(Venue::new);
        boolean isNew = venue.stationId == null;
        venue.stationId = station.stationId();
        venue.name = station.name();
        venue.hostType = station.hostType();
        venue.address = station.address();
        venue.district = station.district();
        venue.latitude = station.latitude();
        venue.longitude = station.longitude();
        venue.status = station.status();
        venue.registeredAt = station.registeredAt();
        venue.lastEventId = eventId;
        venue.updatedAt = Instant.now();
        if (isNew) {
            venues.persist(venue);
        }
    }

    /**
     * Applies {@code station.updated}: the whole station, unless the replica already holds a
     * newer version. An update may arrive for a station never seen (its registration was lost or
     * consumed by an older deployment), so it creates the row too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stationUpdated(StationUpdated station, String eventId) {
        if (station.stationId() == null || station.name() == null || station.address() == null
                || station.hostType() == null || station.status() == null || station.registeredAt() == null) {
            throw new IllegalArgumentException("station.updated lacks required fields");
        }
        Venue venue = venues.findByIdOptional(station.stationId()).orElseGet(Venue::new);
        if (venue.stationId != null && venue.version > station.version()) {
            return;
        }
        boolean isNew = venue.stationId == null;
        venue.stationId = station.stationId();
        venue.name = station.name();
        venue.hostType = station.hostType();
        venue.address = station.address();
        venue.district = station.district();
        venue.latitude = station.latitude();
        venue.longitude = station.longitude();
        venue.status = station.status();
        venue.statusReason = station.statusReason();
        venue.registeredAt = station.registeredAt();
        venue.version = station.version();
        venue.lastEventId = eventId;
        venue.updatedAt = Instant.now();
        if (isNew) {
            venues.persist(venue);
        }
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
        venue.lastEventId = eventId;
        venue.updatedAt = Instant.now();
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
