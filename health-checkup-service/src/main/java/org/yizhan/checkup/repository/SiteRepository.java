package org.yizhan.checkup.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.domain.site.Site;

import java.util.List;
import java.util.UUID;

/** The sites of campaigns. */
@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, UUID> {

    public List<Site> ofCampaign(UUID campaignId, int limit) {
        return find("campaignId = ?1 order by createdAt, id", campaignId).page(0, limit).list();
    }

    public long countOfCampaign(UUID campaignId) {
        return count("campaignId", campaignId);
    }

    public boolean hasStation(UUID campaignId, UUID stationId) {
        return count("campaignId = ?1 and stationId = ?2", campaignId, stationId) > 0;
    }

    /** Sets or clears the warning of every site at the station; returns how many changed. */
    public int warnAtStation(UUID stationId, String warning) {
        return getEntityManager().createNativeQuery("update site set warning = cast(:warning as varchar)"
                        + " where station_id = :station and warning is distinct from cast(:warning as varchar)")
                .setParameter("warning", warning).setParameter("station", stationId).executeUpdate();
    }
}
