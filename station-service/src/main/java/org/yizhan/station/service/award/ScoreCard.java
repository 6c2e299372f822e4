package org.yizhan.station.service.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.award.AwardScore;
import org.yizhan.station.domain.award.Criterion;
import org.yizhan.station.domain.award.Ineligibility;
import org.yizhan.station.domain.award.PushedActivity;
import org.yizhan.station.domain.standards.ComplianceStatus;
import org.yizhan.station.domain.standards.Tier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A station's award score for a year with its breakdown, as the API shows it and as a snapshot
 * keeps it (the stored card is what a snapshot answers, whatever the configuration is later).
 */
@Schema(name = "StationScore", description = "A station's award score for a year, broken down by criterion")
public record ScoreCard(
        @Schema(description = "Place among the eligible stations of the list (equal totals share a place); absent if ineligible",
                example = "1") Integer rank,
        UUID stationId,
        @Schema(example = "卡车司机暖心驿站") String name,
        @Schema(example = "大兴区") String district,
        @Schema(example = "ACTIVE") StationStatus status,
        @Schema(description = "Compliance status today", example = "COMPLIANT") ComplianceStatus compliance,
        @Schema(description = "Tier today", example = "STANDARD") Tier tier,
        boolean eligible,
        @Schema(description = "Why the station cannot be ranked; empty if eligible") List<Reason> ineligibleReasons,
        @Schema(example = "2026") int year,
        @Schema(description = "First day counted: 1 January, or the registration day if later", example = "2026-01-01")
        LocalDate periodFrom,
        @Schema(description = "Last day counted: 31 December, or today in the current year", example = "2026-11-29")
        LocalDate periodTo,
        @Schema(description = "Sum of the criteria's points, 0–100", example = "76.71") BigDecimal total,
        List<Line> criteria,
        @Schema(description = "Activities partners pushed that wait for the station's confirmation and do not count "
                + "yet; absent in snapshots taken before confirmation existed") Unconfirmed unconfirmed) {

    /** The most pending activities a station's own score card lists. */
    public static final int UNCONFIRMED_SHOWN = 20;

    /** Pushed activities of the year that wait for confirmation (ADR 0013). */
    @Schema(name = "AwardUnconfirmedActivities")
    public record Unconfirmed(
            @Schema(description = "How many wait", example = "2") int activities,
            @Schema(description = "Their person-times", example = "70") long personTimes,
            @Schema(description = "The oldest of them (on a station's own score card only; the list of them all is "
                    + "GET /api/v1/stations/{id}/pushed-activities)", maxItems = UNCONFIRMED_SHOWN)
            List<PushedActivity> items) {
    }

    /** Why a station is not eligible. */
    @Schema(name = "AwardIneligibility")
    public record Reason(@Schema(example = "NON_COMPLIANT") Ineligibility code,
                         @Schema(example = "最近一次检查有基本要求未达标") String messageZh,
                         @Schema(example = "The latest inspection found a basic requirement not met") String messageEn) {
        static Reason of(Ineligibility i) {
            return new Reason(i, i.messageZh(), i.messageEn());
        }
    }

    /** One criterion of the breakdown. */
    @Schema(name = "AwardCriterionScore")
    public record Line(@Schema(example = "RATINGS") Criterion criterion,
                       @Schema(example = "工友评价") String nameZh,
                       @Schema(example = "Ratings") String nameEn,
                       @Schema(example = "10") int weight,
                       @Schema(description = "The raw inputs the criterion read",
                               example = "{\"ratings\":50,\"starsSum\":240,\"mean\":4.80,\"priorMean\":3.5,\"priorWeight\":10,\"bayesianMean\":4.5833}")
                       Map<String, Object> inputs,
                       @Schema(description = "0–1, shown to 4 decimals (points use the exact value)", example = "0.8958")
                       BigDecimal normalised,
                       @Schema(description = "weight × normalised, rounded half-up to 2 decimals", example = "8.96")
                       BigDecimal points,
                       @Schema(example = "(bayesianMean − 1) / 4, bayesianMean = (priorWeight × priorMean + starsSum) / (priorWeight + ratings)")
                       String formula) {
        static Line of(AwardScore.Line l) {
            Criterion c = l.criterion();
            return new Line(c, c.nameZh(), c.nameEn(), l.weight(), l.inputs(), l.normalised(), l.points(), c.formula());
        }
    }

    public ScoreCard withRank(Integer newRank) {
        return new ScoreCard(newRank, stationId, name, district, status, compliance, tier, eligible, ineligibleReasons,
                year, periodFrom, periodTo, total, criteria, unconfirmed);
    }

    public ScoreCard withUnconfirmed(Unconfirmed listed) {
        return new ScoreCard(rank, stationId, name, district, status, compliance, tier, eligible, ineligibleReasons,
                year, periodFrom, periodTo, total, criteria, listed);
    }
}
