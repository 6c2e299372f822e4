package org.yizhan.station.domain.standards;

/** The grade of a station (示范 / 标准 / 基础), derived from its compliance. */
public enum Tier {
    DEMONSTRATION("示范驿站", "Demonstration"),
    STANDARD("标准驿站", "Standard"),
    BASIC("基础驿站", "Basic");

    private final String nameZh;
    private final String nameEn;

    Tier(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
