package org.yizhan.checkup.domain.campaign;

/** What a checkup package can include; each occupation of a campaign gets its own list. */
public enum CheckupItem {
    /** 一般检查: height, weight, blood pressure, pulse */
    BASIC,
    /** 内科、外科 */
    PHYSICAL_EXAMINATION,
    /** 血常规 */
    BLOOD_ROUTINE,
    /** 尿常规 */
    URINE_ROUTINE,
    /** 肝功能 */
    LIVER_FUNCTION,
    /** 肾功能 */
    KIDNEY_FUNCTION,
    /** 血脂 */
    BLOOD_LIPIDS,
    /** 血糖 */
    BLOOD_GLUCOSE,
    /** 心电图: for drivers, who sit for long hours */
    ECG,
    /** 胸部 DR */
    CHEST_XRAY,
    /** 腹部 B 超 */
    ABDOMINAL_ULTRASOUND,
    /** 颈椎、腰椎: for riders */
    SPINE,
    /** 眼科 */
    EYES
}
