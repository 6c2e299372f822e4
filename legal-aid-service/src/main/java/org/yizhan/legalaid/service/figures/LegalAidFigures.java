package org.yizhan.legalaid.service.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.repository.FiguresQuery;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.util.List;

/** De-identified figures of legal aid for a period: counts and amounts, no person and no text. */
@ApplicationScoped
public class LegalAidFigures {

    /** The audit log's name for the figures. */
    public static final String KIND = "FIGURES";

    private final FiguresQuery query;
    private final AuditLog audit;

    public LegalAidFigures(FiguresQuery query, AuditLog audit) {
        this.query = query;
        this.audit = audit;
    }

    @Transactional
    public List<FiguresQuery.Row> byCategory(FiguresPeriod period, Actor reader) {
        List<FiguresQuery.Row> rows = query.byCategory(period.start(), period.end());
        audit.record(reader, AuditAction.LIST, KIND, null, period.from() + ".." + period.to());
        return rows;
    }
}
