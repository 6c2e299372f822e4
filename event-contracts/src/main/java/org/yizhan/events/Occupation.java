package org.yizhan.events;

/**
 * What an outdoor worker does for a living: the one list that station visits, activities, health
 * checkups and legal aid share, in their APIs and in events.
 */
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
