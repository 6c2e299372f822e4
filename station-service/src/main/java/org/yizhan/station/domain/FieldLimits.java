package org.yizhan.station.domain;

/**
 * The limits of what station-service stores and answers, each written once: requests enforce them
 * with Bean Validation ({@code @Size}, {@code @Min}, {@code @Max}), answers and the OpenAPI
 * document show them ({@code maxLength}, {@code maxItems}, {@code minimum}/{@code maximum}). Text
 * limits are the widths of the columns that hold the text.
 */
public final class FieldLimits {

    /** station.name, and names shown with a station. */
    public static final int NAME = 100;
    public static final int ADDRESS = 300;
    public static final int HOST_ORGANISATION = 200;
    public static final int DISTRICT = 60;
    public static final int PHONE = 30;
    public static final int PHOTOS = 20;
    public static final int PHOTO_URL = 500;
    public static final int LISTED_IN = 10;
    /** A status reason, an amenity note. */
    public static final int REASON = 300;
    /** A token subject: who changed, answered, recorded or took something. */
    public static final int SUBJECT = 100;
    /** A code of an enumeration or of another service (activity type, organiser, change kind). */
    public static final int CODE = 40;
    /** A label in Chinese or English that the service writes itself (criterion names, messages). */
    public static final int LABEL = 200;
    /** A formula or explanation the service writes itself. */
    public static final int EXPLANATION = 500;
    /** Free text: descriptions, resolutions, answers, summaries. */
    public static final int TEXT = 1000;
    /** A rating's comment, an inspection finding, a confirmation note. */
    public static final int COMMENT = 500;
    /** An award title. */
    public static final int TITLE = 100;
    /** Opening hours as text (weekly, a season, an exception's hours). */
    public static final int HOURS_TEXT = 500;
    public static final int SEASONS = 20;
    public static final int EXCEPTIONS = 100;
    /** Organisers of one activity. */
    public static final int ORGANISERS = 20;
    /** Answers to one complaint, items of one inspection, lines of one list that is not paged. */
    public static final int LIST = 200;
    /** Years as they are written (four digits). */
    public static final int YEAR_MIN = 1;
    public static final int YEAR_MAX = 9999;
    public static final String YEAR_FIRST = "" + YEAR_MIN;
    public static final String YEAR_LAST = "" + YEAR_MAX;
    /** Counts and sums of anything. */
    public static final String COUNT_MAX = "2147483647";
    public static final String SUM_MAX = "9223372036854775807";

    private FieldLimits() {
    }
}
