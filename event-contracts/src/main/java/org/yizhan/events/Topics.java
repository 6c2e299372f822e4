package org.yizhan.events;

/**
 * Kafka topics: one per owning service, versioned; the record key is the aggregate id so that
 * each aggregate's events stay in order.
 */
public final class Topics {

    /** Events of the station registry, owned by station-service; key = station id. */
    public static final String STATION = "yizhan.station.v1";

    /** Events of integrated service activities and their registrations, owned by services-service; key = activity id. */
    public static final String ACTIVITY = "yizhan.activity.v1";

    /** Events of free health checkup campaigns and their appointments, owned by health-checkup-service; key = campaign id. */
    public static final String CHECKUP = "yizhan.checkup.v1";

    /** Events of legal aid (consultations, cases, relief), owned by legal-aid-service; key = the consultation's or case's id. No personal details. */
    public static final String LEGAL_AID = "yizhan.legalaid.v1";

    private Topics() {
    }

    /** The dead-letter topic of one consumer group: messages it could not process, with the reason. */
    public static String deadLetter(String consumerGroup) {
        return "yizhan.dlq." + consumerGroup;
    }
}
