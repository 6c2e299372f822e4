package org.yizhan.station.service.award;

import org.yizhan.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** An opaque position in a ranking: eligible ones first, highest total first, then by station id. */
record AwardCursor(boolean eligible, BigDecimal total, UUID stationId) {

    String encode() {
        String raw = (eligible ? "1" : "0") + "|" + total.toPlainString() + "|" + stationId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static AwardCursor of(ScoreCard card) {
        return new AwardCursor(card.eligible(), card.total(), card.stationId());
    }

    /** {@code null} or blank: the first page. Anything not made by {@link #encode()}: 400 on {@code cursor}. */
    static AwardCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3 || !(parts[0].equals("0") || parts[0].equals("1"))) {
                throw new IllegalArgumentException("parts");
            }
            return new AwardCursor(parts[0].equals("1"), new BigDecimal(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "不是本接口返回的游标 / not a cursor returned by this API");
        }
    }
}
