package org.yizhan.legalaid.domain.application;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of an organisation: 18 characters
 * from {@value #ALPHABET}, the last a check character over the first 17 (weights 3^i mod 31).
 */
public final class CreditCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** The code written the standard way (half-width, upper-case, no spaces), if it is a valid one. */
    public static Optional<String> normalise(String text) {
        String code = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (code.length() != 18) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == ALPHABET.charAt(check) ? Optional.of(code) : Optional.empty();
    }
}
