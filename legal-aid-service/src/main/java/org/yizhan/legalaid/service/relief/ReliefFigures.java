package org.yizhan.legalaid.service.relief;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.legalaid.repository.ReliefFiguresQuery;

import java.util.List;

/** De-identified figures of serious-illness relief for a period, by district; no person and no text. */
@ApplicationScoped
public class ReliefFigures {

    private final ReliefFiguresQuery query;

    public ReliefFigures(ReliefFiguresQuery query) {
        this.query = query;
    }

    /** The rows by district, the total last; {@code district}: only that one (null: all). */
    @Transactional
    public List<ReliefFiguresQuery.Row> byDistrict(FiguresPeriod period, String district) {
        return query.byDistrict(period.start(), period.end(), district);
    }
}
