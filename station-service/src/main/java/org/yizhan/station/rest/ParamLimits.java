package org.yizhan.station.rest;

import org.yizhan.kit.paging.Page;

/**
 * The longest text each kind of query or path parameter may have: Bean Validation enforces them
 * ({@code @Size(max = ...)}, a 400 naming the parameter) and the OpenAPI document shows them as
 * {@code maxLength}, from these constants.
 */
public final class ParamLimits {

    /** An opaque cursor handed out as {@code nextCursor}. */
    public static final int CURSOR = Page.MAX_CURSOR_LENGTH;
    /** One code: coordSys, hostType, level, view, mode. */
    public static final int CODE = 40;
    /** Comma-separated codes: status, tier, amenities. */
    public static final int CODE_LIST = 1000;
    /** An ISO-8601 instant with an offset. */
    public static final int INSTANT = 35;
    /** A date as YYYY-MM-DD. */
    public static final int DATE = 10;
    /** A year. */
    public static final int YEAR = 4;
    /** A number given as text (coordinates, sizes, minutes). */
    public static final int NUMBER = 30;
    /** A district's name. */
    public static final int DISTRICT = 60;
    /** A snapshot id (a UUID) or {@code latest}. */
    public static final int SNAPSHOT = 36;

    private ParamLimits() {
    }
}
