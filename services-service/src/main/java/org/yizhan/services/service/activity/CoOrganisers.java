package org.yizhan.services.service.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.services.events.activity.ActivityEvents;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who organises an activity (ADR 0014). The lead organiser (the partner that created it) invites
 * co-organisers; an invited partner becomes an organiser only when it accepts, so that no partner
 * can put another's name (and figures) on an activity. A union admin adds organisers directly.
 * Nobody removes the lead organiser; a co-organiser may leave.
 */
@ApplicationScoped
public class CoOrganisers {

    private final ActivityCatalog catalog;
    private final ActivityEvents events;
    private final ActivityService activities;

    public CoOrganisers(ActivityCatalog catalog, ActivityEvents events, ActivityService activities) {
        this.catalog = catalog;
        this.events = events;
        this.activities = activities;
    }

    /**
     * Brings the organisers and invitations of {@code a} to what the caller asks for: {@code asked}
     * null leaves an existing activity's organisers as they are. Partners named for the first time
     * are invited (an admin's are added); those left out are removed, except the lead organiser
     * and the calling partner. Unknown partners are reported in {@code errors} and change nothing.
     *
     * @throws ProblemException 403 if a partner other than the lead organiser changes the list
     */
    void arrange(Activity a, Set<String> asked, Caller caller, boolean isNew, List<Problem.FieldError> errors) {
        if (asked == null && !isNew) {
            return;
        }
        Set<String> wanted = new TreeSet<>(asked == null ? Set.of() : asked);
        if (a.leadPartner != null) {
            wanted.add(a.leadPartner);
        }
        if (caller.partner() != null && (isNew || a.organisers.contains(caller.partner()))) {
            wanted.add(caller.partner());
        }
        if (wanted.isEmpty()) {
            wanted.add(ActivityService.UNION);
        }
        Set<String> unknown = catalog.unknownPartners(wanted);
        if (!unknown.isEmpty()) {
            errors.add(new Problem.FieldError("organisers", "未登记的合作单位 / unknown partners: " + unknown));
        }
        if (wanted.size() > ActivityRules.MAX_ORGANISERS) {
            errors.add(new Problem.FieldError("organisers", "最多 " + ActivityRules.MAX_ORGANISERS + " 个组织单位 / at most "
                    + ActivityRules.MAX_ORGANISERS + " organisers"));
        }
        Set<String> current = new TreeSet<>(a.organisers);
        current.addAll(a.invited);
        if (!isNew && !caller.admin() && !wanted.equals(current) && !caller.partner().equals(a.leadPartner)) {
            throw onlyTheLead();
        }
        if (!errors.isEmpty()) {
            return;
        }
        a.organisers.retainAll(wanted);
        a.invited.retainAll(wanted);
        for (String code : wanted) {
            if (a.organisers.contains(code)) {
                continue;
            }
            if (caller.admin() || code.equals(a.leadPartner) || code.equals(caller.partner())) {
                a.organisers.add(code);
                a.invited.remove(code);
            } else {
                a.invited.add(code);
            }
        }
    }

    /** The calling partner accepts its invitation: it becomes an organiser. */
    @Transactional
    public Activity accept(UUID id, Caller caller) {
        Activity a = invitedTo(id, caller);
        a.invited.remove(caller.partner());
        a.organisers.add(caller.partner());
        return changed(a);
    }

    /** The calling partner declines its invitation. */
    @Transactional
    public Activity decline(UUID id, Caller caller) {
        Activity a = invitedTo(id, caller);
        a.invited.remove(caller.partner());
        return changed(a);
    }

    /**
     * Removes an organiser or withdraws an invitation: the lead organiser and admins remove anybody
     * but the lead organiser; a co-organiser may remove itself (leave).
     */
    @Transactional
    public Activity remove(UUID id, String partner, Caller caller) {
        Activity a = activities.visible(id, caller);
        if (!a.organisers.contains(partner) && !a.invited.contains(partner)) {
            throw ProblemException.notFound("组织单位", "Organiser");
        }
        if (partner.equals(a.leadPartner)) {
            throw new ProblemException(ProblemType.CONFLICT, "发起单位不能被移除",
                    "The lead organiser (the partner that created the activity) cannot be removed");
        }
        boolean self = partner.equals(caller.partner());
        if (!caller.admin() && !self && !a.isLedBy(caller.partner())) {
            throw onlyTheLead();
        }
        if (a.organisers.size() == 1 && a.organisers.contains(partner)) {
            throw new ProblemException(ProblemType.CONFLICT, "活动至少要有一个组织单位",
                    "An activity keeps at least one organiser");
        }
        a.organisers.remove(partner);
        a.invited.remove(partner);
        return changed(a);
    }

    private Activity invitedTo(UUID id, Caller caller) {
        if (caller.partner() == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "只有受邀的合作单位可以答复邀请",
                    "Only the invited partner answers an invitation");
        }
        Activity a = activities.visible(id, caller);
        if (!a.invited.contains(caller.partner())) {
            throw ProblemException.notFound("邀请", "Invitation");
        }
        return a;
    }

    /** A new version; a published activity announces its organisers again. */
    private Activity changed(Activity a) {
        a.version++;
        if (a.status == ActivityStatus.PUBLISHED) {
            events.published(a);
        }
        return a;
    }

    private static ProblemException onlyTheLead() {
        return new ProblemException(ProblemType.FORBIDDEN, "只有发起单位或工会管理员可以邀请或移除协办单位",
                "Only the lead organiser or a union admin invites or removes co-organisers");
    }
}
