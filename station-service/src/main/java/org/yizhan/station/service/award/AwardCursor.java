package org.yizhan.station.service.award;

import org.yizhan.kit.paging.KeysetCursor;

import java.math.BigDecimal;
import java.util.UUID;

/** A position in a ranking: eligible ones first, highest total first, then by station id. */
record AwardCursor(boolean eligible, BigDecimal total, UUID stationId) {

    private static final String LIST = "ranking";

    static KeysetCursor of(ScoreCard card) {
        return KeysetCursor.of(LIST, card.eligible(), card.total(), card.stationId());
    }

    /** {@code null} or blank: the first page; anything else not handed out by a ranking: 400 on {@code cursor}. */
    static AwardCursor decode(String text) {
        KeysetCursor cursor = KeysetCursor.decode(LIST, text, 3);
        return cursor == null ? null : new AwardCursor(cursor.flag(0), cursor.decimal(1), cursor.uuid(2));
    }
}
