package org.scholarly.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key notification-service encrypts webhook secrets with, made once per stack home and kept with the other
 * keys: a new key on every start would leave the secrets already stored unreadable.
 */
final class WebhookSecretKey {

    private WebhookSecretKey() {
    }

    /** The base64 key in {@code directory/webhook-secret.key}, created on first use. */
    static String loadOrCreate(Path directory) {
        Path file = directory.resolve("webhook-secret.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system; the stack home is the developer's own
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
