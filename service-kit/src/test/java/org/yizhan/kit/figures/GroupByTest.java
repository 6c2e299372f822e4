package org.yizhan.kit.figures;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupByTest {

    enum Dimension { CAMPAIGN, OCCUPATION, SITE }

    @Test
    void readsTheDimensionsInTheirOrder() {
        assertEquals(List.of(Dimension.SITE, Dimension.OCCUPATION),
                GroupBy.parse(Dimension.class, "groupBy", " site , occupation"));
        assertEquals(List.of(), GroupBy.parse(Dimension.class, "groupBy", ""));
        assertEquals(List.of(), GroupBy.parse(Dimension.class, "groupBy", null));
        assertEquals("occupation", GroupBy.name(Dimension.OCCUPATION));
    }

    @Test
    void anUnknownEmptyOrRepeatedDimensionIsABadRequestOnTheField() {
        for (String bad : List.of("site,planet", "SITE", "site,,occupation", "site,site")) {
            ProblemException e = assertThrows(ProblemException.class, () -> GroupBy.parse(Dimension.class, "groupBy", bad));
            assertEquals(400, e.type().status());
            assertEquals("groupBy", e.errors().get(0).field());
        }
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> GroupBy.parse(Dimension.class, "by", "planet"));
        assertTrue(unknown.errors().get(0).message().contains("campaign, occupation, site"), unknown.errors().get(0).message());
    }
}
