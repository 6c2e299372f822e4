package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.legalaid.domain.duty.SessionSlot;

import java.util.List;
import java.util.UUID;

/**
 * The slots of duty sessions. A place changes only by one conditional statement, so two workers
 * never take the same slot: PostgreSQL locks the row and re-checks the condition (ADR 0016).
 */
@ApplicationScoped
public class SessionSlotRepository implements PanacheRepositoryBase<SessionSlot, UUID> {

    /** Takes the slot's place if it is free; returns whether it was taken. */
    public boolean take(UUID slotId) {
        return getEntityManager().createNativeQuery("update session_slot set booked = booked + 1"
                + " where id = :id and booked < capacity").setParameter("id", slotId).executeUpdate() == 1;
    }

    /** Gives a taken place back. */
    public boolean giveBack(UUID slotId) {
        return getEntityManager().createNativeQuery("update session_slot set booked = booked - 1"
                + " where id = :id and booked > 0").setParameter("id", slotId).executeUpdate() == 1;
    }

    public List<SessionSlot> ofSession(UUID sessionId) {
        return find("sessionId = ?1 order by startsAt", sessionId).list();
    }
}
