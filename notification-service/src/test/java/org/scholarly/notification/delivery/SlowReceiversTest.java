package org.scholarly.notification.delivery;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.notification.support.Api;
import org.scholarly.notification.support.EventPublisher;
import org.scholarly.notification.support.ScriptedReceiver;
import org.scholarly.notification.support.ScriptedReceiver.Behaviour;
import org.scholarly.notification.support.ScriptedReceiver.Exchange;
import org.scholarly.testsupport.TestTokens;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Receivers that stall, stream without end or take their time must not hold up anyone else's deliveries. The test
 * profile sets a 3 s deadline (the read timeout it had before) per webhook call and the default of 4 workers.
 */
@QuarkusTest
class SlowReceiversTest {

    /** Generous: the pipeline (broker, consumer, 1 s poll) plus a busy machine, never the deadline itself. */
    private static final Duration PROMPTLY = Duration.ofSeconds(15);
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String TIMED_OUT = "timed out after 3 s";

    private static EventPublisher events;
    private static ScriptedReceiver receiver;

    @BeforeAll
    static void start() throws IOException {
        events = new EventPublisher();
        receiver = new ScriptedReceiver();
    }

    @AfterAll
    static void stop() {
        events.close();
        receiver.close();
    }

    @Test
    void aReceiverThatStallsAfterItsHeadersTimesOutWhileAHealthyOneIsDeliveredMeanwhile() {
        UUID journal = UUID.randomUUID();
        String stalled = receiver.endpoint(Behaviour.STALL_AFTER_HEADERS);
        String healthy = receiver.endpoint(Behaviour.ANSWER);
        String stalledSubscription = subscribe(stalled, journal);
        String healthySubscription = subscribe(healthy, journal);

        events.articleCreated(UUID.randomUUID(), journal);

        await().atMost(PROMPTLY).until(() -> status(healthySubscription).equals("DELIVERED"));
        await().atMost(PATIENCE).until(() -> !receiver.endedAt(stalled).isEmpty());
        Exchange firstStall = receiver.endedAt(stalled).get(0);
        Exchange delivery = receiver.endedAt(healthy).get(0);
        assertThat(delivery.ended()).as("the healthy receiver did not wait for the stalled call to end")
                .isBefore(firstStall.ended());
        assertThat(firstStall.callerDropped()).as("the service hung up on the stalled receiver").isTrue();

        await().atMost(PATIENCE).until(() -> metric("notification_deliveries_in_flight") >= 1);
        await().atMost(PATIENCE).until(() -> attempts(stalledSubscription).size() >= 2);
        Map<String, Object> stalledDelivery = Api.deliveries(stalledSubscription).get(0);
        assertThat(attempts(stalledSubscription)).allSatisfy(attempt -> {
            assertThat(attempt).containsEntry("succeeded", false).containsEntry("error", TIMED_OUT)
                    .doesNotContainKey("statusCode");
            assertThat(((Number) attempt.get("durationMs")).longValue()).isGreaterThanOrEqualTo(3000);
        });
        assertThat(stalledDelivery.get("lastError")).isEqualTo(TIMED_OUT);
        assertThat(stalledDelivery.get("status")).as("retried on the usual schedule").isEqualTo("PENDING");

        unsubscribe(stalledSubscription); // so that its retries keep no worker busy during later tests
    }

    @Test
    void aReceiverThatStreamsAnEndlessBodyIsCutOffAndItsStatusCodeCounts() {
        UUID journal = UUID.randomUUID();
        String endless = receiver.endpoint(Behaviour.ENDLESS_BODY);
        String subscription = subscribe(endless, journal);

        events.articleCreated(UUID.randomUUID(), journal);

        await().atMost(PROMPTLY).until(() -> !attempts(subscription).isEmpty());
        Map<String, Object> attempt = attempts(subscription).get(0);
        assertThat(attempt).as("cut off after the first 64 KB rather than timed out")
                .containsEntry("succeeded", true).containsEntry("statusCode", 200).doesNotContainKey("error");
        assertThat(status(subscription)).isEqualTo("DELIVERED");

        await().atMost(PATIENCE).until(() -> !receiver.endedAt(endless).isEmpty());
        Exchange exchange = receiver.endedAt(endless).get(0);
        assertThat(exchange.callerDropped()).as("the service hung up instead of draining the body").isTrue();
        assertThat(exchange.bytesSent()).as("socket buffers aside, little more than 64 KB was taken")
                .isLessThan(16L * 1024 * 1024);
    }

    @Test
    void twoSlowReceiversAreCalledAtTheSameTime() {
        UUID journal = UUID.randomUUID();
        String first = receiver.endpoint(Behaviour.SLOW);
        String second = receiver.endpoint(Behaviour.SLOW);
        String firstSubscription = subscribe(first, journal);
        String secondSubscription = subscribe(second, journal);

        events.articleCreated(UUID.randomUUID(), journal);

        await().atMost(PATIENCE).until(() -> status(firstSubscription).equals("DELIVERED")
                && status(secondSubscription).equals("DELIVERED"));
        Exchange a = receiver.endedAt(first).get(0);
        Exchange b = receiver.endedAt(second).get(0);
        assertThat(a.arrived()).as("each call began before the other one ended").isBefore(b.ended());
        assertThat(b.arrived()).isBefore(a.ended());
    }

    private static String subscribe(String endpoint, UUID journal) {
        return Api.subscribe("WEBHOOK", endpoint, List.of("submission.received"), journal, null, "en").getString("id");
    }

    private static double metric(String name) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void unsubscribe(String subscriptionId) {
        given().header("Authorization", TestTokens.bearer("editor")).when().delete("/api/v1/subscriptions/" + subscriptionId)
                .then().statusCode(204);
    }

    private static String status(String subscriptionId) {
        List<Map<String, Object>> deliveries = Api.deliveries(subscriptionId);
        return deliveries.isEmpty() ? "NONE" : deliveries.get(0).get("status").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(String subscriptionId) {
        List<Map<String, Object>> deliveries = Api.deliveries(subscriptionId);
        return deliveries.isEmpty() ? List.of() : (List<Map<String, Object>>) deliveries.get(0).get("attempts");
    }
}
