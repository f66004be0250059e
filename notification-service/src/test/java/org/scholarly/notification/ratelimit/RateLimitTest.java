package org.scholarly.notification.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.notification.support.Rows;
import org.scholarly.testsupport.RateLimits;
import org.scholarly.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The only test with a profile of its own (each profile restarts the application): a tiny write limit. */
@QuarkusTest
@TestProfile(RateLimits.TinyLimit.class)
class RateLimitTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response subscribe(String token, String target) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("channel", "INBOX", "target", target, "eventTypes", List.of("submission.received"), "locale", "en"))
                .post("/api/v1/subscriptions");
    }

    @Test
    void answers429WithRetryAfterOnceAnEditorUsedItsBurstAndStoresNothingMore() {
        String editor = TestTokens.forSubject("editor-" + System.nanoTime(), "editor");
        String target = "desk-" + UUID.randomUUID();

        RateLimits.Outcome outcome = RateLimits.repeat(4, () -> subscribe(editor, target));

        assertThat(outcome.statuses()).containsExactly(201, 201, 429, 429);
        assertThat(outcome.retryAfterSeconds()).isBetween(60, RateLimits.TinyLimit.SECONDS_PER_WRITE);
        assertThat(Rows.subscriptionsWithTarget(dataSource, target)).as("only the writes that were let through").isEqualTo(2);
        // Every write shares the budget: marking an inbox message read is refused before it is looked up.
        given().header("Authorization", "Bearer " + editor).post("/api/v1/inbox/{id}/read", UUID.randomUUID())
                .then().statusCode(429).contentType("application/problem+json");
        assertThat(subscribe(TestTokens.forSubject("editor-other-" + System.nanoTime(), "editor"), target).statusCode())
                .as("another client has its own budget").isEqualTo(201);
        // Reads are not limited.
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + editor).get("/api/v1/subscriptions").then().statusCode(200);
        }
    }
}
