package org.yizhan.station.domain.visit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The rotating code a station shows as a QR code and a visiting worker scans.
 *
 * <p>A code is {@code base64url(version ‖ window ‖ mac)}: one version byte, the time window number
 * (seconds since the epoch divided by {@link #WINDOW}, 4 bytes big-endian) and the first
 * {@link #MAC_BYTES} bytes of {@code HMAC-SHA256(stationSecret, stationId ‖ window)}. Only the
 * service knows the per-station secret, so a code cannot be forged or moved to another station,
 * and since the window is covered by the MAC, a screenshot stops working once its window is
 * older than the grace. 23 characters: small enough for a coarse, easily scanned QR code.
 *
 * <p>Pure and stateless; {@code VisitCodes} in the service layer keeps the secrets.
 */
public final class VisitCode {

    /** How long one code is the current one. */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    /** Windows before the current one whose codes are still accepted (scanning at the edge). */
    public static final int GRACE_WINDOWS = 1;

    /** Windows after the current one that are accepted, for clock skew between instances. */
    public static final int SKEW_WINDOWS = 1;

    /** Bytes of the MAC kept in the code: 96 bits. */
    public static final int MAC_BYTES = 12;

    /** Bytes of a fresh station secret. */
    public static final int SECRET_BYTES = 32;

    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + 4 + MAC_BYTES;

    /** The outcome of checking a scanned code. */
    public enum Verdict {
        /** Genuine, for this station, and recent enough. */
        VALID,
        /** Genuine and for this station, but older than the grace. */
        EXPIRED,
        /** Not a code this service issued for this station (garbage, forged, tampered, other station). */
        INVALID
    }

    private VisitCode() {
    }

    /** The number of the window {@code at} falls in. */
    public static long windowOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), WINDOW.toSeconds());
    }

    /** The first instant of window {@code window}. */
    public static Instant startOf(long window) {
        return Instant.ofEpochSecond(window * WINDOW.toSeconds());
    }

    /** The code of {@code stationId} for window {@code window}, made with the station's secret. */
    public static String compute(byte[] secret, UUID stationId, long window) {
        if (window < 0 || window > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("window out of range");
        }
        ByteBuffer code = ByteBuffer.allocate(LENGTH);
        code.put(VERSION).putInt((int) window).put(mac(secret, stationId, window), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(code.array());
    }

    /**
     * Checks a scanned {@code code} for {@code stationId} at {@code now}. The MAC is checked before
     * the age, so a forged code is {@link Verdict#INVALID} whatever window it claims.
     *
     * @param secret the station's secret, or {@code null} if it never issued a code
     */
    public static Verdict verify(byte[] secret, UUID stationId, String code, Instant now) {
        if (secret == null || code == null) {
            return Verdict.INVALID;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(code.strip());
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        if (raw.length != LENGTH || raw[0] != VERSION) {
            return Verdict.INVALID;
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        buffer.get();
        long window = Integer.toUnsignedLong(buffer.getInt());
        byte[] presented = new byte[MAC_BYTES];
        buffer.get(presented);
        byte[] expected = new byte[MAC_BYTES];
        System.arraycopy(mac(secret, stationId, window), 0, expected, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Verdict.INVALID;
        }
        long current = windowOf(now);
        if (window > current + SKEW_WINDOWS) {
            // Only an instance whose clock is far ahead could have issued it.
            return Verdict.INVALID;
        }
        return window >= current - GRACE_WINDOWS ? Verdict.VALID : Verdict.EXPIRED;
    }

    private static byte[] mac(byte[] secret, UUID stationId, long window) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            ByteBuffer input = ByteBuffer.allocate(16 + 8);
            input.putLong(stationId.getMostSignificantBits()).putLong(stationId.getLeastSignificantBits())
                    .putLong(window);
            return mac.doFinal(input.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
