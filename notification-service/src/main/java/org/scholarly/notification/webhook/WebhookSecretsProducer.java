package org.scholarly.notification.webhook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.scholarly.notification.config.NotificationConfig;

/** The one key for sealing webhook secrets, from configuration. */
public class WebhookSecretsProducer {

    @Produces
    @Singleton
    WebhookSecrets webhookSecrets(NotificationConfig config) {
        return WebhookSecrets.withKey(config.webhook().secretKey());
    }
}
