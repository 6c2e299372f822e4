package org.yizhan.legalaid.service.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.repository.FiguresQuery;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.util.List;

/** De-identified figures of legal aid for a period (and a district): counts and amounts, no person and no text. */
@ApplicationScoped
public class LegalAidFigures {

    /** The audit log's name for the figures. */
    public static final String KIND = "FIGURES";

    /** The figures of a period: by category and by district (each with its total last), stages and results. */
    public record Figures(List<FiguresQuery.Row> byCategory, List<FiguresQuery.Row> byDistrict,
                          List<FiguresQuery.StageRow> stages, List<FiguresQuery.ResultRow> results) {
    }

    private final FiguresQuery query;
    private final AuditLog audit;

    public LegalAidFigures(FiguresQuery query, AuditLog audit) {
        this.query = query;
        this.audit = audit;
    }

    /** The figures; {@code district} null for every district. */
    @Transactional
    public Figures of(FiguresPeriod period, String district, Actor reader) {
        FiguresQuery.Scope scope = new FiguresQuery.Scope(period.start(), period.end(), district);
        Figures figures = new Figures(query.rows(FiguresQuery.Dimension.CATEGORY, scope),
                query.rows(FiguresQuery.Dimension.DISTRICT, scope), query.stages(scope), query.results(scope));
        audit.record(reader, AuditAction.LIST, KIND, null, period.from() + ".." + period.to()
                + (district == null ? "" : " " + district));
        return figures;
    }
}
