package org.yizhan.kit.privacy;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a token subject into the pseudonymous id stored in place of the worker:
 * {@code base64url(HMAC-SHA256(key, subject))}, 43 characters. The same subject always gives the
 * same id (so that distinct people can be counted), the id cannot
 * be turned back into the subject without the key, and the subject itself is never stored or
 * logged.
 *
 * <p>The key is {@code yizhan.pseudonym-key} ({@code YIZHAN_PSEUDONYM_KEY}) (at least 32 characters). In dev and test
 * mode a fixed built-in key is used when none is configured, with a warning; in production a
 * missing or short key makes every operation that stores a worker answer 503 (and is logged at start) rather
 * than silently storing ids made with a publicly known key. Each service has its own key, so ids
 * cannot be joined across services. Changing the key starts new ids for
 * everybody: records before and after no longer match up.
 */
@ApplicationScoped
public class Pseudonyms {

    /** The configuration property of the key. */
    public static final String KEY_PROPERTY = "yizhan.pseudonym-key";

    static final int MIN_KEY_LENGTH = 32;
    private static final String DEV_KEY = "yizhan-dev-and-test-only-pseudonym-key-000000001";
    private static final Logger LOG = Logger.getLogger(Pseudonyms.class);

    @ConfigProperty(name = KEY_PROPERTY)
    Optional<String> configuredKey;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        String value = configuredKey.map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
        if (value != null && value.length() >= MIN_KEY_LENGTH) {
            key = new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        } else if (LaunchMode.current() != LaunchMode.NORMAL) {
            LOG.warnf("%s is %s; using the built-in key of dev and test mode", KEY_PROPERTY,
                    value == null ? "not set" : "shorter than " + MIN_KEY_LENGTH + " characters");
            key = new SecretKeySpec(DEV_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        } else {
            LOG.errorf("%s is %s: functions that store workers are unavailable until it is configured", KEY_PROPERTY,
                    value == null ? "not set" : "shorter than " + MIN_KEY_LENGTH + " characters");
        }
    }

    /** Resolves the key at start, so that a missing key is reported before the first use. */
    void onStart(@Observes StartupEvent event) {
        isConfigured();
    }

    /** Whether pseudonyms can be made (always in dev and test mode). */
    public boolean isConfigured() {
        return key != null;
    }

    /** @throws ProblemException 503 if no key is configured in production */
    public void requireConfigured() {
        if (key == null) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "该功能尚未配置，请联系管理员",
                    "This function is not configured yet; please tell an administrator");
        }
    }

    /**
     * A 32-byte key for {@code purpose} derived from the pseudonym key, so that a service can sign
     * its own tokens (check-in passes, say) without a second secret to configure. The input starts
     * with the byte 0xFF, which no UTF-8 text contains, so no subject's pseudonym can ever equal a
     * derived key.
     *
     * @throws ProblemException 503 if no key is configured in production
     */
    public byte[] derivedKey(String purpose) {
        requireConfigured();
        byte[] text = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[text.length + 1];
        input[0] = (byte) 0xFF;
        System.arraycopy(text, 0, input, 1, text.length);
        return hmac(input);
    }

    /**
     * The pseudonymous id of {@code subject}.
     *
     * @throws ProblemException 503 if no key is configured in production
     */
    public String of(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("no subject");
        }
        requireConfigured();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(subject.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] hmac(byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
