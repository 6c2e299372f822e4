package org.yizhan.services.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.services.domain.Venue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VenueRepository implements PanacheRepositoryBase<Venue, UUID> {

    /** Up to {@code limit} venues registered after the given position, oldest first. */
    public List<Venue> pageAfter(Instant registeredAt, UUID stationId, int limit) {
        if (registeredAt == null) {
            return find("order by registeredAt, stationId").page(0, limit).list();
        }
        return find("(registeredAt > :at or (registeredAt = :at and stationId > :id)) order by registeredAt, stationId",
                Parameters.with("at", registeredAt).and("id", stationId))
                .page(0, limit).list();
    }
}
