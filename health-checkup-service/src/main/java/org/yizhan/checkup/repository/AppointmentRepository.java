package org.yizhan.checkup.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.kit.paging.KeysetCursor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Appointments, and the places they take in their slots. Every change of a slot's counters is one
 * conditional statement, so that concurrent bookings never see the same free place: PostgreSQL
 * locks the slot row for the statement, and {@code booked + held <= capacity} is also a check
 * constraint of the table.
 */
@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** Takes a place of the slot for a hold, if one is free. */
    public boolean holdPlace(UUID slotId) {
        return update("update slot set held = held + 1 where id = :id and booked + held < capacity", slotId) == 1;
    }

    /** A held place becomes booked. */
    public boolean bookHeldPlace(UUID slotId) {
        return update("update slot set held = held - 1, booked = booked + 1 where id = :id and held > 0", slotId) == 1;
    }

    /** Frees a held place. */
    public boolean freeHeldPlace(UUID slotId) {
        return update("update slot set held = held - 1 where id = :id and held > 0", slotId) == 1;
    }

    /** Frees a booked place. */
    public boolean freeBookedPlace(UUID slotId) {
        return update("update slot set booked = booked - 1 where id = :id and booked > 0", slotId) == 1;
    }

    /**
     * Cancels the holds that expired by {@code now} (of one slot, or all when {@code slotId} is null)
     * and frees their places in the slots and the quotas, in one statement. Returns how many holds expired.
     */
    public int expireHolds(Instant now, UUID slotId) {
        var query = getEntityManager().createNativeQuery("with expired as (update appointment set status = 'cancelled',"
                        + " cancel_reason = 'HOLD_EXPIRED', updated_at = :now, version = version + 1"
                        + " where status = 'pending' and hold_expires_at <= :now"
                        + (slotId == null ? "" : " and slot_id = :slot")
                        + " returning slot_id, campaign_id, occupation, site_id, quota_day),"
                        + " freed as (update slot set held = held - e.n from (select slot_id, count(*) as n from expired"
                        + " group by slot_id) e where slot.id = e.slot_id returning e.n),"
                        // One row per quota, so that a quota matched by several expired holds gives all back.
                        + " quotas as (update quota set taken = taken - g.n from (select q.id, count(*) as n from expired e"
                        + " join quota q on q.campaign_id = e.campaign_id and q.occupation = e.occupation"
                        + " and (q.site_id is null or q.site_id = e.site_id) and (q.day is null or q.day = e.quota_day)"
                        + " group by q.id) g where quota.id = g.id returning 1)"
                        + " select coalesce(sum(n), 0) from freed")
                .setParameter("now", Timestamp.from(now));
        if (slotId != null) {
            query.setParameter("slot", slotId);
        }
        return ((Number) query.getSingleResult()).intValue();
    }

    /**
     * Stores a new pending appointment unless the person (or the rider id) already has a live or
     * fulfilled one in the campaign; returns whether it was stored.
     */
    public boolean insertPending(Appointment a) {
        return getEntityManager().createNativeQuery("insert into appointment (id, campaign_id, slot_id, site_id, person,"
                        + " proof, occupation, status, hold_expires_at, name_enc, phone_enc, quota_day, created_at,"
                        + " updated_at) values (:id, :campaign, :slot, :site, :person, :proof, :occupation, 'pending',"
                        + " :expires, :name, :phone, :quotaDay, :now, :now) on conflict do nothing")
                .setParameter("id", a.id).setParameter("campaign", a.campaignId).setParameter("slot", a.slotId)
                .setParameter("site", a.siteId).setParameter("person", a.person).setParameter("proof", a.proof)
                .setParameter("occupation", a.occupation.name())
                .setParameter("expires", Timestamp.from(a.holdExpiresAt))
                .setParameter("name", a.nameEncrypted).setParameter("phone", a.phoneEncrypted)
                .setParameter("quotaDay", a.quotaDay)
                .setParameter("now", Timestamp.from(a.createdAt))
                .executeUpdate() == 1;
    }

    /** A person's appointments, newest first, after the cursor's (createdAt, id). */
    public List<Appointment> ofPerson(String person, KeysetCursor after, int fetch) {
        if (after == null) {
            return find("person = ?1 order by createdAt desc, id desc", person).page(0, fetch).list();
        }
        return find("person = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                person, after.instant(0), after.uuid(1)).page(0, fetch).list();
    }

    private int update(String sql, UUID slotId) {
        return getEntityManager().createNativeQuery(sql).setParameter("id", slotId).executeUpdate();
    }
}
