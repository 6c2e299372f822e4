package org.yizhan.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.events.StationEvents;
import org.yizhan.station.repository.StationRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of the station registry. */
@ApplicationScoped
public class StationRegistry {

    private final StationRepository stations;
    private final StationEvents events;
    private final IdempotencyKeys idempotencyKeys;

    public StationRegistry(StationRepository stations, StationEvents events, IdempotencyKeys idempotencyKeys) {
        this.stations = stations;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** What a new station is registered with. Coordinates are WGS-84. */
    public record NewStation(String name, HostType hostType, String hostOrganisation, String address,
                             String district, double latitude, double longitude) {
    }

    /** The result of a registration: the station, and whether it was created by this request. */
    public record Registration(Station station, boolean created) {
    }

    /**
     * Stores a new active station and its {@code station.registered} event in one transaction.
     * With an idempotency key, a retry of the same request returns the station the first one
     * created instead of registering it twice.
     */
    @Transactional
    public Registration register(NewStation request, String registeredBy, String idempotencyKey) {
        String scope = "station.register:" + registeredBy;
        if (idempotencyKey != null) {
            var previous = idempotencyKeys.claim(scope, idempotencyKey, request);
            if (previous.isPresent()) {
                return new Registration(get(UUID.fromString(previous.get())), false);
            }
        }
        Station station = create(request, registeredBy);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(scope, idempotencyKey, station.id.toString());
        }
        return new Registration(station, true);
    }

    private Station create(NewStation request, String registeredBy) {
        Station station = new Station();
        station.id = UUID.randomUUID();
        station.name = request.name().strip();
        station.hostType = request.hostType();
        station.hostOrganisation = request.hostOrganisation();
        station.address = request.address().strip();
        station.district = request.district();
        station.latitude = request.latitude();
        station.longitude = request.longitude();
        station.status = StationStatus.ACTIVE;
        // Microseconds: what PostgreSQL keeps, so cursors compare equal after a round trip.
        station.registeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        station.registeredBy = registeredBy;
        stations.persist(station);
        events.registered(station);
        return station;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Station get(UUID id) {
        return stations.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("站点", "Station"));
    }

    /** A page of stations in registration order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Station> list(Cursor after, int limit) {
        List<Station> rows = after == null
                ? stations.pageAfter(null, null, limit + 1)
                : stations.pageAfter(after.at(), after.id(), limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Station> page = rows.subList(0, limit);
        Station last = page.get(limit - 1);
        return new Page<>(List.copyOf(page), new Cursor(last.registeredAt, last.id).encode());
    }
}
