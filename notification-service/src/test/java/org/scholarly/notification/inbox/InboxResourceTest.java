package org.scholarly.notification.inbox;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.scholarly.notification.support.Api;
import org.scholarly.notification.support.EventPublisher;
import org.scholarly.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class InboxResourceTest {

    @Test
    void aReaderReadsAndMarksOnlyItsOwnInbox() {
        String me = "reader-" + UUID.randomUUID();
        String someoneElse = "reader-" + UUID.randomUUID();
        String mine = "Bearer " + TestTokens.forSubject(me, "reader");
        String theirs = "Bearer " + TestTokens.forSubject(someoneElse, "reader");
        UUID journal = UUID.randomUUID();
        Api.subscribe("INBOX", me, List.of("submission.received"), journal, null, "en");
        try (EventPublisher events = new EventPublisher()) {
            events.articleCreated(UUID.randomUUID(), journal);
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> Api.inbox(me).size() == 1);

        String id = given().header("Authorization", mine).queryParam("recipient", me).queryParam("unread", true)
                .when().get("/api/v1/inbox")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].read", equalTo(false))
                .extract().path("items[0].id");

        given().header("Authorization", theirs).queryParam("recipient", me).when().get("/api/v1/inbox")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", theirs).when().post("/api/v1/inbox/" + id + "/read")
                .then().statusCode(403);

        given().header("Authorization", mine).when().post("/api/v1/inbox/" + id + "/read")
                .then().statusCode(200).body("read", equalTo(true));
        given().header("Authorization", mine).queryParam("recipient", me).queryParam("unread", true)
                .when().get("/api/v1/inbox").then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", mine).queryParam("recipient", me)
                .when().get("/api/v1/inbox").then().statusCode(200).body("items", hasSize(1));

        given().header("Authorization", TestTokens.bearer("editor")).queryParam("recipient", me)
                .when().get("/api/v1/inbox").then().statusCode(200).body("items", hasSize(1));
        given().header("Authorization", TestTokens.bearer("ingest")).queryParam("recipient", me)
                .when().get("/api/v1/inbox").then().statusCode(403);
    }

    @Test
    void needsARecipientAndAnswers404ForAnUnknownMessage() {
        given().header("Authorization", TestTokens.bearer("editor")).when().get("/api/v1/inbox")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("editor")).when().post("/api/v1/inbox/" + UUID.randomUUID() + "/read")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
