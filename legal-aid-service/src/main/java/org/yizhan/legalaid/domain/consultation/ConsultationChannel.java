package org.yizhan.legalaid.domain.consultation;

/** Where a consultation was asked. */
public enum ConsultationChannel {
    /** In the app, from anywhere. */
    ONLINE,
    /** At a lawyer's duty session at a station. */
    SESSION,
    /** At a station, recorded by union staff on the worker's behalf. */
    STATION
}
