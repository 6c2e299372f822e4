package org.yizhan.kit.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts identifying fields (names, phone numbers, platform ids, case facts) before they reach
 * the database, with Google Tink: AES-256-GCM for fields that are only read back, and AES-256-SIV
 * (deterministic: the same value gives the same ciphertext) for fields that must also be looked up
 * by equality. Each ciphertext is bound to its field by the associated data, so a value copied
 * into another column does not decrypt. Values are stored as base64 text.
 *
 * <p>Keys are Tink JSON keysets from configuration: {@code yizhan.field-encryption.keyset}
 * ({@code YIZHAN_FIELD_ENCRYPTION_KEYSET}, AES256_GCM) and {@code yizhan.field-encryption.lookup-keyset}
 * ({@code YIZHAN_FIELD_ENCRYPTION_LOOKUP_KEYSET}, AES256_SIV). A keyset may hold several keys: new
 * values use the primary one and old values still decrypt, which is how keys are rotated. In dev
 * and test mode built-in keysets stand in when none is configured; in production a missing keyset
 * makes every operation that stores personal data answer 503 rather than store it in the clear
 * (and is logged once, when the bean is first used).
 * Neither plaintexts nor keys are ever logged.
 */
@ApplicationScoped
public class FieldCipher {

    /** Configuration property of the AES-256-GCM keyset. */
    public static final String KEYSET_PROPERTY = "yizhan.field-encryption.keyset";
    /** Configuration property of the AES-256-SIV keyset for fields that are looked up. */
    public static final String LOOKUP_KEYSET_PROPERTY = "yizhan.field-encryption.lookup-keyset";

    private static final Logger LOG = Logger.getLogger(FieldCipher.class);
    private static final String DEV_KEYSET = "{\"primaryKeyId\":2684587393,\"key\":[{\"keyData\":{\"typeUrl\":"
            + "\"type.googleapis.com/google.crypto.tink.AesGcmKey\",\"value\":"
            + "\"GiAnTclvgllwqaaDB8n7VaYescPQIs26mk0lwoXYowOMXA==\",\"keyMaterialType\":\"SYMMETRIC\"},"
            + "\"status\":\"ENABLED\",\"keyId\":2684587393,\"outputPrefixType\":\"TINK\"}]}";
    private static final String DEV_LOOKUP_KEYSET = "{\"primaryKeyId\":739328282,\"key\":[{\"keyData\":{\"typeUrl\":"
            + "\"type.googleapis.com/google.crypto.tink.AesSivKey\",\"value\":"
            + "\"EkDxbtnb4ou/DkE/Uz3sVb/b8XtfaOhBQiRJPV80YhyDOjbW1Q7NJBeE4LZjFQ1LE035VN4CNsFy0QR1fcx+coyZ\","
            + "\"keyMaterialType\":\"SYMMETRIC\"},\"status\":\"ENABLED\",\"keyId\":739328282,\"outputPrefixType\":\"TINK\"}]}";

    @ConfigProperty(name = KEYSET_PROPERTY)
    Optional<String> keyset;

    @ConfigProperty(name = LOOKUP_KEYSET_PROPERTY)
    Optional<String> lookupKeyset;

    private Aead aead;
    private DeterministicAead lookup;

    @PostConstruct
    void init() {
        boolean devKeys = LaunchMode.current() != LaunchMode.NORMAL;
        try {
            AeadConfig.register();
            DeterministicAeadConfig.register();
            aead = primitive(keyset, devKeys ? DEV_KEYSET : null, Aead.class, KEYSET_PROPERTY);
            lookup = primitive(lookupKeyset, devKeys ? DEV_LOOKUP_KEYSET : null, DeterministicAead.class,
                    LOOKUP_KEYSET_PROPERTY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot be initialised", e);
        }
    }

    private static <P> P primitive(Optional<String> configured, String devKeyset, Class<P> type, String property) {
        String json = configured.map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
        if (json == null && devKeyset != null) {
            LOG.warnf("%s is not set; using the built-in keyset of dev and test mode", property);
            json = devKeyset;
        }
        if (json == null) {
            LOG.errorf("%s is not set: functions that store personal data are unavailable until it is", property);
            return null;
        }
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), type);
        } catch (GeneralSecurityException | RuntimeException e) {
            // The keyset itself is secret: name the property, never its value.
            LOG.errorf("%s is not a valid Tink keyset for %s", property, type.getSimpleName());
            return null;
        }
    }

    /** Whether both keysets are usable (always in dev and test mode). */
    public boolean isConfigured() {
        return aead != null && lookup != null;
    }

    /** @throws ProblemException 503 if a keyset is missing in production */
    public void requireConfigured() {
        if (!isConfigured()) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "该功能尚未配置，请联系管理员",
                    "This function is not configured yet; please tell an administrator");
        }
    }

    /** {@code value} encrypted for {@code field} (e.g. {@code "booking.phone"}); null stays null. */
    public String encrypt(String value, String field) {
        return seal(value, field, (in, ad) -> aead.encrypt(in, ad));
    }

    /** The value {@link #encrypt} stored for {@code field}; null stays null. */
    public String decrypt(String stored, String field) {
        return open(stored, field, (in, ad) -> aead.decrypt(in, ad));
    }

    /**
     * {@code value} encrypted deterministically for {@code field}: equal values give equal
     * ciphertexts, so a column of them can be searched with {@code = lookup(value, field)}.
     * Normalise the value first (case, spaces) where equal values may be spelt differently.
     */
    public String lookup(String value, String field) {
        return seal(value, field, (in, ad) -> lookup.encryptDeterministically(in, ad));
    }

    /** The value {@link #lookup} stored for {@code field}; null stays null. */
    public String decryptLookup(String stored, String field) {
        return open(stored, field, (in, ad) -> lookup.decryptDeterministically(in, ad));
    }

    /** One Tink primitive's operation (read when called: a missing keyset is a 503, not a crash). */
    @FunctionalInterface
    private interface Primitive {
        byte[] apply(byte[] input, byte[] associatedData) throws GeneralSecurityException;
    }

    private String seal(String value, String field, Primitive encryption) {
        if (value == null) {
            return null;
        }
        requireConfigured();
        try {
            return encode(encryption.apply(bytes(value), bytes(field)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed for " + field, e);
        }
    }

    private String open(String stored, String field, Primitive decryption) {
        if (stored == null) {
            return null;
        }
        requireConfigured();
        try {
            return new String(decryption.apply(decode(stored), bytes(field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored " + field + " does not decrypt", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String text) {
        return Base64.getDecoder().decode(text);
    }
}
