package org.scholarly.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A subscriber's webhook receives signed notifications of a new submission and an editor's decision, once each. */
class WebhookSystemTest {

    @Test
    void deliversSignedNotificationsOfASubmissionAndADecisionExactlyOnce() {
        SystemStack.requireProcessStack("the webhook receiver listens on this host's loopback, out of the containers' reach");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Http.Response subscription = Http.post(SystemStack.notification() + "/api/v1/subscriptions", SystemStack.token("editor"),
                    Map.of("channel", "WEBHOOK", "target", receiver.url(), "locale", "ko",
                            "eventTypes", List.of("submission.received", "workflow.decision")));
            assertThat(subscription.status()).as(subscription.raw().body()).isEqualTo(201);
            receiver.trust(subscription.body().get("secret").asText());
            // The first attempt fails: the retry must still arrive exactly once, with the same webhook id.
            receiver.failNext(1);

            ObjectNode submission = Articles.published("A submission that editors want to hear about", 2026);
            submission.remove("workflowStatus");
            Http.Response created = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), submission);
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            String articleId = created.body().get("id").asText();
            Http.Response decision = Http.post(SystemStack.catalog() + "/api/v1/articles/" + articleId + "/transitions",
                    SystemStack.token("editor"), Map.of("action", "START_REVIEW", "comment", "심사를 시작합니다"));
            assertThat(decision.status()).as(decision.raw().body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(callsAbout(receiver, articleId)).hasSize(2));
            List<WebhookReceiver.Call> calls = callsAbout(receiver, articleId);
            assertThat(calls).allMatch(WebhookReceiver.Call::signatureValid);
            assertThat(calls.stream().map(WebhookReceiver.Call::webhookId).collect(Collectors.toSet())).hasSize(2);
            assertThat(calls.stream().map(c -> Http.parse(c.body()).path("type").asText()))
                    .containsExactlyInAnyOrder("submission.received", "workflow.decision");
            // Nothing arrives a second time once everything was delivered.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(callsAbout(receiver, articleId)).hasSize(2));
        }
    }

    private static List<WebhookReceiver.Call> callsAbout(WebhookReceiver receiver, String articleId) {
        return receiver.calls().stream().filter(c -> c.body().contains(articleId)).toList();
    }
}
