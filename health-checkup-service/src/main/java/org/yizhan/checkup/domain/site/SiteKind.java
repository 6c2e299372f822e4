package org.yizhan.checkup.domain.site;

/** Where checkups take place. */
public enum SiteKind {
    /** A partner clinic or hospital. */
    CLINIC,
    /** A station, on a mobile checkup day (the clinic brings its van). */
    STATION
}
