package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.calendar.WorkingDays;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.repository.ApplicationRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.time.LocalDate;

/** The undecided applications that are overdue or due within a few working days, for union admins. */
@ApplicationScoped
public class DeadlineQueue {

    private static final String CURSOR = "due-applications";

    /** An undecided application and how it stands against its deadline. */
    public record Due(LegalAidApplication application, boolean overdue, int workingDaysLeft) {
    }

    private final ApplicationRepository applications;
    private final AuditLog audit;
    private final AppClock clock;
    private final WorkingDays calendar = WorkingDays.china();

    public DeadlineQueue(ApplicationRepository applications, AuditLog audit, AppClock clock) {
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Undecided applications (material awaited: no deadline, not listed) due today or within
     * {@code withinWorkingDays}, and every overdue one, most urgent first. {@code workingDaysLeft} is
     * negative when overdue: the working days since the deadline.
     */
    @Transactional
    public Page<Due> due(int withinWorkingDays, Actor admin, String cursor, int limit) {
        LocalDate today = clock.today(FiguresPeriod.BEIJING);
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        Page<LegalAidApplication> page = Keyset.page(applications.dueBy(calendar.plus(today, withinWorkingDays), after,
                Keyset.fetchSize(limit)), limit, a -> KeysetCursor.of(CURSOR, a.decideBy, a.id));
        audit.record(admin, AuditAction.LIST, ApplicationService.KIND, null, "deadline queue");
        return page.map(a -> a.decideBy.isBefore(today)
                ? new Due(a, true, -calendar.between(a.decideBy, today))
                : new Due(a, false, calendar.between(today, a.decideBy)));
    }
}
