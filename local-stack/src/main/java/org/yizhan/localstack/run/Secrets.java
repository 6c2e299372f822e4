package org.yizhan.localstack.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets of the local run, created once and kept in its data folder. */
final class Secrets {

    private Secrets() {
    }

    /** The secret in {@code file}, creating 32 random bytes (base64url) there on first use. */
    static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
