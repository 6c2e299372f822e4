package org.yizhan.legalaid.service.relief;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.security.Roles;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.ActorKind;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.repository.ReliefRepository;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who may see and handle a relief file: the applicant; union admins; the union staff member who
 * recorded it and those who reviewed it. Nobody else — other staff, lawyers (the referring one
 * included), other workers.
 */
@ApplicationScoped
public class ReliefAccess {

    public boolean isApplicant(Actor caller, ReliefApplication r) {
        return caller.kind() == ActorKind.PERSON && r.applicant.equals(caller.id());
    }

    public boolean maySee(Actor caller, ReliefApplication r) {
        return isApplicant(caller, r) || caller.is(Roles.UNION_ADMIN) || caller.is(Roles.UNION_STAFF)
                && Stream.of(r.recordedBy, r.firstApprovedBy, r.secondApprovedBy, r.rejectedBy)
                .anyMatch(caller.subject()::equals);
    }

    /** Approve or reject: union admins, and the union staff member who recorded it. */
    public boolean mayReview(Actor caller, ReliefApplication r) {
        return caller.is(Roles.UNION_ADMIN) || caller.is(Roles.UNION_STAFF) && caller.subject().equals(r.recordedBy);
    }

    /** Record a payment: union admins, and the union staff member who recorded or approved it. */
    public boolean mayPay(Actor caller, ReliefApplication r) {
        return caller.is(Roles.UNION_ADMIN) || caller.is(Roles.UNION_STAFF)
                && Stream.of(r.recordedBy, r.firstApprovedBy, r.secondApprovedBy).anyMatch(caller.subject()::equals);
    }

    /** The list a member of union staff sees; empty for anyone else. */
    public Optional<ReliefRepository.Scope> listScope(Actor caller) {
        if (caller.is(Roles.UNION_ADMIN)) {
            return Optional.of(ReliefRepository.Scope.ALL);
        }
        if (caller.is(Roles.UNION_STAFF)) {
            return Optional.of(ReliefRepository.Scope.STAFF);
        }
        return Optional.empty();
    }
}
