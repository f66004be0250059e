package org.scholarly.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventHeaders;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.Topics;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One ingest is one trace across the three services: the trace a client starts with its POST (W3C traceparent)
 * reaches the article event, the citation-service's processing and its count-change event, and the webhook call the
 * notification-service makes about that count change.
 */
class TracePropagationSystemTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void thePostsTraceReachesTheCountChangeAndTheWebhookCall() throws Exception {
        SystemStack.requireProcessStack("the webhook receiver listens on this host's loopback, out of the containers' reach");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Http.Response subscription = Http.post(SystemStack.notification() + "/api/v1/subscriptions", SystemStack.token("editor"),
                    Map.of("channel", "WEBHOOK", "target", receiver.url(), "locale", "en", "eventTypes", List.of("citation.milestone")));
            assertThat(subscription.status()).as(subscription.raw().body()).isEqualTo(201);
            receiver.trust(subscription.body().get("secret").asText());

            // The cited article, in a trace of its own, consumed everywhere before the citing one is posted, so that
            // the two are not processed in one poll (a poll's span continues the first event's trace only).
            ObjectNode cited = Articles.published("Traced across the platform", 2020);
            Http.Response citedResponse = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), cited);
            assertThat(citedResponse.status()).as(citedResponse.raw().body()).isEqualTo(201);
            String citedId = citedResponse.body().get("id").asText();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(KafkaProbe.readAll(Topics.ARTICLE_EVENTS)).anyMatch(r -> citedId.equals(r.key()));
                assertThat(KafkaProbe.lag("citation-service", Topics.ARTICLE_EVENTS)).isZero();
                assertThat(KafkaProbe.lag("notification-service", Topics.ARTICLE_EVENTS)).isZero();
            });

            String traceId = HexFormat.of().formatHex(randomBytes(16));
            String clientTraceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
            ObjectNode citing = Articles.citing(Articles.published("Following one article through three services", 2026),
                    EventCodec.mapper().createObjectNode().put("doi", cited.get("doi").asText()));
            Http.Response created = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), citing,
                    Map.of("traceparent", clientTraceparent));
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            String citingId = created.body().get("id").asText();

            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(receiver.calls()).anyMatch(c -> c.body().contains(citedId)));
            WebhookReceiver.Call milestone = receiver.calls().stream().filter(c -> c.body().contains(citedId)).findFirst().orElseThrow();
            assertThat(traceIdOf(milestone.traceparent())).as("the webhook call's traceparent").isEqualTo(traceId);

            assertThat(traceIdOf(header(eventAbout(Topics.ARTICLE_EVENTS, citingId, EventTypes.ARTICLE_CREATED))))
                    .as("the article.created event's ce_traceparent").isEqualTo(traceId);
            assertThat(traceIdOf(header(eventAbout(Topics.CITATION_EVENTS, citedId, EventTypes.CITATION_COUNTS_CHANGED))))
                    .as("the citation-counts.changed event's ce_traceparent").isEqualTo(traceId);
        }
    }

    private static ConsumerRecord<String, String> eventAbout(String topic, String key, String type) {
        return KafkaProbe.readAll(topic).stream()
                .filter(r -> key.equals(r.key()) && type.equals(header(r, EventHeaders.TYPE)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " about " + key + " on " + topic));
    }

    private static String header(ConsumerRecord<String, String> record) {
        return header(record, EventHeaders.TRACEPARENT);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** The trace id of a W3C traceparent, "00-{trace id}-{span id}-{flags}". */
    private static String traceIdOf(String traceparent) {
        assertThat(traceparent).as("a traceparent").isNotNull().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
