package org.yizhan.kit.privacy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MasksTest {

    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertEquals("138****5678", Masks.phone("13812345678"));
        assertEquals("138****5678", Masks.phone("138-1234-5678"));
        assertEquals("01*******78", Masks.phone("010-8888-78"));
        assertNull(Masks.phone(null));
    }

    @Test
    void namesKeepTheFamilyName() {
        assertEquals("张*", Masks.name("张三"));
        assertEquals("欧**", Masks.name("欧阳修"));
        assertEquals("L**", Masks.name(" Lee "));
        assertEquals("𠀀*", Masks.name("𠀀三"));
    }

    @Test
    void idsKeepTheirEnds() {
        assertEquals("ri****01", Masks.id("rider001"));
        assertEquals("******", Masks.id("abcdef"));
        assertEquals("11**************34", Masks.id("110101199003071234"));
    }
}
