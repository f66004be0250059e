package org.scholarly.catalog.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.testsupport.TestTokens;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class WorkflowTest {

    @Inject
    AgroalDataSource dataSource;

    static String submitted() {
        ObjectNode record = Records.article(Records.uniqueDoi());
        record.remove("workflowStatus");
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Records.json(record))
                .post("/api/v1/articles").then().statusCode(201).body("workflowStatus", equalTo("SUBMITTED"))
                .extract().jsonPath().getString("id");
    }

    static Response transition(String id, String action, String ifMatch) {
        var request = given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"action\": \"" + action + "\", \"comment\": \"" + action.toLowerCase() + " by the editor\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/articles/" + id + "/transitions");
    }

    @Test
    void walksAnArticleFromSubmissionToRetractionWithHistoryAndEvents() {
        String id = submitted();
        String[][] steps = {
                {"START_REVIEW", "UNDER_REVIEW"}, {"REQUEST_REVISION", "REVISION_REQUESTED"}, {"SUBMIT_REVISION", "UNDER_REVIEW"},
                {"ACCEPT", "ACCEPTED"}, {"PUBLISH", "PUBLISHED"}, {"RETRACT", "RETRACTED"}};
        int version = 1;
        for (String[] step : steps) {
            version++;
            transition(id, step[0], "\"" + (version - 1) + "\"").then().statusCode(200)
                    .body("workflowStatus", equalTo(step[1])).body("version", equalTo(version))
                    .header("ETag", org.hamcrest.Matchers.containsString(Integer.toString(version)));
        }

        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + id + "/history")
                .then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "TRANSITION", "TRANSITION", "TRANSITION", "TRANSITION", "TRANSITION", "TRANSITION")))
                .body("[5].fromStatus", equalTo("ACCEPTED")).body("[5].toStatus", equalTo("PUBLISHED"))
                .body("[5].actor", equalTo("editor-user")).body("[5].comment", equalTo("publish by the editor"));
        ArticleEventLog.awaitOutboxDrained(dataSource);
        List<CloudEvent> events = ArticleEventLog.eventsOf(id);
        assertThat(events).extracting(CloudEvent::type).containsExactly(EventTypes.ARTICLE_CREATED,
                EventTypes.ARTICLE_STATUS_CHANGED, EventTypes.ARTICLE_STATUS_CHANGED, EventTypes.ARTICLE_STATUS_CHANGED,
                EventTypes.ARTICLE_STATUS_CHANGED, EventTypes.ARTICLE_STATUS_CHANGED, EventTypes.ARTICLE_STATUS_CHANGED);
        assertThat(events).extracting(e -> EventCodec.dataAs(e, ArticleEventData.class).version()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        ArticleEventData last = EventCodec.dataAs(events.get(6), ArticleEventData.class);
        assertThat(last.workflowStatus()).isEqualTo("RETRACTED");
        assertThat(last.previousWorkflowStatus()).isEqualTo("PUBLISHED");
        assertThat(last.actor()).isEqualTo("editor-user");
    }

    @Test
    void answers409ForAnActionNotAllowedFromTheCurrentStateAndChangesNothing() throws Exception {
        String id = submitted();
        ArticleEventLog.awaitOutboxDrained(dataSource);

        for (String action : List.of("PUBLISH", "ACCEPT", "RETRACT", "SUBMIT_REVISION", "REQUEST_REVISION")) {
            transition(id, action, null).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("SUBMITTED"));
        }

        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + id)
                .then().body("workflowStatus", equalTo("SUBMITTED")).body("version", equalTo(1));
        assertThat(ArticleEventLog.outboxSize(dataSource)).isZero();
        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + id + "/history")
                .then().body("size()", equalTo(1));
    }

    @Test
    void aStaleIfMatchAnswers409() {
        String id = submitted();
        transition(id, "START_REVIEW", "\"1\"").then().statusCode(200);

        transition(id, "REJECT", "\"1\"").then().statusCode(409);
        transition(id, "REJECT", "\"2\"").then().statusCode(200).body("workflowStatus", equalTo("REJECTED"));
    }

    @Test
    void ofTwoConcurrentTransitionsOnlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = submitted();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> startReview = () -> {
                    start.await();
                    return transition(id, "START_REVIEW", null).statusCode();
                };
                Callable<Integer> startReviewAtVersion1 = () -> {
                    start.await();
                    return transition(id, "START_REVIEW", "\"1\"").statusCode();
                };
                Future<Integer> first = threads.submit(startReview);
                Future<Integer> second = threads.submit(startReviewAtVersion1);
                start.countDown();

                assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
            } finally {
                threads.shutdownNow();
            }
            given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + id)
                    .then().body("version", equalTo(2)).body("workflowStatus", equalTo("UNDER_REVIEW"));
        }
    }

    @Test
    void refusesUnknownActionsServerOwnedFieldsAndNonEditors() {
        String id = submitted();
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON).body("{\"action\": \"FLY\"}")
                .post("/api/v1/articles/" + id + "/transitions").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"action\": \"START_REVIEW\", \"version\": 1}")
                .post("/api/v1/articles/" + id + "/transitions").then().statusCode(400).body("errors[0].field", equalTo("version"));
        given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body("{\"action\": \"START_REVIEW\"}")
                .post("/api/v1/articles/" + id + "/transitions").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON).body("{\"action\": \"START_REVIEW\"}")
                .post("/api/v1/articles/" + java.util.UUID.randomUUID() + "/transitions").then().statusCode(404);
    }
}
