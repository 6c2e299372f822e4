package org.yizhan.legalaid.domain.application;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The key under which two spellings of the same employer or platform meet: full-width characters
 * made half-width (NFKC), every kind of space removed, latin letters upper-case, and the
 * company-type suffix taken off (有限公司, 有限责任公司, 股份有限公司, Co., Ltd. and the like), so that
 * "北京 某某科技有限责任公司" and "北京某某科技（有限公司）" are the same party to the duplicate and
 * conflict check. The key is for matching only; the name is shown as it was written.
 */
public final class OpposingPartyNames {

    /** Longest first, so that 股份有限公司 is not read as 有限公司 after 股份. */
    private static final List<String> SUFFIXES = List.of("股份有限公司", "有限责任公司", "集团有限公司", "(有限合伙)",
            "有限合伙", "普通合伙", "有限公司", "集团公司", "分公司", "公司", "CO.,LTD.", "CO.,LTD", "CO.LTD.", "CO.LTD",
            "COMPANYLIMITED", "CO.,LIMITED", "LIMITED", "LTD.", "LTD", "INC.", "INC");

    private OpposingPartyNames() {
    }

    /** The matching key of a name; empty when nothing is left. */
    public static String key(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Z}\u200B\uFEFF]+", "");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (text.length() > suffix.length() && text.endsWith(suffix)) {
                    text = text.substring(0, text.length() - suffix.length());
                    stripped = true;
                    break;
                }
            }
            // "(有限公司)" and a trailing comma or dot left by an English suffix.
            String trimmed = text.replaceAll("[(),.·]+$", "");
            if (!trimmed.equals(text) && !trimmed.isEmpty()) {
                text = trimmed;
                stripped = true;
            }
        }
        return text;
    }
}
