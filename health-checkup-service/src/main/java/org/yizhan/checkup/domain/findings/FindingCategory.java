package org.yizhan.checkup.domain.findings;

/** The closed list of findings a clinic reports counts of; nothing finer, and nothing per person. */
public enum FindingCategory {
    /** 血压偏高 */
    HYPERTENSION,
    /** 血糖偏高 */
    HIGH_BLOOD_SUGAR,
    /** 肝功能异常 */
    ABNORMAL_LIVER_FUNCTION,
    /** 颈椎异常 */
    CERVICAL_SPINE,
    /** 腰椎异常 */
    LUMBAR_SPINE,
    /** 心电图异常 */
    ABNORMAL_ECG,
    /** 超重或肥胖 */
    OVERWEIGHT,
    /** 其他异常 */
    OTHER
}
