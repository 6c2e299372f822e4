package org.yizhan.station.domain.standards;

import org.yizhan.station.domain.Amenity;

/**
 * The fixed checklist of the station standard (驿站规范化). The seven basic requirements are what
 * every station must provide — 冷可取暖、热可纳凉、渴可饮水、累可歇脚、急可如厕、伤可敷药, and the
 * union's sign; the optional ones count toward the demonstration tier. Optional items use the
 * codes of {@link Amenity}.
 */
public enum Requirement {
    WARMTH(true, "冷可取暖", "Warmth in the cold", Amenity.AIR_CONDITIONING),
    COOLING(true, "热可纳凉", "Cooling in the heat", Amenity.AIR_CONDITIONING),
    DRINKING_WATER(true, "渴可饮水", "Drinking water", Amenity.DRINKING_WATER),
    REST(true, "累可歇脚", "A place to rest", Amenity.REST_AREA),
    TOILET(true, "急可如厕", "A toilet", Amenity.TOILET),
    FIRST_AID(true, "伤可敷药", "First aid", Amenity.FIRST_AID_KIT),
    UNION_SIGN(true, "统一悬挂北京工会标识", "The Beijing trade union sign", null),

    MICROWAVE(false, Amenity.MICROWAVE),
    FRIDGE(false, Amenity.FRIDGE),
    PHONE_CHARGING(false, Amenity.PHONE_CHARGING),
    WIFI(false, Amenity.WIFI),
    UMBRELLAS(false, Amenity.UMBRELLAS),
    READING(false, Amenity.READING),
    EBIKE_BATTERY_SWAP(false, Amenity.EBIKE_BATTERY_SWAP),
    AED(false, Amenity.AED),
    SHOWER(false, Amenity.SHOWER),
    LAUNDRY(false, Amenity.LAUNDRY),
    MOTHER_AND_BABY_ROOM(false, Amenity.MOTHER_AND_BABY_ROOM);

    private final boolean basic;
    private final String nameZh;
    private final String nameEn;
    private final Amenity amenity;

    Requirement(boolean basic, Amenity amenity) {
        this(basic, amenity.nameZh(), amenity.nameEn(), amenity);
    }

    Requirement(boolean basic, String nameZh, String nameEn, Amenity amenity) {
        this.basic = basic;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.amenity = amenity;
    }

    /** Whether every station must meet it (else it only counts toward the demonstration tier). */
    public boolean isBasic() {
        return basic;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The amenity of the taxonomy that provides it, if any (informative only). */
    public Amenity amenity() {
        return amenity;
    }
}
