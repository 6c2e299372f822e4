package org.yizhan.station.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.yizhan.events.EventSources;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.station.StationAmenitiesChanged;
import org.yizhan.events.station.StationAwardGranted;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.events.station.StationStatusChanged;
import org.yizhan.events.station.StationUpdated;
import org.yizhan.kit.outbox.Outbox;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationChange;
import org.yizhan.station.domain.StationStatus;

import java.time.Instant;
import java.util.List;

/**
 * Records every change of a station twice, in the caller's transaction: as a history entry and
 * as an event in the outbox.
 */
@ApplicationScoped
public class StationEvents {

    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper json;
    private final AppClock clock;

    public StationEvents(Outbox outbox, EntityManager em, ObjectMapper json, AppClock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.em = em;
        this.json = json;
    }

    public void registered(Station station, String by) {
        StationRegistered data = new StationRegistered(station.id, station.name, station.hostType.name(),
                station.hostOrganisation, station.address, station.district, station.latitude,
                station.longitude, station.status.name(), station.registeredAt);
        publish(station, EventTypes.STATION_REGISTERED, data);
        remember(station, StationChange.Kind.REGISTERED, by);
    }

    /** Details changed, the station was verified, or its managers changed. */
    public void updated(Station station, StationChange.Kind kind, String by) {
        publish(station, EventTypes.STATION_UPDATED, snapshot(station, kind));
        remember(station, kind, by);
    }

    public void statusChanged(Station station, StationStatus previous, String by) {
        StationStatusChanged data = new StationStatusChanged(station.id, station.version, previous.name(),
                station.status.name(), station.statusReason, station.expectedReopening, station.updatedAt);
        publish(station, EventTypes.STATION_STATUS_CHANGED, data);
        remember(station, StationChange.Kind.STATUS_CHANGED, by);
    }

    public void amenitiesChanged(Station station, List<StationAmenitiesChanged.AmenityState> amenities, String by) {
        publish(station, EventTypes.STATION_AMENITIES_CHANGED,
                new StationAmenitiesChanged(station.id, station.version, amenities, station.updatedAt));
        remember(station, StationChange.Kind.AMENITIES_CHANGED, by);
    }

    /**
     * An inspection or self-check was recorded: a history entry only (no event), at {@code at},
     * with {@code detail} (the result and the standing after it). The station is unchanged.
     */
    public void inspected(Station station, String by, Instant at, Object detail) {
        remember(station, StationChange.Kind.INSPECTED, by, at, detail);
    }

    /** An official award was recorded: {@code station.award_granted} and a history entry with the award. */
    public void awardGranted(Station station, StationAwardGranted award, String by) {
        publish(station, EventTypes.STATION_AWARD_GRANTED, award);
        remember(station, StationChange.Kind.AWARD_GRANTED, by, award.grantedAt(), award);
    }

    /** The whole station as events and history carry it. */
    public static StationUpdated snapshot(Station s, StationChange.Kind kind) {
        return new StationUpdated(s.id, s.version, kind.name(), s.name, s.hostType.name(), s.hostOrganisation,
                s.address, s.district, s.latitude, s.longitude, s.contactPhone, s.areaM2, s.seats,
                List.copyOf(s.photos), List.copyOf(s.listedIn), s.status.name(), s.statusReason,
                s.expectedReopening, s.lastVerifiedOn, s.registeredAt, s.updatedAt);
    }

    private void publish(Station station, String type, Object data) {
        outbox.add(Topics.STATION, station.id.toString(), EventSources.STATION_SERVICE, type, data);
    }

    private void remember(Station station, StationChange.Kind kind, String by) {
        remember(station, kind, by, station.updatedAt == null ? clock.now() : station.updatedAt, null);
    }

    private void remember(Station station, StationChange.Kind kind, String by, Instant at, Object detail) {
        StationChange change = new StationChange();
        change.stationId = station.id;
        change.version = station.version;
        change.kind = kind.name();
        change.changedAt = at;
        change.changedBy = by;
        try {
            change.snapshot = json.writeValueAsString(snapshot(station, kind));
            change.detail = detail == null ? null : json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the station history", e);
        }
        em.persist(change);
    }
}
