package org.yizhan.station.service.standards;

import org.yizhan.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset position over three sort keys (the kit's cursor has two): two texts and the
 * id of the last item a client has seen.
 */
record StandardsCursor(String first, String second, UUID id) {

    String encode() {
        String raw = first + "|" + second + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code null} or blank: the first page. Anything not made by {@link #encode()}: 400 on {@code cursor}. */
    static StandardsCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("parts");
            }
            return new StandardsCursor(parts[0], parts[1], UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "不是本接口返回的游标 / not a cursor returned by this API");
    }
}
