package org.scholarly.notification.email;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.notification.support.Api;
import org.scholarly.notification.support.EventPublisher;
import org.scholarly.notification.support.StalledSmtpServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An SMTP server that accepts and then stays silent costs each email its deadline, no more. */
@QuarkusTest
@TestProfile(StalledMailServerTest.SilentSmtp.class)
class StalledMailServerTest {

    public static class SilentSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.email.deadline", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StalledSmtpServer.class));
        }
    }

    private static EventPublisher events;

    @BeforeAll
    static void start() {
        events = new EventPublisher();
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void anEmailToASilentServerIsAFailedAttemptAfterItsDeadlineAndIsRetried() {
        UUID journal = UUID.randomUUID();
        String subscription = Api.subscribe("EMAIL", "editor-" + UUID.randomUUID() + "@journal.test",
                List.of("submission.received"), journal, null, "en").getString("id");

        events.articleCreated(UUID.randomUUID(), journal);

        await().atMost(Duration.ofSeconds(40)).until(() -> attempts(subscription).size() >= 2);
        assertThat(StalledSmtpServer.CONNECTIONS.get()).as("the mailer reached the silent server").isPositive();
        assertThat(attempts(subscription)).allSatisfy(attempt -> {
            assertThat(attempt).containsEntry("succeeded", false).containsEntry("error", "timed out after 2 s");
            assertThat(((Number) attempt.get("durationMs")).longValue()).isGreaterThanOrEqualTo(2000);
        });
        assertThat(Api.deliveries(subscription).get(0)).containsEntry("status", "PENDING");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(String subscriptionId) {
        List<Map<String, Object>> deliveries = Api.deliveries(subscriptionId);
        return deliveries.isEmpty() ? List.of() : (List<Map<String, Object>>) deliveries.get(0).get("attempts");
    }
}
