package org.yizhan.kit.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.problem.ProblemException;

import java.security.GeneralSecurityException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldCipherTest {

    private static KeysetHandle gcm;
    private static KeysetHandle siv;

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        AeadConfig.register();
        DeterministicAeadConfig.register();
        gcm = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        siv = KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
    }

    private static String json(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    private static FieldCipher cipher(String keyset, String lookupKeyset) {
        FieldCipher cipher = new FieldCipher();
        cipher.keyset = Optional.ofNullable(keyset);
        cipher.lookupKeyset = Optional.ofNullable(lookupKeyset);
        cipher.init();
        return cipher;
    }

    @Test
    void valuesRoundTripAndNeverAppearInTheCiphertext() throws Exception {
        FieldCipher cipher = cipher(json(gcm), json(siv));
        String stored = cipher.encrypt("张三 13812345678", "booking.contact");
        assertFalse(stored.contains("13812345678"));
        assertNotEquals(stored, cipher.encrypt("张三 13812345678", "booking.contact"), "randomised");
        assertEquals("张三 13812345678", cipher.decrypt(stored, "booking.contact"));
        assertNull(cipher.encrypt(null, "booking.contact"));
    }

    @Test
    void aCiphertextMovedToAnotherFieldDoesNotDecrypt() throws Exception {
        FieldCipher cipher = cipher(json(gcm), json(siv));
        String stored = cipher.encrypt("13812345678", "booking.phone");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "case.phone"));
        String looked = cipher.lookup("rider-1", "eligibility.rider");
        assertThrows(IllegalStateException.class, () -> cipher.decryptLookup(looked, "other.field"));
    }

    @Test
    void lookupsAreEqualForEqualValuesAndDecrypt() throws Exception {
        FieldCipher cipher = cipher(json(gcm), json(siv));
        assertEquals(cipher.lookup("meituan:rider-1", "eligibility.rider"), cipher.lookup("meituan:rider-1", "eligibility.rider"));
        assertNotEquals(cipher.lookup("meituan:rider-1", "eligibility.rider"), cipher.lookup("meituan:rider-2", "eligibility.rider"));
        assertEquals("meituan:rider-1", cipher.decryptLookup(cipher.lookup("meituan:rider-1", "eligibility.rider"),
                "eligibility.rider"));
    }

    @Test
    void aRotatedKeysetStillDecryptsOldValuesAndWritesWithTheNewKey() throws Exception {
        String old = cipher(json(gcm), json(siv)).encrypt("138", "f");
        KeysetHandle rotated = KeysetHandle.newBuilder(gcm)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        FieldCipher after = cipher(json(rotated), json(siv));
        assertEquals("138", after.decrypt(old, "f"));
        FieldCipher before = cipher(json(gcm), json(siv));
        String fresh = after.encrypt("139", "f");
        assertThrows(IllegalStateException.class, () -> before.decrypt(fresh, "f"), "written with the new primary key");
    }

    @Test
    void withoutKeysNothingIsStoredInTheClear() throws Exception {
        FieldCipher cipher = cipher(null, null);
        assertFalse(cipher.isConfigured());
        ProblemException e = assertThrows(ProblemException.class, () -> cipher.encrypt("13812345678", "f"));
        assertEquals(503, e.type().status());
        assertFalse(cipher("not a keyset", "{}").isConfigured());
        assertFalse(cipher(json(siv), json(gcm)).isConfigured(), "keysets of the wrong kind");
        assertTrue(cipher(json(gcm), json(siv)).isConfigured());
    }
}
