package org.yizhan.kit.paging;

import java.time.Instant;
import java.util.UUID;

/**
 * The most common keyset position: the time and id of the last item a client has seen (lists
 * newest or oldest first). Keyset paging stays fast on large tables and does not skip or repeat
 * rows added meanwhile, unlike offsets. Encoded with {@link KeysetCursor}.
 */
public record Cursor(Instant at, UUID id) {

    private static final String LIST = "t";

    public String encode() {
        return keyset().encode();
    }

    /** The same position in the kit's cursor codec, e.g. for {@link Keyset#page}. */
    public KeysetCursor keyset() {
        return KeysetCursor.of(LIST, at, id);
    }

    /** Decodes a cursor a client sent back; {@code null} or blank means the first page. */
    public static Cursor decode(String text) {
        KeysetCursor cursor = KeysetCursor.decode(LIST, text, 2);
        return cursor == null ? null : new Cursor(cursor.instant(0), cursor.uuid(1));
    }
}
