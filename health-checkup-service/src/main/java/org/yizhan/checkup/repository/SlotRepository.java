package org.yizhan.checkup.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.domain.site.Slot;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The slots of sites. */
@ApplicationScoped
public class SlotRepository implements PanacheRepositoryBase<Slot, UUID> {

    /** Adds the slot unless the site already has one starting then; returns whether it was added. */
    public boolean addIfFree(Slot slot) {
        return getEntityManager().createNativeQuery("insert into slot (id, site_id, campaign_id, starts_at, ends_at,"
                        + " capacity) values (:id, :site, :campaign, :starts, :ends, :capacity)"
                        + " on conflict (site_id, starts_at) do nothing")
                .setParameter("id", slot.id).setParameter("site", slot.siteId).setParameter("campaign", slot.campaignId)
                .setParameter("starts", Timestamp.from(slot.startsAt)).setParameter("ends", Timestamp.from(slot.endsAt))
                .setParameter("capacity", slot.capacity)
                .executeUpdate() == 1;
    }

    /** The site's slots that start in [from, to), in time order. */
    public List<Slot> ofSite(UUID siteId, Instant from, Instant to) {
        return find("siteId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt", siteId, from, to).list();
    }

    /**
     * The earliest slot of the site that starts in [from, to), not before {@code notBefore}, and has
     * a free place (as committed now), or null.
     */
    public Slot firstWithRoom(UUID siteId, Instant from, Instant to, Instant notBefore) {
        List<?> ids = getEntityManager().createNativeQuery("select id from slot where site_id = :site"
                        + " and starts_at >= :from and starts_at < :to and starts_at >= :notBefore"
                        + " and booked + held < capacity order by starts_at, id limit 1")
                .setParameter("site", siteId).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to)).setParameter("notBefore", Timestamp.from(notBefore))
                .getResultList();
        return ids.isEmpty() ? null : findById((UUID) ids.get(0));
    }

    /** What decides whether the slot can be booked now for the occupation; empty for an unknown slot. */
    public java.util.Optional<Bookability> bookability(UUID slotId, String occupation, Instant now) {
        List<?> rows = getEntityManager().createNativeQuery("select s.campaign_id, s.site_id, s.starts_at,"
                        + " c.status = 'PUBLISHED' and c.booking_opens_at <= :now and :now < c.booking_closes_at,"
                        + " s.starts_at <= :now, st.warning is not null, jsonb_exists(c.packages, :occupation),"
                        + " s.booked + s.held >= s.capacity"
                        + " from slot s join campaign c on c.id = s.campaign_id join site st on st.id = s.site_id"
                        + " where s.id = :slot")
                .setParameter("slot", slotId).setParameter("now", Timestamp.from(now))
                .setParameter("occupation", occupation).getResultList();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return java.util.Optional.of(new Bookability(slotId, (UUID) r[0], (UUID) r[1],
                org.yizhan.kit.jdbc.SqlValues.instant(r[2]), (Boolean) r[3], (Boolean) r[4], (Boolean) r[5],
                (Boolean) r[6], (Boolean) r[7]));
    }
}
