package org.scholarly.notification.subscription;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.notification.support.Api;
import org.scholarly.notification.support.EventPublisher;
import org.scholarly.notification.support.WebhookReceiver;
import org.scholarly.notification.webhook.WebhookSigner;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook secrets lie encrypted in the database, and webhooks are still signed with the secret the subscriber got. */
@QuarkusTest
class SecretsAtRestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static EventPublisher events;
    private static WebhookReceiver receiver;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlainSecretsEncryption plainSecrets;

    @BeforeAll
    static void start() throws IOException {
        events = new EventPublisher();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        events.close();
        receiver.close();
    }

    @Test
    void theDatabaseHoldsNoPlainSecretAndWebhooksAreStillSignedWithIt() {
        UUID journal = UUID.randomUUID();
        String endpoint = receiver.newEndpoint();
        var created = Api.subscribe("WEBHOOK", endpoint, List.of("submission.received"), journal, null, "en");
        String secret = created.getString("secret");
        receiver.trust(endpoint, secret);

        String stored = storedSecret(UUID.fromString(created.getString("id")));
        assertThat(stored).startsWith("enc:v1:")
                .doesNotContain(secret)
                .doesNotContain(secret.substring(WebhookSigner.SECRET_PREFIX.length()));

        events.articleCreated(UUID.randomUUID(), journal);

        await().atMost(PATIENCE).until(() -> !receiver.receivedAt(endpoint).isEmpty());
        assertThat(receiver.receivedAt(endpoint).get(0).signatureValid()).isTrue();
    }

    @Test
    void aSecretStoredInPlainTextBeforeEncryptionIsEncryptedAndKeepsSigning() {
        UUID journal = UUID.randomUUID();
        String endpoint = receiver.newEndpoint();
        String secret = WebhookSigner.newSecret();
        UUID id = insertPlainSubscription(endpoint, journal, secret);
        receiver.trust(endpoint, secret);

        assertThat(plainSecrets.encryptPlainSecrets()).isGreaterThanOrEqualTo(1);

        assertThat(storedSecret(id)).startsWith("enc:v1:").doesNotContain(secret);
        assertThat(plainSecrets.encryptPlainSecrets()).as("nothing left to encrypt").isZero();
        events.articleCreated(UUID.randomUUID(), journal);
        await().atMost(PATIENCE).until(() -> !receiver.receivedAt(endpoint).isEmpty());
        assertThat(receiver.receivedAt(endpoint).get(0).signatureValid()).isTrue();
    }

    private String storedSecret(UUID subscription) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT secret FROM subscription WHERE id = ?")) {
            q.setObject(1, subscription);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row as the service wrote it before secrets were encrypted. */
    private UUID insertPlainSubscription(String endpoint, UUID journal, String secret) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO subscription (id, channel, target, event_types, "
                     + "journal_id, locale, secret, created_by) VALUES (?, 'WEBHOOK', ?, ARRAY['submission.received'], ?, 'en', ?, 'editor')")) {
            insert.setObject(1, id);
            insert.setString(2, endpoint);
            insert.setObject(3, journal);
            insert.setString(4, secret);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }
}
