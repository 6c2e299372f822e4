package org.yizhan.checkup.service.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.yizhan.checkup.domain.site.SiteKind;
import org.yizhan.kit.jdbc.SqlValues;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the availability feed publishes: the sites and future slots of campaigns that are published
 * and inside their booking window. Reads only sites, slots and campaigns: no appointment, so no
 * personal data, can reach the feed.
 */
@ApplicationScoped
public class FeedQuery {

    private static final String OPEN_CAMPAIGN = " c.status = 'PUBLISHED' and c.booking_opens_at <= :now"
            + " and c.booking_closes_at > :now";

    /** A site of an open campaign, with what its Schedule says about the campaign. */
    public record FeedSite(UUID siteId, UUID campaignId, SiteKind kind, UUID stationId, String name, String address,
                           double latitude, double longitude, boolean unavailable, String campaignName,
                           List<String> occupations) {
    }

    /** A future slot of an open campaign and its counters. */
    public record FeedSlot(UUID slotId, UUID siteId, Instant startsAt, Instant endsAt, int capacity, int booked,
                           int held, boolean siteUnavailable) {
    }

    private final EntityManager em;

    public FeedQuery(EntityManager em) {
        this.em = em;
    }

    /** Sites of open campaigns, by campaign and in the order they were added. */
    public List<FeedSite> sites(Instant now) {
        List<?> rows = em.createNativeQuery("select s.id, s.campaign_id, s.kind, s.station_id, s.name, s.address,"
                        + " s.latitude, s.longitude, s.warning is not null, c.name,"
                        + " array_to_string(array(select jsonb_object_keys(c.packages) order by 1), ',')"
                        + " from site s join campaign c on c.id = s.campaign_id where" + OPEN_CAMPAIGN
                        + " order by s.campaign_id, s.created_at, s.id")
                .setParameter("now", Timestamp.from(now)).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new FeedSite((UUID) r[0], (UUID) r[1],
                SiteKind.valueOf((String) r[2]), (UUID) r[3], (String) r[4], (String) r[5],
                ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue(), (Boolean) r[8], (String) r[9],
                Arrays.stream(((String) r[10]).split(",")).filter(o -> !o.isEmpty()).toList())).toList();
    }

    /** Slots of open campaigns that have not started, soonest first. */
    public List<FeedSlot> slots(Instant now) {
        List<?> rows = em.createNativeQuery("select sl.id, sl.site_id, sl.starts_at, sl.ends_at, sl.capacity,"
                        + " sl.booked, sl.held, s.warning is not null from slot sl join site s on s.id = sl.site_id"
                        + " join campaign c on c.id = sl.campaign_id where" + OPEN_CAMPAIGN
                        + " and sl.starts_at > :now order by sl.starts_at, sl.id")
                .setParameter("now", Timestamp.from(now)).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new FeedSlot((UUID) r[0], (UUID) r[1],
                SqlValues.instant(r[2]), SqlValues.instant(r[3]), ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), (Boolean) r[7])).toList();
    }
}
