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
import java.util.Set;

/**
 * The RS256 key pair of a local run or a test JVM, and the tokens it signs.
 *
 * <p>Production verifies tokens of a real OIDC provider (issuer and public key or JWKS URL from
 * configuration); locally the stack is its own issuer so that anybody can try every role.
 */
public final class DevKeys {

    /** Issuer ({@code iss}) of every locally minted token; services verify it. */
    public static final String ISSUER = "https://yizhan.local/issuer";

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
        JwtClaims claims = new JwtClaims();
        if (organisation != null) {
            claims.setClaim("org", organisation);
        }
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.copyOf(Set.copyOf(roles)));
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(ttl.toSeconds());
        claims.setExpirationTime(expiry);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setKeyIdHeaderValue("yizhan-local");
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** Signs a bearer token valid for one hour. */
    public String mint(String subject, String... roles) {
        return mint(subject, Set.of(roles), Duration.ofHours(1));
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
