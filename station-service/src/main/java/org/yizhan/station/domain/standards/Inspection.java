package org.yizhan.station.domain.standards;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An inspection of a station against the standard's checklist. Never changed once recorded; a
 * later inspection supersedes it. {@code failedBasic} and {@code optionalMet} are derived from the
 * items when it is recorded, so that the district list needs no items.
 */
@Entity
@Table(name = "station_inspection")
public class Inspection {

    @Id
    public UUID id;

    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    @Column(name = "inspected_on", nullable = false)
    public LocalDate inspectedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionKind kind;

    /** Token subject of who recorded it (staff, not pseudonymised). */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public String summary;

    /** Comma-separated codes of the basic requirements found NOT_MET; empty if none. */
    @Column(name = "failed_basic", nullable = false)
    public String failedBasic = "";

    /** How many optional requirements were found MET. */
    @Column(name = "optional_met", nullable = false)
    public int optionalMet;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "station_inspection_item", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "position")
    public List<InspectionItem> items = new ArrayList<>();

    public Set<Requirement> failedBasicRequirements() {
        return parseFailed(failedBasic);
    }

    public static Set<Requirement> parseFailed(String codes) {
        if (codes == null || codes.isBlank()) {
            return EnumSet.noneOf(Requirement.class);
        }
        return Arrays.stream(codes.split(",")).map(Requirement::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Requirement.class)));
    }

    public static String formatFailed(Set<Requirement> failed) {
        return failed.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
