package org.yizhan.localstack.run;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretsTest {

    @Test
    void newKeysetsAreUsableTinkKeysetsOfTheirTemplate() throws Exception {
        String gcm = Secrets.newKeyset("AES256_GCM");
        assertNotEquals(gcm, Secrets.newKeyset("AES256_GCM"), "random keys");
        Aead aead = TinkJsonProtoKeysetFormat.parseKeyset(gcm, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] text = "张三".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text, aead.decrypt(aead.encrypt(text, new byte[0]), new byte[0]));

        KeysetHandle siv = TinkJsonProtoKeysetFormat.parseKeyset(Secrets.newKeyset("AES256_SIV"),
                InsecureSecretKeyAccess.get());
        DeterministicAead daead = siv.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        assertArrayEquals(daead.encryptDeterministically(text, new byte[0]),
                daead.encryptDeterministically(text, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Secrets.newKeyset("AES128_CTR_HMAC_SHA256"));
    }

    @Test
    void aKeysetOfTheLocalRunIsCreatedOnceAndKept(@TempDir Path dir) {
        String first = Secrets.keysetOrCreate(dir.resolve("keys/fields.json"), "AES256_GCM");
        assertEquals(first, Secrets.keysetOrCreate(dir.resolve("keys/fields.json"), "AES256_GCM"));
    }
}
