package org.yizhan.station.domain;

/** The fixed taxonomy of what a station offers, with Chinese and English names. */
public enum Amenity {
    DRINKING_WATER("饮水", "Drinking water"),
    MICROWAVE("微波炉", "Microwave"),
    FRIDGE("冰箱", "Fridge"),
    AIR_CONDITIONING("空调/取暖", "Air-conditioning / heating"),
    TOILET("卫生间", "Toilet"),
    PHONE_CHARGING("手机充电", "Phone charging"),
    EBIKE_BATTERY_SWAP("电动车换电", "E-bike battery swap"),
    WIFI("无线网络", "WiFi"),
    FIRST_AID_KIT("医药箱", "First-aid kit"),
    UMBRELLAS("爱心雨伞", "Umbrellas"),
    REST_AREA("座椅/休息区", "Seats / rest area"),
    READING("图书阅览", "Reading"),
    TV("电视", "TV"),
    BOARD_GAMES("棋类", "Board games"),
    LAUNDRY("洗衣", "Laundry"),
    KITCHEN("厨房", "Kitchen"),
    TEA_ROOM("茶室", "Tea room"),
    MOTHER_AND_BABY_ROOM("母婴室", "Mother-and-baby room"),
    EMOTIONAL_RELIEF_ROOM("情绪宣泄室", "Emotional-relief room"),
    MUSIC_ROOM("音乐减压室", "Music room"),
    TRUCK_PARKING("货车停车", "Truck parking"),
    SHOWER("淋浴", "Shower"),
    AED("AED 除颤仪", "AED defibrillator");

    private final String nameZh;
    private final String nameEn;

    Amenity(String nameZh, String nameEn) {
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
