package org.yizhan.kit.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds mainland phone numbers (mobile, and landline with its area code, with or without +86 /
 * 0086) and resident ID-card numbers in an identifier, however they are spelled: with spaces,
 * dashes, dots or parentheses between groups of digits, in full-width characters, or inside a
 * longer id ({@code p-138-1234-5678}). Whole groups of digits only are put together, so dates
 * ({@code 2026-12-12}, {@code 20261212}) and counts are not taken for numbers of people; groups are
 * put together only where the number stands apart from letters, and UUIDs are left out, so that
 * hexadecimal ids are not either. A local number without its area code cannot be told from a
 * count and is not found.
 */
public final class PersonalNumbers {

    /** A group of digits; an ID-card number may end in X. */
    private static final Pattern GROUP = Pattern.compile("\\d+(?:[Xx](?![A-Za-z]))?");
    /** What may stand between the groups of one number. */
    private static final Pattern JOIN = Pattern.compile("[\\s\\-.()+\\u00B7\\u2010-\\u2015]{1,3}");
    private static final Pattern MOBILE = Pattern.compile("(?:86|0086)?1[3-9]\\d{9}");
    /** An area code (0 and 2 or 3 digits; after +86 the 0 may go) and a 7- or 8-digit local number. */
    private static final Pattern LANDLINE = Pattern.compile("(?:(?:86|0086)0?|0)[1-9]\\d{1,2}[1-9]\\d{6,7}");
    private static final Pattern ID_CARD = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Digits of the shortest number looked for: a landline, 0 + a 2-digit area code + 7 digits. */
    private static final int SHORTEST = 10;
    /** Longer than any number looked for, with its prefix. */
    private static final int LONGEST = 20;

    private PersonalNumbers() {
    }

    /** Whether {@code text} contains a phone or ID-card number in any common spelling. */
    public static boolean containsAny(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        // NFKC turns full-width digits, plus signs, parentheses and spaces into their ASCII forms.
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (asciiDigits(normal) < SHORTEST) {
            return false; // most titles and ids: too few digits for any number, no pattern to try
        }
        String s = UUID.matcher(normal).replaceAll(" ");
        Matcher group = GROUP.matcher(s);
        List<Group> run = new ArrayList<>();
        int end = -1;
        while (group.find()) {
            if (!run.isEmpty() && !JOIN.matcher(s.substring(end, group.start())).matches()) {
                if (anyNumber(run)) {
                    return true;
                }
                run.clear();
            }
            run.add(new Group(group.group(), letterAt(s, group.start() - 1), letterAt(s, group.end())));
            end = group.end();
        }
        return anyNumber(run);
    }

    private static int asciiDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                n++;
            }
        }
        return n;
    }

    /** Digits and whether a letter touches them before or after. */
    private record Group(String digits, boolean letterBefore, boolean letterAfter) {
    }

    private static boolean letterAt(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetter(s.charAt(i));
    }

    /**
     * Whether some consecutive groups of one run spell a number: one group on its own, or several
     * that no letter touches at either end (in {@code a1381234-5678} the digits belong to a word).
     */
    private static boolean anyNumber(List<Group> run) {
        for (int i = 0; i < run.size(); i++) {
            StringBuilder digits = new StringBuilder();
            for (int j = i; j < run.size() && digits.length() <= LONGEST; j++) {
                digits.append(run.get(j).digits());
                boolean apart = i == j || !run.get(i).letterBefore() && !run.get(j).letterAfter();
                if (apart && isNumber(digits.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNumber(String digits) {
        if (ID_CARD.matcher(digits).matches()) {
            return true;
        }
        String plain = digits.endsWith("X") || digits.endsWith("x") ? digits.substring(0, digits.length() - 1) : digits;
        return MOBILE.matcher(plain).matches() || LANDLINE.matcher(plain).matches();
    }
}
