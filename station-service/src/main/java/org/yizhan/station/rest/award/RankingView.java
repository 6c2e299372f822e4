package org.yizhan.station.rest.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.paging.Page;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.service.award.AwardRankings;
import org.yizhan.station.service.award.ScoreCard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of a year's award ranking, live or from a snapshot. */
@Schema(name = "AwardRanking")
public record RankingView(
        @Schema(example = "2026", minimum = FieldLimits.YEAR_FIRST, maximum = FieldLimits.YEAR_LAST) int year,
        @Schema(description = "LIVE (computed now) or SNAPSHOT", example = "LIVE",
                maxLength = FieldLimits.CODE) String source,
        @Schema(description = "The snapshot read; absent for a live ranking") UUID snapshotId,
        @Schema(description = "When the scores were computed (a snapshot: when it was taken)") Instant computedAt,
        @Schema(description = "Eligible stations first, highest total first; then the ineligible ones",
                maxItems = Page.MAX_ITEMS) List<ScoreCard> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page",
                maxLength = Page.MAX_CURSOR_LENGTH) String nextCursor) {

    static RankingView of(AwardRankings.Ranking r) {
        return new RankingView(r.year(), r.snapshot() == null ? "LIVE" : "SNAPSHOT",
                r.snapshot() == null ? null : r.snapshot().id, r.computedAt(), r.page().items(), r.page().nextCursor());
    }
}
