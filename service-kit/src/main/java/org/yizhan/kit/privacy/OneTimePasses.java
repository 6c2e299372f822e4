package org.yizhan.kit.privacy;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time passes that a worker's app shows as a QR code and a device on site scans, online or
 * offline: compact JWS tokens (HS256) naming what the pass is for (an activity, an appointment),
 * the holder's pseudonym, a random pass id and an expiry. The signing key is derived from the
 * pseudonym key ({@link Pseudonyms#derivedKey}) for one purpose, so there is no second secret to
 * configure and a pass of one kind is never accepted as another. A pass is stateless until
 * scanned: the service's own table makes it count once.
 *
 * <p>A service declares its kind of pass as a subclass that is a CDI bean, e.g.
 * {@code @Singleton class CheckInPasses extends OneTimePasses} (a singleton: the class has no
 * no-argument constructor to proxy).
 */
public abstract class OneTimePasses {

    /** What a kind of pass is: its key purpose, JOSE type and the names of its two claims. */
    public record Kind(String keyPurpose, String type, String forClaim, String holderClaim) {
    }

    /** A pass as issued or as read back: {@code forId} is what it admits to, {@code holder} whom. */
    public record Pass(String token, String passId, UUID forId, String holder, Instant expiresAt) {
    }

    private final Pseudonyms pseudonyms;
    private final Kind kind;
    private final SecureRandom random = new SecureRandom();

    protected OneTimePasses(Pseudonyms pseudonyms, Kind kind) {
        this.pseudonyms = pseudonyms;
        this.kind = kind;
    }

    /** A new pass for {@code holder} to {@code forId}, valid until {@code expiresAt} (whole seconds). */
    public Pass issue(UUID forId, String holder, Instant issuedAt, Instant expiresAt) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String passId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        JwtClaims claims = new JwtClaims();
        claims.setJwtId(passId);
        claims.setClaim(kind.forClaim(), forId.toString());
        claims.setClaim(kind.holderClaim(), holder);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", kind.type());
        jws.setKey(key());
        try {
            return new Pass(jws.getCompactSerialization(), passId, forId, holder,
                    Instant.ofEpochSecond(expiresAt.getEpochSecond()));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a pass", e);
        }
    }

    /**
     * The pass {@code token} stands for, if it is well formed, of this kind and carries our
     * signature. Expiry is not checked here: a pass scanned in time may be uploaded much later.
     */
    public Optional<Pass> read(String token) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.HMAC_SHA256));
            jws.setCompactSerialization(token);
            jws.setKey(key());
            if (!jws.verifySignature() || !kind.type().equals(jws.getHeader("typ"))) {
                return Optional.empty();
            }
            JwtClaims claims = JwtClaims.parse(jws.getPayload());
            String passId = claims.getJwtId();
            String forId = claims.getStringClaimValue(kind.forClaim());
            String holder = claims.getStringClaimValue(kind.holderClaim());
            NumericDate expiry = claims.getExpirationTime();
            if (passId == null || forId == null || holder == null || expiry == null) {
                return Optional.empty();
            }
            return Optional.of(new Pass(token, passId, UUID.fromString(forId), holder,
                    Instant.ofEpochSecond(expiry.getValue())));
        } catch (JoseException | InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private HmacKey key() {
        return new HmacKey(pseudonyms.derivedKey(kind.keyPurpose()));
    }
}
