package org.yizhan.localstack.run;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.daead.DeterministicAeadConfig;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets of the local run, created once and kept in its data folder. */
public final class Secrets {

    private Secrets() {
    }

    /** The secret in {@code file}, creating 32 random bytes (base64url) there on first use. */
    public static String loadOrCreate(Path file) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return loadOrWrite(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * The Tink keyset (JSON) in {@code file}, creating one of {@code template} there on first use,
     * e.g. {@code AES256_GCM} or {@code AES256_SIV}: the keys of the local run's field encryption.
     */
    public static String keysetOrCreate(Path file, String template) {
        if (Files.exists(file)) {
            return loadOrWrite(file, null);
        }
        return loadOrWrite(file, newKeyset(template));
    }

    /**
     * A new Tink keyset (JSON) of {@code template}: {@code AES256_GCM} for
     * {@code YIZHAN_FIELD_ENCRYPTION_KEYSET}, {@code AES256_SIV} for
     * {@code YIZHAN_FIELD_ENCRYPTION_LOOKUP_KEYSET} ({@code ./yizhan keyset TEMPLATE}).
     *
     * @throws IllegalArgumentException for another template
     */
    public static String newKeyset(String template) {
        if (!"AES256_GCM".equals(template) && !"AES256_SIV".equals(template)) {
            throw new IllegalArgumentException("the template is AES256_GCM or AES256_SIV");
        }
        try {
            AeadConfig.register();
            DeterministicAeadConfig.register();
            KeysetHandle keyset = KeysetHandle.generateNew(KeyTemplates.get(template));
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()).strip();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a " + template + " keyset", e);
        }
    }

    private static String loadOrWrite(Path file, String secret) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
