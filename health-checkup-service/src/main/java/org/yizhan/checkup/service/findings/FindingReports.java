package org.yizhan.checkup.service.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.yizhan.checkup.domain.findings.FindingCategory;
import org.yizhan.checkup.domain.findings.FindingReport;
import org.yizhan.kit.jdbc.SqlValues;

import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The stored finding reports: one per campaign, clinic and site (or none), replaced on upload. */
@ApplicationScoped
public class FindingReports {

    private static final String NO_SITE = "'00000000-0000-0000-0000-000000000000'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;

    public FindingReports(EntityManager em) {
        this.em = em;
    }

    /** Stores the report, replacing the one of the same campaign, clinic and site. */
    public void replace(FindingReport r) {
        em.createNativeQuery("insert into finding_report (id, campaign_id, clinic, site_id, examined, counts, reported_at)"
                        + " values (:id, :campaign, :clinic, :site, :examined, cast(:counts as jsonb), :at)"
                        + " on conflict (campaign_id, clinic, coalesce(site_id, " + NO_SITE + "))"
                        + " do update set examined = excluded.examined, counts = excluded.counts,"
                        + " reported_at = excluded.reported_at")
                .setParameter("id", UUID.randomUUID()).setParameter("campaign", r.campaignId())
                .setParameter("clinic", r.clinic()).setParameter("site", r.siteId())
                .setParameter("examined", r.examined()).setParameter("counts", json(r.counts()))
                .setParameter("at", Timestamp.from(r.reportedAt())).executeUpdate();
    }

    /** Whether the clinic has reports of the campaign with (or, for {@code perSite} false, without) a site. */
    public boolean hasReports(UUID campaignId, String clinic, boolean perSite) {
        return !em.createNativeQuery("select 1 from finding_report where campaign_id = :campaign and clinic = :clinic"
                        + " and site_id is " + (perSite ? "not null" : "null") + " limit 1")
                .setParameter("campaign", campaignId).setParameter("clinic", clinic).getResultList().isEmpty();
    }

    /** The campaign's reports (of one clinic, unless null): campaign-wide first, then by site. */
    public List<FindingReport> of(UUID campaignId, String clinic) {
        var query = em.createNativeQuery("select campaign_id, clinic, site_id, examined, cast(counts as text),"
                        + " reported_at from finding_report where campaign_id = :campaign"
                        + (clinic != null ? " and clinic = :clinic" : "")
                        + " order by clinic, site_id nulls first")
                .setParameter("campaign", campaignId);
        if (clinic != null) {
            query.setParameter("clinic", clinic);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new FindingReport((UUID) r[0], (String) r[1],
                (UUID) r[2], ((Number) r[3]).intValue(), counts((String) r[4]), SqlValues.instant(r[5]))).toList();
    }

    private static String json(Map<FindingCategory, Integer> counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write finding counts", e);
        }
    }

    private static Map<FindingCategory, Integer> counts(String json) {
        try {
            Map<FindingCategory, Integer> counts = new EnumMap<>(FindingCategory.class);
            counts.putAll(JSON.readValue(json, new TypeReference<Map<FindingCategory, Integer>>() { }));
            return counts;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable finding counts", e);
        }
    }
}
