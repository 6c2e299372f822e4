package org.yizhan.station.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.station.domain.Station;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<Station, UUID> {

    /** Up to {@code limit} stations registered after the given position, oldest first. */
    public List<Station> pageAfter(Instant registeredAt, UUID id, int limit) {
        if (registeredAt == null) {
            return find("order by registeredAt, id").page(0, limit).list();
        }
        return find("(registeredAt > :at or (registeredAt = :at and id > :id)) order by registeredAt, id",
                Parameters.with("at", registeredAt).and("id", id))
                .page(0, limit).list();
    }
}
