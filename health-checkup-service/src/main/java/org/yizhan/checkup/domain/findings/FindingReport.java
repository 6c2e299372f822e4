package org.yizhan.checkup.domain.findings;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic's aggregate findings for a campaign ({@code siteId} null) or for one site of it: the
 * number examined and, per category, how many of them had the finding (categories overlap: one
 * worker may have several).
 */
public record FindingReport(UUID campaignId, String clinic, UUID siteId, int examined,
                            Map<FindingCategory, Integer> counts, Instant reportedAt) {
}
