package org.yizhan.kit.privacy;

/**
 * How identifying values appear in lists and to people who need to recognise, not read, them:
 * a phone number as {@code 138****5678}, a name as {@code 张*} or {@code 张**}, any other id with
 * its first and last characters only.
 */
public final class Masks {

    private Masks() {
    }

    /** A mainland mobile number keeps its first 3 and last 4 digits; anything else is masked as an id. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 11) {
            return digits.substring(0, 3) + "****" + digits.substring(7);
        }
        return id(phone);
    }

    /** A name keeps its first character (the family name, for Chinese names). */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        int first = stripped.isEmpty() ? 0 : Character.charCount(stripped.codePointAt(0));
        int rest = stripped.codePointCount(first, stripped.length());
        return stripped.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /** An id keeps its first 2 and last 2 characters when it has more than 6, otherwise nothing. */
    public static String id(String id) {
        if (id == null) {
            return null;
        }
        String stripped = id.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length <= 6) {
            return "*".repeat(Math.max(1, length));
        }
        int headEnd = stripped.offsetByCodePoints(0, 2);
        int tailStart = stripped.offsetByCodePoints(0, length - 2);
        return stripped.substring(0, headEnd) + "*".repeat(length - 4) + stripped.substring(tailStart);
    }
}
