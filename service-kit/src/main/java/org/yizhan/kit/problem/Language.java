package org.yizhan.kit.problem;

import java.util.Locale;

/** The languages error messages come in: Chinese by default, English on request. */
public enum Language {
    ZH, EN;

    /** The language an {@code Accept-Language} header asks for. */
    public static Language fromAcceptLanguage(String header) {
        if (header == null) {
            return ZH;
        }
        String first = header.split(",")[0].trim().toLowerCase(Locale.ROOT);
        return first.startsWith("en") ? EN : ZH;
    }

    /** Picks the text for this language. */
    public String pick(String zh, String en) {
        return this == EN ? en : zh;
    }
}
