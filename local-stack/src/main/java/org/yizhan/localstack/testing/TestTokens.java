package org.yizhan.localstack.testing;

import org.yizhan.localstack.security.DevKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Bearer tokens signed with the test JVM's key, which the services under test trust. */
public final class TestTokens {

    private TestTokens() {
    }

    /** A token for {@code subject} with {@code roles}, valid for an hour. */
    public static String token(String subject, String... roles) {
        return keys().mint(subject, roles);
    }

    /** A token of a partner department's system or staff: role {@code partner}, claim {@code org}. */
    public static String partnerToken(String subject, String organisation) {
        return keys().mint(subject, List.of("partner"), Duration.ofHours(1), organisation);
    }

    /** A token of a clinic's staff: role {@code clinic}, claim {@code org} (the clinic's code). */
    public static String clinicToken(String subject, String clinic) {
        return keys().mint(subject, List.of("clinic"), Duration.ofHours(1), clinic);
    }

    /** A token that expired a minute ago (issued an hour before that). */
    public static String expiredToken(String subject, String... roles) {
        return keys().mint(subject, List.of(roles), Duration.ofMinutes(-1));
    }

    /** The test JVM's key pair, for tests that need tokens of an unusual shape. */
    public static DevKeys keys() {
        return DevKeys.loadOrCreate(Path.of(TestInfrastructure.get(TestInfrastructure.KEYS_DIR)));
    }
}
