package org.yizhan.kit.security;

/** The roles of Yizhan, carried in the token's {@code groups} claim. */
public final class Roles {

    /** An outdoor worker: courier, rider, driver, sanitation worker. */
    public static final String WORKER = "worker";
    /** Runs one or more stations. */
    public static final String STATION_MANAGER = "station-manager";
    /** A partner department's system or staff (Youth League, Women's Federation, ...). */
    public static final String PARTNER = "partner";
    /** A clinic that offers free health checkups. */
    public static final String CLINIC = "clinic";
    /** A lawyer who takes legal-aid cases. */
    public static final String LAWYER = "lawyer";
    /** Union staff at the stations and offices: records requests on workers' behalf; sees cases only when added to one. */
    public static final String UNION_STAFF = "union-staff";
    /** Union staff with authority over the whole district. */
    public static final String UNION_ADMIN = "union-admin";

    private Roles() {
    }
}
