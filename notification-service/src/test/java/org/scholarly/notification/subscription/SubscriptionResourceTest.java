package org.scholarly.notification.subscription;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholarly.notification.support.Api;
import org.scholarly.notification.support.Rows;
import org.scholarly.testsupport.ChunkedRequests;
import org.scholarly.testsupport.TestTokens;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SubscriptionResourceTest {

    private static final String PATH = "/api/v1/subscriptions";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void showsAWebhookSecretOnlyInTheCreationResponse() {
        String id = given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(body("WEBHOOK", "http://127.0.0.1:9/hook", "[\"submission.received\"]", ""))
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("createdBy", equalTo("editor-user"))
                .extract().path("id");

        given().header("Authorization", TestTokens.bearer("editor")).when().get(PATH + "/" + id)
                .then().statusCode(200).body("channel", equalTo("WEBHOOK")).body("secret", nullValue());
        given().header("Authorization", TestTokens.bearer("editor")).queryParam("limit", 100).when().get(PATH)
                .then().statusCode(200).body("items.id", hasItem(id)).body("items.secret", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void givesEmailAndInboxSubscriptionsNoSecret() {
        assertThat(Api.subscribe("EMAIL", "desk@journal.test", List.of("workflow.decision"), UUID.randomUUID(), null, "en")
                .getString("secret")).isNull();
        assertThat(Api.subscribe("INBOX", "desk-42", List.of("citation.milestone"), null, UUID.randomUUID(), "ko")
                .getString("secret")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "secret", "createdAt", "createdBy", "version", "nonsense"})
    void rejectsServerOwnedAndUnknownFieldsNamingThem(String field) {
        String target = "desk-" + UUID.randomUUID();
        String body = body("INBOX", target, "[\"submission.received\"]", ",\"" + field + "\":\"x\"");
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertThat(Rows.subscriptionsWithTarget(dataSource, target)).isZero();
    }

    @Test
    void refusesABodyOverTheCapWith413WhetherItsLengthIsDeclaredOrChunked() {
        String target = "desk-" + UUID.randomUUID();
        // Valid in every field but one padded past the 64 KB cap: the size alone is refused.
        String padding = ",\"journalId\":\"" + UUID.randomUUID() + "\"" + " ".repeat(70_000);
        byte[] body = body("INBOX", target, "[\"submission.received\"]", padding).getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        HttpResponse<String> chunked = ChunkedRequests.post(PATH, TestTokens.forRole("editor"), "application/json", body);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Rows.subscriptionsWithTarget(dataSource, target)).isZero();
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(body("INBOX", target, "[\"submission.received\"]", "")).when().post(PATH).then().statusCode(201);
        assertThat(Rows.subscriptionsWithTarget(dataSource, target)).isOne();
    }

    @Test
    void rejectsAnUnknownEventType() {
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(body("INBOX", "desk-1", "[\"article.exploded\"]", ""))
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("eventTypes"));
    }

    @Test
    void rejectsAnEmailTargetThatIsNoAddressAndALocaleWeDoNotSpeak() {
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(body("EMAIL", "not-an-address", "[\"submission.received\"]", ""))
                .when().post(PATH)
                .then().statusCode(400).body("errors.field", hasItem("target"));
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(body("EMAIL", "desk@journal.test", "[\"submission.received\"]", "").replace("\"ko\"", "\"fr\""))
                .when().post(PATH)
                .then().statusCode(400).body("errors.field", hasItem("locale"));
    }

    @Test
    void refusesAWebhookTargetThatDoesNotResolveWith422() {
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(body("WEBHOOK", "https://no-such-host.invalid/hook", "[\"submission.received\"]", ""))
                .when().post(PATH)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void refusesATooLargePageAndAForgedCursor() {
        given().header("Authorization", TestTokens.bearer("editor")).queryParam("limit", 101).when().get(PATH)
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().header("Authorization", TestTokens.bearer("editor")).queryParam("cursor", "bm9wZQ").when().get(PATH)
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void pagesThroughEverySubscriptionOnceWithTheCursor() {
        for (int i = 0; i < 3; i++) {
            Api.subscribe("INBOX", "pager-" + i, List.of("submission.received"), UUID.randomUUID(), null, "en");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", TestTokens.bearer("editor")).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).when().get(PATH)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void deletesOnceThenAnswers404() {
        String id = Api.subscribe("INBOX", "gone-1", List.of("submission.received"), UUID.randomUUID(), null, "en").getString("id");
        given().header("Authorization", TestTokens.bearer("editor")).when().delete(PATH + "/" + id).then().statusCode(204);
        given().header("Authorization", TestTokens.bearer("editor")).when().delete(PATH + "/" + id).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("editor")).when().get(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void isForEditorsOnly() {
        given().header("Authorization", TestTokens.bearer("reader")).when().get(PATH).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(body("INBOX", "desk-1", "[\"submission.received\"]", "")).when().post(PATH).then().statusCode(403);
        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
    }

    private static String body(String channel, String target, String types, String extra) {
        return "{\"channel\":\"" + channel + "\",\"target\":\"" + target + "\",\"eventTypes\":" + types
                + ",\"locale\":\"ko\"" + extra + "}";
    }
}
