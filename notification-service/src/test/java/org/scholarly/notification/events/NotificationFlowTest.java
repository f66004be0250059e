package org.scholarly.notification.events;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.Topics;
import org.scholarly.notification.delivery.DeliveryWorker;
import org.scholarly.notification.support.Api;
import org.scholarly.notification.support.EventPublisher;
import org.scholarly.notification.support.Mailbox;
import org.scholarly.notification.support.WebhookReceiver;
import org.scholarly.testsupport.TestTokens;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From events on the real broker to email over real SMTP, signed webhooks to a real HTTP receiver, and inboxes. */
@QuarkusTest
class NotificationFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static EventPublisher events;
    private static WebhookReceiver receiver;

    @Inject
    Scheduler scheduler;

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
    void aNewSubmissionProducesOneKoreanEmailOneSignedWebhookAndOneInboxMessageAndAReplaySendsNothingTwice() {
        UUID journal = UUID.randomUUID();
        String address = "editor-" + shortId() + "@journal.test";
        String recipient = "editor-" + shortId();
        String endpoint = receiver.newEndpoint();
        String emailSubscription = Api.subscribe("EMAIL", address, List.of("submission.received"), journal, null, "ko").getString("id");
        JsonPath webhook = Api.subscribe("WEBHOOK", endpoint, List.of("submission.received"), journal, null, "en");
        receiver.trust(endpoint, webhook.getString("secret"));
        Api.subscribe("INBOX", recipient, List.of("submission.received"), journal, null, "ko");

        UUID article = UUID.randomUUID();
        CloudEvent created = events.articleCreated(article, journal);

        String koreanSubject = "[중앙사론] 새 투고 접수: " + EventPublisher.TITLE;
        await().atMost(PATIENCE).until(() -> Mailbox.of(address).size() == 1);
        Mailbox.Mail mail = Mailbox.of(address).get(0);
        assertThat(mail.subject()).isEqualTo(koreanSubject);
        assertThat(mail.rawSubject()).as("non-ASCII subjects travel RFC 2047-encoded").startsWith("=?");
        assertThat(mail.body()).contains("중앙사론에 새 논문이 투고되었습니다.").contains(article.toString());

        await().atMost(PATIENCE).until(() -> receiver.receivedAt(endpoint).size() == 1);
        WebhookReceiver.Received hook = receiver.receivedAt(endpoint).get(0);
        assertThat(hook.signatureValid()).isTrue();
        assertThat(hook.answered()).isEqualTo(204);
        JsonPath payload = JsonPath.from(hook.body());
        assertThat(payload.getString("type")).isEqualTo("submission.received");
        assertThat(payload.getString("data.articleId")).isEqualTo(article.toString());
        assertThat(payload.getString("data.eventId")).isEqualTo(created.id());
        assertThat(payload.getString("data.journalTitles.ko")).isEqualTo("중앙사론");
        assertThat(payload.getString("data.subject")).isEqualTo("[Chung-Ang Saron] New submission: " + EventPublisher.TITLE);

        List<Map<String, Object>> inbox = Api.inbox(recipient);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0)).containsEntry("subject", koreanSubject).containsEntry("type", "submission.received");

        // Replay: the very same record again, and a second event about the same submission (another id).
        events.publishRaw(Topics.ARTICLE_EVENTS, article.toString(), EventCodec.toJson(created));
        events.articleCreated(article, journal);
        // A later submission on the same partition proves the replayed records were processed before it.
        UUID marker = UUID.randomUUID();
        events.publish(Topics.ARTICLE_EVENTS, article.toString(), EventCodec.newEvent("/catalog-service",
                "article.created", marker.toString(), EventPublisher.article(marker, journal, 1, "SUBMITTED", null)));
        await().atMost(PATIENCE).until(() -> Api.inbox(recipient).size() == 2);
        await().atMost(PATIENCE).until(() -> Mailbox.of(address).size() == 2 && receiver.receivedAt(endpoint).size() == 2);

        assertThat(Api.inbox(recipient)).extracting(m -> m.get("body").toString())
                .filteredOn(body -> body.contains(article.toString())).hasSize(1);
        assertThat(Mailbox.of(address)).filteredOn(m -> m.body().contains(article.toString())).hasSize(1);
        assertThat(receiver.receivedAt(endpoint)).filteredOn(r -> r.body().contains(article.toString())).hasSize(1);
        assertThat(Api.deliveries(emailSubscription)).hasSize(2)
                .allSatisfy(d -> assertThat(d).containsEntry("status", "DELIVERED").containsEntry("attemptCount", 1));
    }

    @Test
    void aReceiverThatFailsThreeTimesThenRecoversGetsTheNotificationExactlyOnce() {
        Hook hook = submissionToAFailingWebhook(3);

        await().atMost(PATIENCE).until(() -> delivered(hook.subscriptionId()));
        Map<String, Object> delivery = Api.deliveries(hook.subscriptionId()).get(0);
        assertThat(delivery).containsEntry("attemptCount", 4);
        assertThat(attempts(delivery)).extracting(a -> a.get("statusCode")).containsExactly(500, 500, 500, 204);
        assertThat(attempts(delivery)).extracting(a -> a.get("succeeded")).containsExactly(false, false, false, true);

        List<WebhookReceiver.Received> received = receiver.receivedAt(hook.endpoint());
        assertThat(received).hasSize(4).allSatisfy(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.id()).as("the webhook-id stays the same across retries").isEqualTo(delivery.get("id"));
        });
        assertThat(received).filteredOn(r -> r.answered() < 300).hasSize(1);
    }

    @Test
    void aDeliveryPausedMidBackoffIsResumedFromTheDatabase() {
        Hook hook = submissionToAFailingWebhook(Integer.MAX_VALUE);
        String endpoint = hook.endpoint();
        String subscriptionId = hook.subscriptionId();
        await().atMost(PATIENCE).until(() -> !Api.deliveries(subscriptionId).isEmpty()
                && ((Integer) Api.deliveries(subscriptionId).get(0).get("attemptCount")) >= 1);

        // Stop the worker mid-backoff, as a shutdown would; what it leaves behind is only the row.
        scheduler.pause(DeliveryWorker.JOB);
        try {
            int attemptsWhenStopped = settledAttemptCount(subscriptionId);
            Map<String, Object> stopped = Api.deliveries(subscriptionId).get(0);
            assertThat(stopped).containsEntry("status", "PENDING").containsKey("nextAttemptAt");
            receiver.recover(endpoint);
            // While stopped nothing is sent, even once the next attempt is due.
            OffsetDateTime due = OffsetDateTime.parse(stopped.get("nextAttemptAt").toString());
            Duration untilDue = Duration.between(OffsetDateTime.now(), due).plusSeconds(1);
            await().pollDelay(untilDue.isNegative() ? Duration.ofSeconds(1) : untilDue).atMost(PATIENCE).until(() -> true);
            assertThat(Api.deliveries(subscriptionId).get(0)).containsEntry("attemptCount", attemptsWhenStopped);
            assertThat(receiver.receivedAt(endpoint)).hasSize(attemptsWhenStopped);
        } finally {
            scheduler.resume(DeliveryWorker.JOB);
        }

        await().atMost(PATIENCE).until(() -> delivered(subscriptionId));
        assertThat(receiver.receivedAt(endpoint)).filteredOn(r -> r.answered() < 300).hasSize(1);
    }

    @Test
    void aDeliveryFailsAfterItsLastAttemptAndCanBeRetried() {
        Hook hook = submissionToAFailingWebhook(Integer.MAX_VALUE);
        String endpoint = hook.endpoint();
        String subscriptionId = hook.subscriptionId();
        await().atMost(PATIENCE).until(() -> !Api.deliveries(subscriptionId).isEmpty()
                && "FAILED".equals(Api.deliveries(subscriptionId).get(0).get("status")));
        Map<String, Object> failed = Api.deliveries(subscriptionId).get(0);
        assertThat(failed).containsEntry("attemptCount", 6).containsEntry("lastError", "receiver answered HTTP 500");
        assertThat(receiver.receivedAt(endpoint)).hasSize(6);
        assertThat(metric("notification_deliveries_failed")).isGreaterThanOrEqualTo(1);

        String id = failed.get("id").toString();
        receiver.recover(endpoint);
        given().header("Authorization", TestTokens.bearer("editor")).when().post("/api/v1/deliveries/" + id + "/retry")
                .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        await().atMost(PATIENCE).until(() -> delivered(subscriptionId));
        assertThat(Api.deliveries(subscriptionId).get(0)).containsEntry("attemptCount", 7);
        assertThat(receiver.receivedAt(endpoint)).filteredOn(r -> r.answered() < 300).hasSize(1);

        given().header("Authorization", TestTokens.bearer("editor")).when().post("/api/v1/deliveries/" + id + "/retry")
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("editor")).when().post("/api/v1/deliveries/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void decisionsReferenceBuildsAndCitationMilestonesReachInboxesInEachLanguage() {
        UUID journal = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        String korean = "desk-ko-" + shortId();
        String english = "desk-en-" + shortId();
        List<String> types = List.of("submission.received", "workflow.decision", "references.built", "citation.milestone");
        Api.subscribe("INBOX", korean, types, null, article, "ko");
        Api.subscribe("INBOX", english, types, journal, null, "en");

        events.articleCreated(article, journal);
        await().atMost(PATIENCE).until(() -> Api.inbox(english).size() == 1);
        events.statusChanged(article, journal, 2, "UNDER_REVIEW", "SUBMITTED");
        events.referenceStatus(article, "BUILDING", 1);
        events.referenceStatus(article, "BUILT", 2);
        events.citationCounts(article, 0, 1, 1);
        events.citationCounts(article, 1, 5, 2);
        events.citationCounts(article, 5, 12, 3);
        events.citationCounts(article, 5, 12, 4); // another event about the same milestone

        await().atMost(PATIENCE).until(() -> Api.inbox(korean).size() == 5 && Api.inbox(english).size() == 5);
        assertThat(Api.inbox(korean)).extracting(m -> m.get("subject").toString()).containsExactlyInAnyOrder(
                "[중앙사론] 새 투고 접수: " + EventPublisher.TITLE,
                "[중앙사론] 심사 결정: " + EventPublisher.TITLE + " → UNDER_REVIEW",
                "참고문헌 구축 완료(BUILT): " + EventPublisher.TITLE,
                "피인용 1회 달성: " + EventPublisher.TITLE,
                "피인용 10회 달성: " + EventPublisher.TITLE);
        assertThat(Api.inbox(english)).extracting(m -> m.get("subject").toString()).containsExactlyInAnyOrder(
                "[Chung-Ang Saron] New submission: " + EventPublisher.TITLE,
                "[Chung-Ang Saron] Decision: " + EventPublisher.TITLE + " is now UNDER_REVIEW",
                "References built (BUILT): " + EventPublisher.TITLE,
                "1 citations reached: " + EventPublisher.TITLE,
                "10 citations reached: " + EventPublisher.TITLE);
        assertThat(Api.inbox(english)).extracting(m -> m.get("body").toString())
                .anySatisfy(body -> assertThat(body).contains("References: 30 of 34 resolved"))
                .anySatisfy(body -> assertThat(body).contains("Previous status: SUBMITTED"));
    }

    @Test
    void aFinishedReferenceBuildReachesItsSubscribers() {
        String recipient = "builds-" + shortId();
        Api.subscribe("INBOX", recipient, List.of("reference-build.finished"), null, null, "ko");
        UUID build = UUID.randomUUID();
        events.buildFinished(build);

        await().atMost(PATIENCE).until(() -> Api.inbox(recipient).stream().anyMatch(m -> m.get("body").toString().contains(build.toString())));
        Map<String, Object> message = Api.inbox(recipient).stream()
                .filter(m -> m.get("body").toString().contains(build.toString())).findFirst().orElseThrow();
        assertThat(message).containsEntry("subject", "참고문헌 구축 작업 종료(FINISHED): 논문 12편");
        assertThat(message.get("body").toString()).contains("참고문헌: 연결 300건, 미연결 41건");
    }

    record Hook(String endpoint, String subscriptionId) {
    }

    /** A webhook subscription whose receiver fails the first {@code failures} requests, and a submission for it. */
    private static Hook submissionToAFailingWebhook(int failures) {
        UUID journal = UUID.randomUUID();
        String endpoint = receiver.newEndpoint();
        JsonPath subscription = Api.subscribe("WEBHOOK", endpoint, List.of("submission.received"), journal, null, "en");
        receiver.trust(endpoint, subscription.getString("secret"));
        receiver.failNext(endpoint, failures);
        events.articleCreated(UUID.randomUUID(), journal);
        return new Hook(endpoint, subscription.getString("id"));
    }

    private static boolean delivered(String subscriptionId) {
        List<Map<String, Object>> deliveries = Api.deliveries(subscriptionId);
        return !deliveries.isEmpty() && "DELIVERED".equals(deliveries.get(0).get("status"));
    }

    /** The attempt count once any send that was under way when the worker stopped has been recorded. */
    private static int settledAttemptCount(String subscriptionId) {
        int[] last = {-1};
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(700)).until(() -> {
            int now = (Integer) Api.deliveries(subscriptionId).get(0).get("attemptCount");
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attempts");
    }

    static double metric(String name) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
