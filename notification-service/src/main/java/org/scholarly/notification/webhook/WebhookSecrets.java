package org.scholarly.notification.webhook;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Webhook signing secrets as they are stored: AES-256-GCM under the key of {@code notification.webhook.secret-key},
 * written as {@code enc:v1:<base64 of a 12-byte nonce and the ciphertext with its tag>}, so that a copy of the
 * database alone does not let anyone forge a webhook. The version in the prefix leaves room for another key or
 * algorithm later.
 *
 * <p>A value without the prefix is a secret stored in plain text before encryption came in; {@link #open} still
 * accepts it, so that nothing breaks while such rows wait to be encrypted at startup.
 */
public final class WebhookSecrets {

    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds a ciphertext to its purpose, so that the key cannot be made to open something else. */
    private static final byte[] ASSOCIATED_DATA = "scholarly webhook secret v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private WebhookSecrets(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key from its configured base64 form; the message never contains the value. */
    public static WebhookSecrets withKey(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("notification.webhook.secret-key must be base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("notification.webhook.secret-key must be 32 bytes (AES-256), base64; it is "
                    + key.length + " bytes");
        }
        return new WebhookSecrets(key);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret; {@link IllegalStateException} if the value was sealed with another key or altered. */
    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored webhook secret is damaged");
        }
        if (all.length <= NONCE_BYTES) {
            throw new IllegalStateException("A stored webhook secret is damaged");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] plain = cipher.doFinal(Arrays.copyOfRange(all, NONCE_BYTES, all.length));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored webhook secret does not open with notification.webhook.secret-key"
                    + " (another key, or altered)");
        }
    }
}
