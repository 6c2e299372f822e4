package org.yizhan.legalaid.service.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.kit.security.Roles;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.ActorKind;

/** Who is calling, as the access rules and the audit log name them. */
@RequestScoped
public class Callers {

    private final SecurityIdentity identity;
    private final Pseudonyms pseudonyms;

    public Callers(SecurityIdentity identity, Pseudonyms pseudonyms) {
        this.identity = identity;
        this.pseudonyms = pseudonyms;
    }

    /** The signed-in caller; a worker is named by pseudonym, so their subject never reaches the database. */
    public Actor current() {
        String subject = identity.getPrincipal().getName();
        String role = Actor.roleOf(identity.getRoles());
        if (role.equals(Roles.WORKER) || role.equals("none")) {
            return new Actor(subject, pseudonyms.of(subject), ActorKind.PERSON, role);
        }
        return new Actor(subject, subject, ActorKind.STAFF, role);
    }
}
