package org.yizhan.station.service.feedback;

/**
 * Cleans free text from workers before it is stored and shown to others: line breaks are kept
 * (at most one blank line in a row), tabs become spaces, other control characters, invisible
 * direction overrides, zero-width characters and unpaired surrogates are dropped, and the result
 * is trimmed. Text that is empty afterwards counts as absent.
 */
public final class FeedbackText {

    private FeedbackText() {
    }

    /** The cleaned text, or {@code null} if nothing visible is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                if (++newlines <= 2) {
                    out.append('\n');
                }
                continue;
            }
            if (cp == '\t') {
                cp = ' ';
            }
            if (dropped(cp)) {
                continue;
            }
            if (!Character.isWhitespace(cp)) {
                newlines = 0;
            }
            out.appendCodePoint(cp);
        }
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static boolean dropped(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.SURROGATE) {
            return true;
        }
        // Direction marks and overrides, zero-width space, word joiner, byte order mark. The
        // zero-width joiner (U+200D) stays: emoji sequences need it.
        return (cp >= 0x200B && cp <= 0x200C) || (cp >= 0x200E && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069)
                || cp == 0x061C || cp == 0xFEFF;
    }
}
