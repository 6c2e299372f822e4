package org.yizhan.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} support for create operations. Within the transaction that creates the
 * resource, {@link #claim} either reserves the key (the caller creates, then calls
 * {@link #complete}) or returns the id the first request created. A concurrent retry waits on the
 * reservation's row lock until the first transaction ends.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The header clients send. */
    public static final String HEADER = "Idempotency-Key";

    /** The longest key, and the characters a key may have (for the OpenAPI documents of the header). */
    public static final int MAX_LENGTH = 100;
    public static final String PATTERN = "^[A-Za-z0-9._:-]+$";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private final EntityManager em;
    private final ObjectMapper json;

    public IdempotencyKeys(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = fingerprintMapper(json);
    }

    /**
     * Reserves {@code key} for {@code request} in {@code scope} (an operation and the caller).
     *
     * @return the id of the resource a previous request with this key created, or empty if this
     *         request is the first and must create it
     * @throws ProblemException 422 if the key was used before with a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(String scope, String key, Object request) {
        requireValid(key);
        String hash = hash(request);
        int inserted = em.createNativeQuery("insert into idempotency_key (scope, idem_key, request_hash)"
                        + " values (:scope, :key, :hash) on conflict do nothing")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("select request_hash, resource_id from idempotency_key"
                        + " where scope = :scope and idem_key = :key")
                .setParameter("scope", scope).setParameter("key", key).getSingleResult();
        if (!hash.equals(row[0])) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "该 Idempotency-Key 已用于另一个请求", "This Idempotency-Key was used for a different request",
                    List.of(new Problem.FieldError(HEADER, "请为新请求使用新的键 / use a new key for a new request")));
        }
        return Optional.ofNullable((String) row[1]);
    }

    /** Records the id of the resource created under {@code key}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, String resourceId) {
        em.createNativeQuery("update idempotency_key set resource_id = :id where scope = :scope and idem_key = :key")
                .setParameter("id", resourceId).setParameter("scope", scope).setParameter("key", key)
                .executeUpdate();
    }

    private static void requireValid(String key) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER,
                            "1–100 个字符：字母、数字、. _ : - / 1 to 100 characters: letters, digits, . _ : -");
        }
    }

    private String hash(Object request) {
        return fingerprint(json, request);
    }

    /**
     * How requests are fingerprinted: properties in alphabetical order and empty values left out,
     * so that a field added to a request type in a later version does not make a retry of an
     * older request look like a different one.
     */
    static ObjectMapper fingerprintMapper(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        mapper.configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
        mapper.setDefaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY);
        return mapper;
    }

    static String fingerprint(ObjectMapper mapper, Object request) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
