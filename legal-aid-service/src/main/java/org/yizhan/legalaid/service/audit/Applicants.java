package org.yizhan.legalaid.service.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.ActorKind;

/**
 * Whose request a new record is: the worker's own, or a worker's recorded by union staff, who give
 * the worker's account id (stored only as its pseudonym) and are kept as the recorder.
 */
@ApplicationScoped
public class Applicants {

    /** The worker a record is about (a pseudonym), and the staff subject who recorded it, if any. */
    public record Recorded(String person, String recordedBy) {
    }

    private final Pseudonyms pseudonyms;

    public Applicants(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** @throws ProblemException 400 on {@code onBehalfOf} when a worker gives it or staff do not */
    public Recorded of(Actor caller, String onBehalfOf) {
        pseudonyms.requireConfigured();
        if (caller.kind() == ActorKind.PERSON) {
            if (onBehalfOf != null) {
                throw ProblemException.invalidField("onBehalfOf", "只有工会工作人员可代为登记 / only union staff record for others");
            }
            return new Recorded(caller.id(), null);
        }
        if (onBehalfOf == null) {
            throw ProblemException.invalidField("onBehalfOf", "代为登记须给出职工账号 / the worker's account is required");
        }
        return new Recorded(pseudonyms.of(onBehalfOf), caller.subject());
    }

    /** Another worker of a record (a group case's co-applicant), by account id, as their pseudonym. */
    public String coWorker(String account) {
        pseudonyms.requireConfigured();
        return pseudonyms.of(account);
    }
}
