package org.yizhan.checkup.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.domain.quota.Quota;
import org.yizhan.events.Occupation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Quotas, and the places bookings take in them. A booking takes a place in every quota that
 * matches its occupation, site and day, with one conditional statement; if fewer quotas took it
 * than match, one of them is full and the caller rolls back.
 */
@ApplicationScoped
public class QuotaRepository implements PanacheRepositoryBase<Quota, UUID> {

    private static final String MATCHING = "campaign_id = :campaign and occupation = :occupation"
            + " and (site_id is null or site_id = :site) and (day is null or day = :day)";

    public List<Quota> ofCampaign(UUID campaignId) {
        return find("campaignId = ?1 order by occupation, siteId nulls first, day nulls first", campaignId).list();
    }

    public Optional<Quota> scope(UUID campaignId, Occupation occupation, UUID siteId, LocalDate day) {
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        params.put("occupation", occupation);
        StringBuilder query = new StringBuilder("campaignId = :campaign and occupation = :occupation");
        if (siteId == null) {
            query.append(" and siteId is null");
        } else {
            query.append(" and siteId = :site");
            params.put("site", siteId);
        }
        if (day == null) {
            query.append(" and day is null");
        } else {
            query.append(" and day = :day");
            params.put("day", day);
        }
        return find(query.toString(), params).firstResultOptional();
    }

    /** Takes a place in every matching quota; false if one of them is full (nothing is undone here). */
    public boolean take(UUID campaignId, Occupation occupation, UUID siteId, LocalDate day) {
        int took = bind(getEntityManager().createNativeQuery("update quota set taken = taken + 1 where " + MATCHING
                + " and taken < places"), campaignId, occupation, siteId, day).executeUpdate();
        int matching = ((Number) bind(getEntityManager().createNativeQuery("select count(*) from quota where "
                + MATCHING), campaignId, occupation, siteId, day).getSingleResult()).intValue();
        return took == matching;
    }

    /** Gives a place back to every matching quota. */
    public void giveBack(UUID campaignId, Occupation occupation, UUID siteId, LocalDate day) {
        bind(getEntityManager().createNativeQuery("update quota set taken = taken - 1 where " + MATCHING
                + " and taken > 0"), campaignId, occupation, siteId, day).executeUpdate();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, UUID campaignId,
                                                  Occupation occupation, UUID siteId, LocalDate day) {
        return query.setParameter("campaign", campaignId).setParameter("occupation", occupation.name())
                .setParameter("site", siteId).setParameter("day", day);
    }
}
