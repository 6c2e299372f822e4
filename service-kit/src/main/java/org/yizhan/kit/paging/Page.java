package org.yizhan.kit.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list; pass {@code nextCursor} back as {@code cursor} to get the next one. */
@Schema(name = "Page")
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page")
        String nextCursor) {

    /** The same page with each item mapped, e.g. to its API view. */
    public <V> Page<V> map(Function<? super T, ? extends V> mapper) {
        return new Page<>(items.stream().<V>map(mapper).toList(), nextCursor);
    }
}
