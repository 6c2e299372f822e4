package org.yizhan.legalaid.service.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.security.Roles;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.ActorKind;
import org.yizhan.legalaid.domain.consultation.Consultation;
import org.yizhan.legalaid.domain.consultation.ConsultationStatus;
import org.yizhan.legalaid.repository.ConsultationRepository;
import org.yizhan.legalaid.service.duty.LawyerService;

import java.util.Optional;

/**
 * Who may see a consultation: the worker who asked; union admins; the union staff member who
 * recorded or answered it; a registered lawyer while it is open (to answer it) and the lawyer who
 * answered it. Nobody else — another lawyer, other staff, other workers.
 */
@ApplicationScoped
public class ConsultationAccess {

    private final LawyerService lawyers;

    public ConsultationAccess(LawyerService lawyers) {
        this.lawyers = lawyers;
    }

    public boolean isAsker(Actor caller, Consultation c) {
        return caller.kind() == ActorKind.PERSON && c.person.equals(caller.id());
    }

    public boolean maySee(Actor caller, Consultation c) {
        if (isAsker(caller, c) || caller.is(Roles.UNION_ADMIN)) {
            return true;
        }
        if (caller.is(Roles.UNION_STAFF)) {
            return caller.subject().equals(c.recordedBy) || caller.subject().equals(c.answeredBy);
        }
        if (caller.is(Roles.LAWYER) && lawyers.of(caller).isPresent()) {
            return c.status == ConsultationStatus.OPEN || caller.subject().equals(c.answeredBy);
        }
        return false;
    }

    /** Whether the caller may answer an open consultation: a registered lawyer or union staff. */
    public boolean mayAnswer(Actor caller) {
        return caller.isUnionStaff() || caller.is(Roles.LAWYER) && lawyers.of(caller).isPresent();
    }

    /** The list a caller sees, and the value that scopes it; empty for a caller who sees none. */
    public Optional<ConsultationRepository.Scope> listScope(Actor caller) {
        if (caller.is(Roles.UNION_ADMIN)) {
            return Optional.of(ConsultationRepository.Scope.ALL);
        }
        if (caller.is(Roles.UNION_STAFF)) {
            return Optional.of(ConsultationRepository.Scope.STAFF);
        }
        if (caller.is(Roles.LAWYER) && lawyers.of(caller).isPresent()) {
            return Optional.of(ConsultationRepository.Scope.LAWYER);
        }
        return Optional.empty();
    }
}
