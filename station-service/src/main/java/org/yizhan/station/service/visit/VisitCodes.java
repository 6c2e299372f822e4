package org.yizhan.station.service.visit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.station.domain.visit.VisitCode;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks the rotating visit codes of {@link VisitCode}, keeping each station's secret in
 * {@code station_visit_secret}. A secret is created with {@link SecureRandom} when the station
 * first asks for a code; concurrent first requests (also on several instances) agree on the one
 * that was stored first. Secrets never change, so they are cached.
 */
@ApplicationScoped
public class VisitCodes {

    /** A code and when it is valid. */
    public record IssuedCode(String code, Instant validFrom, Instant validUntil, long refreshAfterSeconds) {
    }

    private final EntityManager em;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, byte[]> secrets = new ConcurrentHashMap<>();

    public VisitCodes(EntityManager em) {
        this.em = em;
    }

    /**
     * The current code of {@code stationId} at {@code now}: valid from the start of its window until
     * the end of the grace; a newer code is out {@code refreshAfterSeconds} from now.
     */
    @Transactional
    public IssuedCode issue(UUID stationId, Instant now) {
        long window = VisitCode.windowOf(now);
        Instant from = VisitCode.startOf(window);
        Instant next = VisitCode.startOf(window + 1);
        Instant until = VisitCode.startOf(window + 1 + VisitCode.GRACE_WINDOWS);
        long refresh = Math.max(1, next.getEpochSecond() - now.getEpochSecond());
        return new IssuedCode(VisitCode.compute(secretCreatingIfMissing(stationId), stationId, window),
                from, until, refresh);
    }

    /** What {@code code} is worth for {@code stationId} at {@code now}. Never writes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitCode.Verdict verify(UUID stationId, String code, Instant now) {
        return VisitCode.verify(existingSecret(stationId), stationId, code, now);
    }

    private byte[] secretCreatingIfMissing(UUID stationId) {
        byte[] secret = existingSecret(stationId);
        if (secret != null) {
            return secret;
        }
        byte[] fresh = new byte[VisitCode.SECRET_BYTES];
        random.nextBytes(fresh);
        em.createNativeQuery("insert into station_visit_secret (station_id, secret) values (:station, :secret)"
                        + " on conflict (station_id) do nothing")
                .setParameter("station", stationId).setParameter("secret", fresh).executeUpdate();
        // Not cached yet: this transaction may still fail to commit.
        secret = load(stationId);
        if (secret == null) {
            throw new IllegalStateException("station visit secret not stored");
        }
        return secret;
    }

    private byte[] existingSecret(UUID stationId) {
        byte[] cached = secrets.get(stationId);
        if (cached != null) {
            return cached;
        }
        byte[] secret = load(stationId);
        if (secret != null) {
            secrets.put(stationId, secret);
        }
        return secret;
    }

    private byte[] load(UUID stationId) {
        List<?> rows = em.createNativeQuery("select secret from station_visit_secret where station_id = :station")
                .setParameter("station", stationId).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }
}
