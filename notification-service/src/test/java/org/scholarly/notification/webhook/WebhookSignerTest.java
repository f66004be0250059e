package org.scholarly.notification.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        // Published with the Standard Webhooks specification; matching it means any of its libraries verifies us.
        assertThat(WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void makesA32ByteSecretThatDiffersEachTime() {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void signsTheIdTheTimestampAndTheBody() {
        String secret = WebhookSigner.newSecret();
        String signature = WebhookSigner.sign(secret, "d-1", 1000, "{}");
        assertThat(WebhookSigner.sign(secret, "d-2", 1000, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSigner.sign(secret, "d-1", 1001, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSigner.sign(secret, "d-1", 1000, "{ }")).isNotEqualTo(signature);
    }
}
