package org.yizhan.legalaid.domain.relief;

/** The serious illness a relief application is for: the common groups of 重大疾病. */
public enum IllnessCategory {
    /** 恶性肿瘤. */
    CANCER,
    /** 严重心脏病 (heart attack, heart failure, heart surgery). */
    HEART_DISEASE,
    /** 脑卒中. */
    STROKE,
    /** 尿毒症 / 终末期肾病 (dialysis). */
    KIDNEY_FAILURE,
    /** 重大器官移植. */
    ORGAN_TRANSPLANT,
    /** 严重烧伤. */
    SEVERE_BURN,
    OTHER
}
