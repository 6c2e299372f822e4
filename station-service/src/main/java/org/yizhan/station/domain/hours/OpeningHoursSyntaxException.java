package org.yizhan.station.domain.hours;

/** A syntax error in the text form of opening hours, with the 0-based index where it was found. */
public class OpeningHoursSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final int index;

    public OpeningHoursSyntaxException(String reason, String input, int index) {
        super(reason + " at index " + index + " of \"" + input + "\"");
        this.input = input;
        this.index = index;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }

    /** 0-based index into {@link #input()} of the first character that could not be understood. */
    public int index() {
        return index;
    }
}
