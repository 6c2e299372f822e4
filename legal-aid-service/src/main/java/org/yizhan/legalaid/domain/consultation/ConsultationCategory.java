package org.yizhan.legalaid.domain.consultation;

/** What a consultation is about: the closed list of issue 10. */
public enum ConsultationCategory {
    /** 欠薪: wages owed. */
    WAGE_ARREARS,
    /** 工伤: hurt at work. */
    WORK_INJURY,
    /** 确认劳动关系: whether the worker is an employee (platform work). */
    EMPLOYMENT_RELATIONSHIP,
    /** 交通事故. */
    TRAFFIC_ACCIDENT,
    /** 社会保险. */
    SOCIAL_INSURANCE,
    /** 合同纠纷. */
    CONTRACT_DISPUTE,
    OTHER
}
