package org.yizhan.station.domain.award;

/** Who granted an official "most beautiful station" title. */
public enum AwardLevel {
    DISTRICT("区级"),
    CITY("市级"),
    NATIONAL("全国");

    private final String nameZh;

    AwardLevel(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
