package org.yizhan.services.domain.activity;

/** The occupations an activity may be open to (the same list workers state at station visits). */
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
