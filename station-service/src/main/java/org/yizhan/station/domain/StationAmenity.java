package org.yizhan.station.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One amenity of one station and whether it works right now. */
@Entity
@Table(name = "station_amenity")
public class StationAmenity {

    /** Whether an amenity can be used. */
    public enum Status { WORKING, OUT_OF_ORDER }

    /** Station and amenity code. */
    @Embeddable
    public record Key(@Column(name = "station_id") UUID stationId, @Column(name = "amenity") String amenity)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String status;

    @Column(name = "out_of_order_since")
    public Instant outOfOrderSince;

    public String note;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
