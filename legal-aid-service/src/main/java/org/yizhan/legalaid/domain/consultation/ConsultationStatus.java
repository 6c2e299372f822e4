package org.yizhan.legalaid.domain.consultation;

/** Whether a consultation waits for its answer. */
public enum ConsultationStatus {
    OPEN,
    ANSWERED
}
