package org.yizhan.station.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A person (token subject) who may edit one station. */
@Entity
@Table(name = "station_manager")
public class StationManager {

    /** Station and subject. */
    @Embeddable
    public record Key(@Column(name = "station_id") UUID stationId, @Column(name = "subject") String subject)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "added_by", nullable = false)
    public String addedBy;
}
