package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.legalaid.domain.relief.ReliefPayment;

import java.util.List;
import java.util.UUID;

/** The payments of granted relief. */
@ApplicationScoped
public class ReliefPaymentRepository implements PanacheRepositoryBase<ReliefPayment, UUID> {

    /** The most payments one relief grant is paid in. */
    public static final int MAX_PER_RELIEF = 24;

    public List<ReliefPayment> ofRelief(UUID reliefId) {
        return find("reliefId = ?1 order by paidOn, recordedAt", reliefId).page(0, MAX_PER_RELIEF).list();
    }
}
