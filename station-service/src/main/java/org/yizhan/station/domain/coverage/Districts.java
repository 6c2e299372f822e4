package org.yizhan.station.domain.coverage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Districts that may be named instead of a bounding box. Each is the rectangle around the district
 * (WGS-84, rounded outwards to 0.01°), an approximation: it includes bits of the neighbouring
 * districts, so the share is that of the rectangle, not of the district's true outline.
 */
public final class Districts {

    private static final BoundingBox DAXING = new BoundingBox(39.43, 116.21, 39.85, 116.70);

    private static final Map<String, BoundingBox> BY_NAME = Map.of(
            "大兴区", DAXING,
            "daxing", DAXING);

    private Districts() {
    }

    /** The rectangle of a district by its Chinese name (大兴区) or its pinyin (daxing, any case). */
    public static Optional<BoundingBox> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The names accepted, for error messages. */
    public static String names() {
        return "大兴区 (daxing)";
    }
}
