package org.yizhan.kit.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list; pass {@code nextCursor} back as {@code cursor} to get the next one. */
@Schema(name = "Page")
public record Page<T>(
        @Schema(description = "The items of this page, at most the limit asked for", maxItems = Page.MAX_ITEMS)
        List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page",
                maxLength = Page.MAX_CURSOR_LENGTH,
                pattern = "^[A-Za-z0-9_-]+$")
        String nextCursor) {

    /** The largest page any list hands out; a list's own {@code limit} is at most this. */
    public static final int MAX_ITEMS = 200;
    /** The longest cursor a list hands out, and so the longest {@code cursor} parameter it takes. */
    public static final int MAX_CURSOR_LENGTH = 1000;

    /** The same page with each item mapped, e.g. to its API view. */
    public <V> Page<V> map(Function<? super T, ? extends V> mapper) {
        return new Page<>(items.stream().<V>map(mapper).toList(), nextCursor);
    }
}
