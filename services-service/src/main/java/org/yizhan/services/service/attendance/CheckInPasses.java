package org.yizhan.services.service.attendance;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.yizhan.kit.privacy.Pseudonyms;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time check-in passes: compact JWS tokens (HS256) that a worker's app shows as a QR code and
 * an organiser's device scans, online or offline. The key is derived from the pseudonym key
 * ({@link Pseudonyms#derivedKey}), so there is no second secret to configure. A pass names the
 * activity, the worker's pseudonym, a random pass id and an expiry; it is stateless until
 * scanned, and the attendance table makes it count once.
 */
@ApplicationScoped
public class CheckInPasses {

    /** The purpose the signing key is derived for; changing it invalidates every pass out there. */
    static final String KEY_PURPOSE = "yizhan check-in pass v1";
    static final String ACTIVITY_CLAIM = "act";
    static final String PARTICIPANT_CLAIM = "ptc";
    private static final String TYPE = "yizhan-check-in+jwt";

    /** A pass as issued or as read back. */
    public record Pass(String token, String passId, UUID activityId, String participant, Instant expiresAt) {
    }

    private final Pseudonyms pseudonyms;
    private final SecureRandom random = new SecureRandom();

    public CheckInPasses(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** A new pass for {@code participant} at {@code activityId}, valid until {@code expiresAt}. */
    public Pass issue(UUID activityId, String participant, Instant issuedAt, Instant expiresAt) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String passId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        JwtClaims claims = new JwtClaims();
        claims.setJwtId(passId);
        claims.setClaim(ACTIVITY_CLAIM, activityId.toString());
        claims.setClaim(PARTICIPANT_CLAIM, participant);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", TYPE);
        jws.setKey(key());
        try {
            return new Pass(jws.getCompactSerialization(), passId, activityId, participant,
                    Instant.ofEpochSecond(expiresAt.getEpochSecond()));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a check-in pass", e);
        }
    }

    /**
     * The pass {@code token} stands for, if it is well formed and carries our signature. Expiry is
     * not checked here: a pass scanned in time may be uploaded much later.
     */
    public Optional<Pass> read(String token) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.HMAC_SHA256));
            jws.setCompactSerialization(token);
            jws.setKey(key());
            if (!jws.verifySignature()) {
                return Optional.empty();
            }
            JwtClaims claims = JwtClaims.parse(jws.getPayload());
            String passId = claims.getJwtId();
            String activity = claims.getStringClaimValue(ACTIVITY_CLAIM);
            String participant = claims.getStringClaimValue(PARTICIPANT_CLAIM);
            NumericDate expiry = claims.getExpirationTime();
            if (passId == null || activity == null || participant == null || expiry == null) {
                return Optional.empty();
            }
            return Optional.of(new Pass(token, passId, UUID.fromString(activity), participant,
                    Instant.ofEpochSecond(expiry.getValue())));
        } catch (JoseException | org.jose4j.jwt.consumer.InvalidJwtException | MalformedClaimException
                 | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private HmacKey key() {
        return new HmacKey(pseudonyms.derivedKey(KEY_PURPOSE));
    }
}
