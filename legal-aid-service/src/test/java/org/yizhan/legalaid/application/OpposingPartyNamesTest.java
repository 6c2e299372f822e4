package org.yizhan.legalaid.application;

import org.junit.jupiter.api.Test;
import org.yizhan.legalaid.domain.application.CreditCodes;
import org.yizhan.legalaid.domain.application.OpposingPartyNames;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Spellings of one employer meet under one key; a credit code is checked by its check character. */
class OpposingPartyNamesTest {

    @Test
    void spacingFullWidthAndTheCompanyTypeSuffixDoNotMakeAnotherParty() {
        String key = OpposingPartyNames.key("北京速达配送科技有限公司");
        for (String spelling : List.of("北京 速达配送科技 有限公司", "北京速达配送科技有限责任公司", "北京速达配送科技股份有限公司",
                "北京速达配送科技（有限公司）", "\u3000北京速达配送科技有限公司 ", "北京速达配送科技公司", "北京速达配送科技")) {
            assertEquals(key, OpposingPartyNames.key(spelling), spelling);
        }
        assertEquals("北京速达配送科技", key);
        assertEquals(OpposingPartyNames.key("ＡＢＣ Ｌｏｇｉｓｔｉｃｓ Ｃｏ．，Ｌｔｄ．"), OpposingPartyNames.key("abc logistics co., ltd."));
        assertEquals("ABCLOGISTICS", OpposingPartyNames.key("ABC Logistics Co., Ltd."));
    }

    @Test
    void differentNamesStayApart() {
        assertNotEquals(OpposingPartyNames.key("北京速达配送科技有限公司"), OpposingPartyNames.key("北京速达快递有限公司"));
        assertEquals("有限", OpposingPartyNames.key("有限公司"), "a name is never emptied");
        assertEquals("公司", OpposingPartyNames.key("公司"));
    }

    @Test
    void aCreditCodeIsNormalisedAndItsCheckCharacterVerified() {
        assertEquals(Optional.of("91350100M000100Y43"), CreditCodes.normalise("91350100M000100Y43"));
        assertEquals(Optional.of("91110000802100433B"), CreditCodes.normalise(" ９１１１００００８０２１００４３３ｂ "));
        assertEquals(Optional.empty(), CreditCodes.normalise("91110000802100433C"), "wrong check character");
        assertEquals(Optional.empty(), CreditCodes.normalise("9111000080210043"), "too short");
        assertEquals(Optional.empty(), CreditCodes.normalise("91110000802100I33B"), "I is not in the alphabet");
    }
}
