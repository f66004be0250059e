package org.scholarly.notification.events;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.Topics;
import org.scholarly.notification.support.Api;
import org.scholarly.notification.support.EventPublisher;
import org.scholarly.notification.support.WebhookReceiver;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace an event was written in goes on through its processing here and reaches the webhook receiver: the call
 * carries a traceparent of the same trace, from a span of this service's own (a child, not a copy).
 */
@QuarkusTest
class TracePropagationTest {

    private static EventPublisher events;
    private static WebhookReceiver receiver;

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
    void theWebhookCallContinuesTheTraceOfTheEventThatCausedIt() {
        UUID journal = UUID.randomUUID();
        String endpoint = receiver.newEndpoint();
        JsonPath webhook = Api.subscribe("WEBHOOK", endpoint, List.of("submission.received"), journal, null, "en");
        receiver.trust(endpoint, webhook.getString("secret"));

        String traceId = UUID.randomUUID().toString().replace("-", "");
        String writerSpan = "00f067aa0ba902b7";
        UUID article = UUID.randomUUID();
        events.publishTraced(Topics.ARTICLE_EVENTS, article.toString(), EventCodec.newEvent("/catalog-service",
                        EventTypes.ARTICLE_CREATED, article.toString(), EventPublisher.article(article, journal, 1, "SUBMITTED", null)),
                "00-" + traceId + "-" + writerSpan + "-01");

        await().atMost(Duration.ofSeconds(40)).until(() -> receiver.receivedAt(endpoint).size() == 1);
        String traceparent = receiver.receivedAt(endpoint).get(0).traceparent();
        assertThat(traceparent).as("the webhook call's traceparent header").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traceparent.split("-")[1]).as("trace id").isEqualTo(traceId);
        assertThat(traceparent.split("-")[2]).as("span id: the delivery's own span").isNotEqualTo(writerSpan);
    }
}
