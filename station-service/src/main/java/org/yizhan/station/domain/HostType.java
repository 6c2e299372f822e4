package org.yizhan.station.domain;

/** What kind of place hosts a station (the report's "社会化" list). */
public enum HostType {
    /** 餐饮门店 */
    RESTAURANT,
    /** 商场 */
    SHOPPING_MALL,
    /** 超市 */
    SUPERMARKET,
    /** 公园 */
    PARK,
    /** 临街底商 */
    STREET_SHOP,
    /** 社区、党群活动中心 */
    COMMUNITY_CENTRE,
    /** 企业 */
    ENTERPRISE,
    /** 公共区域职工之家 */
    PUBLIC_WORKERS_HOME,
    /** 其他 */
    OTHER
}
