package org.scholarly.system.drill;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.stack.ServiceProcess;
import org.scholarly.system.Http;
import org.scholarly.system.SystemStack;
import org.scholarly.system.WebhookReceiver;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill 7: the webhook receiver is down for a minute and the notification-service is restarted during the backoff;
 * afterwards every notification has reached the receiver exactly once and sits in the inbox once.
 */
@Tag("drill-extended")
class WebhookOutageDrill {

    private static final int SUBMISSIONS = 5;

    @Test
    void deliversEachNotificationOnceAfterAnOutageAndARestartMidBackoff() throws Exception {
        DrillCorpus corpus = new DrillCorpus("webhook-outage", SUBMISSIONS, true);
        String recipient = "drill-editor-" + corpus.firstTitle().hashCode();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Http.Response webhook = Http.post(SystemStack.notification() + "/api/v1/subscriptions", SystemStack.token("editor"),
                    Map.of("channel", "WEBHOOK", "target", receiver.url(), "locale", "en", "eventTypes", List.of("submission.received")));
            assertThat(webhook.status()).as(webhook.raw().body()).isEqualTo(201);
            receiver.trust(webhook.body().get("secret").asText());
            Http.Response inbox = Http.post(SystemStack.notification() + "/api/v1/subscriptions", SystemStack.token("editor"),
                    Map.of("channel", "INBOX", "target", recipient, "locale", "ko", "eventTypes", List.of("submission.received")));
            assertThat(inbox.status()).as(inbox.raw().body()).isEqualTo(201);

            Instant outageStarted = Instant.now();
            receiver.failNext(Integer.MAX_VALUE);
            for (int k = 0; k < SUBMISSIONS; k++) {
                assertThat(Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), corpus.article(k)).status())
                        .isEqualTo(201);
            }
            Thread.sleep(20_000);
            ServiceProcess notification = SystemStack.service("notification-service");
            notification.stop();
            notification.start().awaitReady(Duration.ofMinutes(2));
            Thread.sleep(Math.max(0, 60_000 - Duration.between(outageStarted, Instant.now()).toMillis()));
            receiver.failNext(0);
            Instant faultEnded = Instant.now();

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(receiver.calls().stream().filter(c -> c.body().contains(corpus.journalTitle)).count())
                            .isGreaterThanOrEqualTo(SUBMISSIONS));
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
            List<WebhookReceiver.Call> delivered = receiver.calls().stream().filter(c -> c.body().contains(corpus.journalTitle)).toList();
            Set<String> ids = new HashSet<>();
            delivered.forEach(c -> ids.add(c.webhookId()));
            assertThat(delivered).as("successful deliveries").hasSize(SUBMISSIONS).allMatch(WebhookReceiver.Call::signatureValid);
            assertThat(ids).as("distinct webhook ids").hasSize(SUBMISSIONS);

            var messages = Http.get(SystemStack.notification() + "/api/v1/inbox?limit=100&recipient=" + recipient,
                    SystemStack.token("editor")).body().get("items");
            assertThat(messages).as("inbox messages").hasSize(SUBMISSIONS);

            DrillAudit.run("webhook-outage", corpus, SUBMISSIONS, faultEnded);
            System.out.printf("DRILL webhook-outage: %d notifications delivered once each after a %d s outage and a restart%n",
                    ids.size(), Duration.between(outageStarted, faultEnded).toSeconds());
        }
    }
}
