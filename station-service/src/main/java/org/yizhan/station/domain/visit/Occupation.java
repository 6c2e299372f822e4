package org.yizhan.station.domain.visit;

/** What a visiting worker does for a living, as they state it when checking in. */
public enum Occupation {
    /** 快递员 */
    COURIER,
    /** 外卖骑手 */
    FOOD_DELIVERY,
    /** 网约车司机 */
    RIDE_HAILING,
    /** 货车司机 */
    TRUCK_DRIVER,
    /** 环卫工人 */
    SANITATION,
    /** 其他 */
    OTHER
}
