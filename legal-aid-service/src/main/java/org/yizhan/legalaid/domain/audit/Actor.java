package org.yizhan.legalaid.domain.audit;

import org.yizhan.kit.security.Roles;

import java.util.Set;

/**
 * The caller as the audit log and the access rules see them.
 *
 * @param subject the token subject (never stored for a worker: {@code id} is their pseudonym)
 * @param id      what the audit log records: the pseudonym of a worker, the subject of staff
 * @param role    the role the caller acts in: the strongest they hold
 */
public record Actor(String subject, String id, ActorKind kind, String role) {

    /** The roles in the order in which one wins over the next, when a caller holds several. */
    private static final java.util.List<String> STRONGEST_FIRST = java.util.List.of(Roles.UNION_ADMIN, Roles.UNION_STAFF,
            Roles.LAWYER, Roles.PARTNER, Roles.WORKER);

    /** The role a caller with {@code roles} acts in ({@code none} for a token without a Yizhan role of legal aid). */
    public static String roleOf(Set<String> roles) {
        return STRONGEST_FIRST.stream().filter(roles::contains).findFirst().orElse("none");
    }

    public boolean is(String aRole) {
        return role.equals(aRole);
    }

    /** Union admin or union staff. */
    public boolean isUnionStaff() {
        return is(Roles.UNION_ADMIN) || is(Roles.UNION_STAFF);
    }
}
