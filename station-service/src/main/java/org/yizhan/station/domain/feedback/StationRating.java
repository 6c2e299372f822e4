package org.yizhan.station.domain.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A worker's stars and optional comment for a station; one per worker, station and day. */
@Entity
@Table(name = "station_rating")
public class StationRating {

    @Id
    public UUID id;

    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    /** Pseudonym of the worker, never the token subject. */
    @Column(nullable = false)
    public String rater;

    /** The day the rating counts for, in the configured time zone. */
    @Column(name = "rating_day", nullable = false)
    public LocalDate ratingDay;

    @Column(nullable = false)
    public short stars;

    public String comment;

    @Column(name = "rated_at", nullable = false)
    public Instant ratedAt;
}
