package org.yizhan.checkup.rest.findings;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.findings.FindingCategory;
import org.yizhan.checkup.service.findings.FindingsService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign's aggregate findings, with cells below the minimum size (and their complements) hidden. */
public record FindingsView(UUID campaignId,
                           @Schema(minimum = "1", maximum = "1000", description = "Cells counting 1 to minimumCell - 1 "
                                   + "workers are hidden") int minimumCell,
                           @Schema(maxItems = 1000) List<ReportView> reports,
                           ReportView total) {

    /** One clinic's report (for a site, or for the whole campaign when siteId is absent), or the total. */
    public record ReportView(UUID siteId, @Size(max = 100) String siteName, @Size(max = 64) String clinic,
                             @Schema(minimum = "0", maximum = "2147483647",
                                     description = "Absent when hidden") Integer examined,
                             @Schema(maxItems = 8) List<CellView> findings, Instant reportedAt) {
    }

    /** How many had a finding; absent and suppressed when it could single out a few workers. */
    public record CellView(FindingCategory category,
                           @Schema(minimum = "0", maximum = "2147483647") Integer persons, boolean suppressed) {
    }

    static FindingsView of(FindingsService.Table table) {
        return new FindingsView(table.campaignId(), table.minimumCell(),
                table.reports().stream().map(FindingsView::report).toList(), report(table.total()));
    }

    static ReportView report(FindingsService.ReportCells r) {
        return new ReportView(r.siteId(), r.siteName(), r.clinic(), r.examined(), r.counts().entrySet().stream()
                .map(e -> new CellView(e.getKey(), e.getValue(), e.getValue() == null)).toList(), r.reportedAt());
    }
}
