package org.yizhan.station.domain;

/** Map and service apps in which a station is listed, so that workers can find it there. */
public enum MapApp {
    /** 高德地图 */
    AMAP,
    /** 百度地图 */
    BAIDU,
    /** 腾讯地图 */
    TENCENT,
    /** Apple 地图 */
    APPLE,
    /** 工会会员服务 App / 小程序 */
    UNION_APP,
    /** 其他 */
    OTHER
}
