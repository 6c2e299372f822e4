package org.yizhan.kit.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phone and ID-card numbers are found in any common spelling; dates, counts and ordinary ids are not. */
class PersonalNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "13812345678", "138-1234-5678", "138 1234 5678", "138.1234.5678", "(138)1234-5678", "138 - 1234 - 5678",
            "１３８１２３４５６７８", "１３８－１２３４－５６７８", "138\u30001234\u30005678", "+8613812345678",
            "+86 138 1234 5678", "(+86) 138-1234-5678", "＋８６ １３８ １２３４ ５６７８", "008613812345678",
            "0086-138-1234-5678", "86-138-1234-5678", "p-13812345678", "p13812345678", "wx_138-1234-5678",
            "19912345678", "010-12345678", "(010) 8765 4321", "0755-86123456", "021.6512.3456", "+86 10 8765 4321",
            "+86-755-8612-3456", "110101199003071234", "11010119900307123X", "11010119900307123x",
            "110101 19900307 1234", "110101-19900307-123X", "110101900307123", "id-110101199003071234",
            "１１０１０１１９９００３０７１２３４", "⑬8-1234-5678", "p-⑬8①②③④⑤⑥⑦⑧"})
    void refused(String id) {
        assertTrue(PersonalNumbers.containsAny(id), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "p-0001", "P-2026-0412", "YL-2026-0412", "2026-12-12", "20261212", "2026.12.12", "2026-12-12T14:00",
            "46", "100000", "1380", "138", "p.2026.12.12", "u_1380", "v2-138123", "12345678", "6512 3456",
            "2026121400001", "batch-2026-12-12-138", "a1b2c3d4", "0001234567", "member.42.7", "20261212-001",
            "12-31-2026", "1 2 3", "x", "a1381234-5678", "6c1f6a52-8d2e-4a57-9d0b-3f7e0f1c2a11",
            "p-01381234-5678-0755-8612-345612345678", "p-07558612-3456-0755-8612-345612345678"})
    void allowed(String id) {
        assertFalse(PersonalNumbers.containsAny(id), id);
    }
}
