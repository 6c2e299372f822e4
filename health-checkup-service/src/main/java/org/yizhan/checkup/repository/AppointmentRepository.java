package org.yizhan.checkup.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.booking.AppointmentStatus;
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

    /** Takes a place of the slot for a booking moved here, if one is free. */
    public boolean bookPlace(UUID slotId) {
        return update("update slot set booked = booked + 1 where id = :id and booked + held < capacity", slotId) == 1;
    }

    /**
     * Locks the rows a move between two slots changes (the slots, then the quotas of both), each
     * kind in id order, so that two moves in opposite directions wait for each other instead of
     * deadlocking.
     */
    public void lockForMove(UUID campaignId, String occupation, UUID fromSlot, UUID fromSite, java.time.LocalDate fromDay,
                            UUID toSlot, UUID toSite, java.time.LocalDate toDay) {
        getEntityManager().createNativeQuery("select id from slot where id in (:a, :b) order by id for update")
                .setParameter("a", fromSlot).setParameter("b", toSlot).getResultList();
        getEntityManager().createNativeQuery("select id from quota where campaign_id = :campaign and occupation = :occupation"
                        + " and ((site_id is null or site_id = :fromSite) and (day is null or day = :fromDay)"
                        + " or (site_id is null or site_id = :toSite) and (day is null or day = :toDay))"
                        + " order by id for update")
                .setParameter("campaign", campaignId).setParameter("occupation", occupation)
                .setParameter("fromSite", fromSite).setParameter("fromDay", fromDay)
                .setParameter("toSite", toSite).setParameter("toDay", toDay).getResultList();
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

    /** The statuses of an appointment still to come: waiting for a place, holding one, or booked. */
    public static final List<AppointmentStatus> UPCOMING = List.of(AppointmentStatus.WAITLIST,
            AppointmentStatus.PENDING, AppointmentStatus.BOOKED);

    /**
     * A person's upcoming appointments (waiting, held or booked, for a slot that has not ended by
     * {@code now}), newest first, after the cursor's (createdAt, id).
     */
    public List<Appointment> upcomingOfPerson(String person, Instant now, KeysetCursor after, int fetch) {
        String upcoming = "person = :person and status in :statuses"
                + " and slotId in (select s.id from Slot s where s.endsAt > :now)";
        var params = Parameters.with("person", person).and("statuses", UPCOMING)
                .and("now", now);
        if (after == null) {
            return find(upcoming + " order by createdAt desc, id desc", params).page(0, fetch).list();
        }
        return find(upcoming + " and (createdAt < :at or (createdAt = :at and id < :id)) order by createdAt desc, id desc",
                params.and("at", after.instant(0)).and("id", after.uuid(1))).page(0, fetch).list();
    }

    /**
     * Stores a new appointment waiting for a place at its site on its day unless the person (or the
     * rider id) already has a live one in the campaign; returns whether it was stored.
     */
    public boolean insertWaiting(Appointment a) {
        return getEntityManager().createNativeQuery("insert into appointment (id, campaign_id, slot_id, site_id, person,"
                        + " proof, occupation, status, name_enc, phone_enc, quota_day, created_at, updated_at)"
                        + " values (:id, :campaign, :slot, :site, :person, :proof, :occupation, 'waitlist', :name, :phone,"
                        + " :quotaDay, :now, :now) on conflict do nothing")
                .setParameter("id", a.id).setParameter("campaign", a.campaignId).setParameter("slot", a.slotId)
                .setParameter("site", a.siteId).setParameter("person", a.person).setParameter("proof", a.proof)
                .setParameter("occupation", a.occupation.name())
                .setParameter("name", a.nameEncrypted).setParameter("phone", a.phoneEncrypted)
                .setParameter("quotaDay", a.quotaDay)
                .setParameter("now", Timestamp.from(a.createdAt))
                .executeUpdate() == 1;
    }

    /**
     * The first appointment waiting at the site on the day, locked (skipping ones another offer is
     * handling): workers with {@code noShowThreshold} or more no-shows after the others, then first
     * come, first served. Null when nobody (else) waits.
     */
    public Appointment firstWaiting(UUID siteId, java.time.LocalDate day, int noShowThreshold, java.util.Set<UUID> skip) {
        List<?> ids = getEntityManager().createNativeQuery("select a.id from appointment a"
                        + " left join person_standing s on s.person = a.person"
                        + " where a.site_id = :site and a.quota_day = :day and a.status = 'waitlist'"
                        + " and not (a.id = any(cast(:skip as uuid[])))"
                        + " order by coalesce(s.no_shows, 0) >= :threshold, a.created_at, a.id"
                        + " limit 1 for update of a skip locked")
                .setParameter("site", siteId).setParameter("day", day).setParameter("threshold", noShowThreshold)
                .setParameter("skip", skip.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        Appointment a = findById((UUID) ids.get(0));
        getEntityManager().refresh(a);
        return a;
    }

    /** The (site, day) queues somebody waits in. */
    @SuppressWarnings("unchecked")
    public List<Object[]> waitingQueues() {
        return getEntityManager().createNativeQuery("select distinct site_id, quota_day from appointment"
                + " where status = 'waitlist'").getResultList();
    }

    /** Ends the waiting for days before {@code today}; returns how many stopped waiting. */
    public int endWaitingBefore(java.time.LocalDate today, Instant now) {
        return getEntityManager().createNativeQuery("update appointment set status = 'cancelled',"
                        + " cancel_reason = 'WAITLIST_ENDED', updated_at = :now, version = version + 1"
                        + " where status = 'waitlist' and quota_day < :today")
                .setParameter("now", Timestamp.from(now)).setParameter("today", today).executeUpdate();
    }

    /** The person's appointments in the campaign that hold or wait for a place. */
    public List<Appointment> liveOf(UUID campaignId, String person) {
        return find("campaignId = ?1 and person = ?2 and status in ?3 order by createdAt", campaignId, person,
                List.of(org.yizhan.checkup.domain.booking.AppointmentStatus.WAITLIST,
                        org.yizhan.checkup.domain.booking.AppointmentStatus.PENDING,
                        org.yizhan.checkup.domain.booking.AppointmentStatus.BOOKED)).list();
    }

    /**
     * The appointments at the site on the day that hold (or held) a place, by slot start and id,
     * after the cursor's (startsAt, id).
     */
    public List<Appointment> ofSiteDay(UUID siteId, java.time.LocalDate day, KeysetCursor after, int fetch) {
        String select = "select a from Appointment a, Slot s where s.id = a.slotId and a.siteId = :site"
                + " and a.quotaDay = :day and a.status in :statuses";
        String order = " order by s.startsAt, a.id";
        var statuses = List.of(org.yizhan.checkup.domain.booking.AppointmentStatus.BOOKED,
                org.yizhan.checkup.domain.booking.AppointmentStatus.ARRIVED,
                org.yizhan.checkup.domain.booking.AppointmentStatus.FULFILLED,
                org.yizhan.checkup.domain.booking.AppointmentStatus.NOSHOW);
        var query = getEntityManager().createQuery(after == null ? select + order
                        : select + " and (s.startsAt > :at or (s.startsAt = :at and a.id > :id))" + order, Appointment.class)
                .setParameter("site", siteId).setParameter("day", day).setParameter("statuses", statuses)
                .setMaxResults(fetch);
        if (after != null) {
            query.setParameter("at", after.instant(0)).setParameter("id", after.uuid(1));
        }
        return query.getResultList();
    }

    /** Booked appointments whose slot ended before {@code endedBefore}, locked (skipping ones locked elsewhere). */
    public List<Appointment> bookedEndedBefore(Instant endedBefore, int max) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("select a.id from appointment a join slot s on s.id = a.slot_id"
                        + " where a.status = 'booked' and s.ends_at < :before order by s.ends_at, a.id limit :max"
                        + " for update of a skip locked")
                .setParameter("before", Timestamp.from(endedBefore)).setParameter("max", max).getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** When the slot ends. */
    public Instant slotEnd(UUID slotId) {
        return getEntityManager().find(org.yizhan.checkup.domain.site.Slot.class, slotId).endsAt;
    }

    /** Counts a no-show in the person's standing. */
    public void countNoShow(String person, Instant now) {
        getEntityManager().createNativeQuery("insert into person_standing (person, no_shows, updated_at)"
                        + " values (:p, 1, :now) on conflict (person) do update set no_shows = person_standing.no_shows + 1,"
                        + " updated_at = excluded.updated_at")
                .setParameter("p", person).setParameter("now", Timestamp.from(now)).executeUpdate();
    }

    /** Takes one no-show back from the person's standing. */
    public void forgiveNoShow(String person, Instant now) {
        getEntityManager().createNativeQuery("update person_standing set no_shows = greatest(no_shows - 1, 0),"
                        + " updated_at = :now where person = :p")
                .setParameter("p", person).setParameter("now", Timestamp.from(now)).executeUpdate();
    }

    private int update(String sql, UUID slotId) {
        return getEntityManager().createNativeQuery(sql).setParameter("id", slotId).executeUpdate();
    }
}
