package org.yizhan.services.service.activity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.OrganisationClaim;
import org.yizhan.kit.security.Roles;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.services.domain.activity.Partner;

/** Role rules of activities: admins manage all, partners the activities their organisation organises. */
@ApplicationScoped
public class ActivityAccess {

    private final EntityManager em;

    public ActivityAccess(EntityManager em) {
        this.em = em;
    }

    /**
     * The caller behind {@code identity}. A partner token must name a registered partner in its
     * {@code org} claim, or the call is refused.
     */
    public Caller caller(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        boolean admin = identity.hasRole(Roles.UNION_ADMIN);
        String partner = null;
        if (identity.hasRole(Roles.PARTNER)) {
            String code = OrganisationClaim.of(identity).orElse(null);
            if (code == null || em.find(Partner.class, code) == null) {
                throw new ProblemException(ProblemType.FORBIDDEN, "令牌未指明已登记的合作单位（org）",
                        "The token does not name a registered partner organisation (org claim)");
            }
            partner = code;
        }
        return new Caller(subject, admin, partner);
    }

    /** @throws ProblemException 403 unless the caller is an admin or a partner */
    public Caller requireOrganiser(SecurityIdentity identity) {
        Caller caller = caller(identity);
        if (!caller.organises()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "仅工会管理员或合作单位可管理活动",
                    "Only union admins and partners manage activities");
        }
        return caller;
    }

    /** Whether the caller may manage {@code activity}. */
    public boolean mayManage(Caller caller, Activity activity) {
        return caller.admin() || activity.isOrganisedBy(caller.partner());
    }

    /** Whether the caller may see {@code activity}: drafts only its organisers, invited partners and admins. */
    public boolean maySee(Caller caller, Activity activity) {
        return activity.status != ActivityStatus.DRAFT || mayManage(caller, activity)
                || activity.isInvited(caller.partner());
    }

    /** @throws ProblemException 403 unless the caller may manage {@code activity} */
    public void requireManageable(Caller caller, Activity activity) {
        if (!mayManage(caller, activity)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "只能管理本单位组织的活动",
                    "Partners manage only the activities their organisation organises");
        }
    }
}
