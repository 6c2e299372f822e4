package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.legalaid.domain.duty.SessionBooking;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** Workers' bookings of duty-session slots. */
@ApplicationScoped
public class SessionBookingRepository implements PanacheRepositoryBase<SessionBooking, UUID> {

    /**
     * Stores a new booking unless the worker already has a live one at the session (a unique index
     * decides, under any concurrency); returns whether it was stored.
     */
    public boolean insertIfFirst(SessionBooking b) {
        return getEntityManager().createNativeQuery("insert into session_booking (id, session_id, slot_id, person,"
                        + " status, created_at, updated_at) values (:id, :session, :slot, :person, 'BOOKED', :at, :at)"
                        + " on conflict (session_id, person) where status = 'BOOKED' do nothing")
                .setParameter("id", b.id).setParameter("session", b.sessionId).setParameter("slot", b.slotId)
                .setParameter("person", b.person).setParameter("at", Timestamp.from(b.createdAt))
                .executeUpdate() == 1;
    }

    /** The worker's bookings, newest first. */
    public List<SessionBooking> ofPerson(String person, KeysetCursor after, int fetch) {
        if (after == null) {
            return find("person = ?1 order by createdAt desc, id desc", person).page(0, fetch).list();
        }
        return find("person = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                person, after.instant(0), after.uuid(1)).page(0, fetch).list();
    }
}
