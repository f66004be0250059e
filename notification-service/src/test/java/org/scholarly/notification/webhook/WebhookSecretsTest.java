package org.scholarly.notification.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final WebhookSecrets secrets = WebhookSecrets.withKey(KEY);

    @Test
    void sealsASecretSoThatNoneOfItShowsAndOpensItAgain() {
        String secret = WebhookSigner.newSecret();
        String sealed = secrets.seal(secret);

        assertThat(sealed).startsWith("enc:v1:").doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(secrets.open(sealed)).isEqualTo(secret);
        assertThat(secrets.seal(secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void stillOpensASecretStoredInPlainTextBeforeEncryption() {
        assertThat(secrets.open("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    @Test
    void refusesToOpenWithAnotherKeyOrAfterTampering() {
        String sealed = secrets.seal(WebhookSigner.newSecret());
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        WebhookSecrets other = WebhookSecrets.withKey(Base64.getEncoder().encodeToString(otherKey));
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);

        byte[] raw = Base64.getDecoder().decode(sealed.substring(7));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> secrets.open("enc:v1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyThatIsNotThirtyTwoBytesOfBase64WithoutShowingIt() {
        assertThatThrownBy(() -> WebhookSecrets.withKey("not base64!")).hasMessageContaining("base64")
                .message().doesNotContain("not base64!");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> WebhookSecrets.withKey(shortKey)).hasMessageContaining("32 bytes")
                .message().doesNotContain(shortKey);
    }
}
