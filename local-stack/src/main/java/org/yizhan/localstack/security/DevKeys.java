package org.yizhan.localstack.security;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RS256 key pair of a local run or a test JVM, and the tokens it signs.
 *
 * <p>Production verifies tokens of a real OIDC provider (issuer and public key or JWKS URL from
 * configuration); locally the stack is its own issuer so that anybody can try every role.
 */
public final class DevKeys {

    /**
     * Issuer ({@code iss}) of every locally minted token. The services and the gateway refuse it
     * unless {@code yizhan.security.local-tokens} is on (tests, dev mode, the local run).
     */
    public static final String ISSUER = "https://yizhan.local/issuer";

    /** Audience ({@code aud}) of every locally minted token: the Yizhan API. */
    public static final String AUDIENCE = "yizhan";

    /** Key id ({@code kid}) in the header of every locally minted token; refused like the issuer. */
    public static final String KEY_ID = "yizhan-local";

    /** The longest lifetime (exp − iat) a token may have; the services' default cap. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(12);

    private static final String PRIVATE_FILE = "jwt-private.pem";
    private static final String PUBLIC_FILE = "jwt-public.pem";

    private final PrivateKey privateKey;
    private final Path publicKeyPem;

    private DevKeys(PrivateKey privateKey, Path publicKeyPem) {
        this.privateKey = privateKey;
        this.publicKeyPem = publicKeyPem;
    }

    /** Loads the key pair kept in {@code dir}, generating and storing it on first use. */
    public static DevKeys loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privatePem = dir.resolve(PRIVATE_FILE);
            Path publicPem = dir.resolve(PUBLIC_FILE);
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                byte[] der = fromPem(Files.readString(privatePem));
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                return new DevKeys(key, publicPem);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicPem, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privatePem, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            privatePem.toFile().setReadable(false, false);
            privatePem.toFile().setReadable(true, true);
            return new DevKeys(pair.getPrivate(), publicPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** PEM file of the public key, for {@code mp.jwt.verify.publickey.location}. */
    public Path publicKeyPem() {
        return publicKeyPem;
    }

    /** The public key itself. */
    public PublicKey publicKey() {
        try {
            byte[] der = fromPem(Files.readString(publicKeyPem));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs a bearer token for {@code subject} with the given roles ({@code groups} claim). */
    public String mint(String subject, Collection<String> roles, Duration ttl) {
        return mint(subject, roles, ttl, null);
    }

    /**
     * Signs a bearer token as above; {@code organisation}, if not null, goes into the {@code org}
     * claim that partner systems carry (the partner department they act for).
     */
    public String mint(String subject, Collection<String> roles, Duration ttl, String organisation) {
        JwtClaims claims = claims(subject, roles, ttl);
        if (organisation != null) {
            claims.setClaim("org", organisation);
        }
        return sign(claims);
    }

    /** Signs a bearer token valid for one hour. */
    public String mint(String subject, String... roles) {
        return mint(subject, Set.of(roles), Duration.ofHours(1));
    }

    /**
     * The claims of a token as this class mints it: issuer, audience, subject, roles, id, issued
     * at and expiry. A negative {@code ttl} gives a token that expired that long ago, issued an
     * hour before it expired.
     *
     * @throws IllegalArgumentException if {@code ttl} is longer than {@link #MAX_LIFETIME}
     */
    public static JwtClaims claims(String subject, Collection<String> roles, Duration ttl) {
        if (ttl.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token may live at most " + MAX_LIFETIME.toHours()
                    + " hours; the services refuse longer-lived tokens");
        }
        long now = NumericDate.now().getValue();
        long expiry = now + ttl.toSeconds();
        long issuedAt = ttl.isNegative() ? expiry - Duration.ofHours(1).toSeconds() : now;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.copyOf(Set.copyOf(roles)));
        claims.setGeneratedJwtId();
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(NumericDate.fromSeconds(expiry));
        return claims;
    }

    /** Signs {@code claims} as they are, with the local key id; tests use it for unusual tokens. */
    public String sign(JwtClaims claims) {
        return sign(claims, KEY_ID);
    }

    /** Signs {@code claims} as they are, naming {@code keyId} in the header. */
    public String sign(JwtClaims claims, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /**
     * The environment that makes a packaged service or the gateway trust this key pair's tokens:
     * key, issuer and audience, and the switch that lets them accept the local run's issuer.
     */
    public Map<String, String> trustingEnvironment() {
        return Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyPem.toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", ISSUER,
                "MP_JWT_VERIFY_AUDIENCES", AUDIENCE,
                "YIZHAN_SECURITY_LOCAL_TOKENS", "true");
    }

    private static String toPem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] fromPem(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
