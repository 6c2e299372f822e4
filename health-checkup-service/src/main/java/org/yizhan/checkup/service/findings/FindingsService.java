package org.yizhan.checkup.service.findings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.campaign.CampaignStatus;
import org.yizhan.checkup.domain.findings.FindingCategory;
import org.yizhan.checkup.domain.findings.FindingReport;
import org.yizhan.checkup.domain.site.Site;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clinics' de-identified aggregate findings: a clinic of the campaign reports counts per
 * category for the campaign or for one of its sites (uploading again replaces), and readers get
 * them with small cells suppressed ({@link SmallCellSuppression}).
 */
@ApplicationScoped
public class FindingsService {

    /** A report as readers see it: hidden cells are null. */
    public record ReportCells(UUID siteId, String siteName, String clinic, Integer examined,
                              Map<FindingCategory, Integer> counts, java.time.Instant reportedAt) {
    }

    /** The campaign's table: one row per report and the total, with the minimum cell size applied. */
    public record Table(UUID campaignId, int minimumCell, List<ReportCells> reports, ReportCells total) {
    }

    private final FindingReports reports;
    private final EntityManager em;
    private final AppClock clock;
    private final int minimumCell;

    public FindingsService(FindingReports reports, EntityManager em, AppClock clock,
                           @ConfigProperty(name = "yizhan.checkup.findings.minimum-cell", defaultValue = "5")
                           int minimumCell) {
        this.reports = reports;
        this.em = em;
        this.clock = clock;
        this.minimumCell = minimumCell;
    }

    /** Stores the clinic's report for the campaign (siteId null) or one of its sites there, replacing the last. */
    @Transactional
    public FindingReport upload(UUID campaignId, UUID siteId, String clinic, int examined,
                                Map<FindingCategory, Integer> counts) {
        // Locked, so that a campaign-wide and a per-site upload of the same clinic cannot cross.
        Campaign campaign = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw ProblemException.notFound("体检活动", "The checkup campaign");
        }
        requireClinicOf(campaign, clinic);
        if (campaign.status == CampaignStatus.DRAFT) {
            throw new ProblemException(ProblemType.CONFLICT, "活动尚未发布", "The campaign is not published");
        }
        if (siteId != null) {
            Site site = em.find(Site.class, siteId);
            if (site == null || !site.campaignId.equals(campaignId)) {
                throw ProblemException.invalidField("siteId", "不是本次活动的体检地点 / not a site of this campaign");
            }
            if (!site.clinic.equals(clinic)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "只能上报本机构体检地点的结果",
                        "A clinic reports only for the sites it examines at");
            }
        }
        if (reports.hasReports(campaignId, clinic, siteId == null)) {
            throw new ProblemException(ProblemType.CONFLICT,
                    siteId == null ? "本机构已按地点上报，请继续按地点上报" : "本机构已按整个活动上报，请继续按整个活动上报",
                    siteId == null ? "This clinic reports per site for this campaign; keep reporting per site"
                            : "This clinic reports for the whole campaign; keep reporting for the whole campaign");
        }
        Map<FindingCategory, Integer> all = new EnumMap<>(FindingCategory.class);
        Arrays.stream(FindingCategory.values()).forEach(c -> all.put(c, counts.getOrDefault(c, 0)));
        FindingReport report = new FindingReport(campaignId, clinic, siteId, examined, all, clock.now());
        reports.replace(report);
        return report;
    }

    /** The campaign's findings, of every clinic ({@code clinic} null) or of one, suppressed below the minimum. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Table read(UUID campaignId, String clinic) {
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign == null) {
            throw ProblemException.notFound("体检活动", "The checkup campaign");
        }
        if (clinic != null) {
            requireClinicOf(campaign, clinic);
        }
        List<FindingReport> found = reports.of(campaignId, clinic);
        FindingCategory[] categories = FindingCategory.values();
        List<int[]> rows = new ArrayList<>();
        for (FindingReport r : found) {
            int[] row = new int[categories.length + 1];
            row[0] = r.examined();
            for (int c = 0; c < categories.length; c++) {
                row[c + 1] = r.counts().getOrDefault(categories[c], 0);
            }
            rows.add(row);
        }
        List<Integer[]> cells = SmallCellSuppression.apply(rows, categories.length + 1, minimumCell);
        List<ReportCells> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            FindingReport r = found.get(i);
            Site site = r.siteId() == null ? null : em.find(Site.class, r.siteId());
            out.add(cells(cells.get(i), r.siteId(), site == null ? null : site.name, r.clinic(), r.reportedAt()));
        }
        return new Table(campaignId, minimumCell, out, cells(cells.get(cells.size() - 1), null, null, null, null));
    }

    private static ReportCells cells(Integer[] row, UUID siteId, String siteName, String clinic,
                                     java.time.Instant at) {
        Map<FindingCategory, Integer> counts = new EnumMap<>(FindingCategory.class);
        FindingCategory[] categories = FindingCategory.values();
        for (int c = 0; c < categories.length; c++) {
            counts.put(categories[c], row[c + 1]);
        }
        return new ReportCells(siteId, siteName, clinic, row[0], counts, at);
    }

    private static void requireClinicOf(Campaign campaign, String clinic) {
        if (!Arrays.asList(campaign.clinics).contains(clinic)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "不是本次活动的合作体检机构",
                    "Not a clinic of this campaign");
        }
    }
}
