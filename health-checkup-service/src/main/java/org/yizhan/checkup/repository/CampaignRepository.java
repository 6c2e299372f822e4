package org.yizhan.checkup.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.campaign.CampaignStatus;
import org.yizhan.kit.paging.KeysetCursor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Campaigns, newest year first, then newest created. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    /**
     * One page of campaigns in the given statuses (and year, if given) after the cursor's
     * (year, createdAt, id), fetching {@code fetch} rows.
     */
    public List<Campaign> page(Set<CampaignStatus> statuses, Integer year, KeysetCursor after, int fetch) {
        StringBuilder query = new StringBuilder("status in :statuses");
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", statuses);
        if (year != null) {
            query.append(" and year = :year");
            params.put("year", year);
        }
        if (after != null) {
            query.append(" and (year < :y or (year = :y and (createdAt < :at or (createdAt = :at and id < :id))))");
            params.put("y", (int) after.number(0));
            params.put("at", after.instant(1));
            params.put("id", after.uuid(2));
        }
        query.append(" order by year desc, createdAt desc, id desc");
        return find(query.toString(), params).page(0, fetch).list();
    }
}
