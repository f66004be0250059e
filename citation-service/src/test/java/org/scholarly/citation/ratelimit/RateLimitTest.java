package org.scholarly.citation.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.Database;
import org.scholarly.testsupport.RateLimits;
import org.scholarly.testsupport.TestTokens;

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

    private static Response startCampaign(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("fromYear", 2999, "toYear", 2999)).post("/api/v1/reference-builds");
    }

    @Test
    void answers429WithRetryAfterOnceAnEditorUsedItsBurstAndStartsNothingMore() {
        long before = builds();
        String editor = TestTokens.forSubject("editor-" + System.nanoTime(), "editor");

        RateLimits.Outcome outcome = RateLimits.repeat(4, () -> startCampaign(editor));

        assertThat(outcome.statuses()).containsExactly(202, 202, 429, 429);
        assertThat(outcome.retryAfterSeconds()).isBetween(60, RateLimits.TinyLimit.SECONDS_PER_WRITE);
        assertThat(builds()).as("only the writes that were let through").isEqualTo(before + 2);
        assertThat(startCampaign(TestTokens.forSubject("editor-other-" + System.nanoTime(), "editor")).statusCode())
                .as("another client has its own budget").isEqualTo(202);
        // Reads with a token are not limited.
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + editor).get("/api/v1/reference-builds/{id}", UUID.randomUUID())
                    .then().statusCode(404);
        }
    }

    @Test
    void answers429WithRetryAfterToABurstOfAnonymousReadsFromOneAddress() {
        RateLimits.Outcome outcome = RateLimits.repeat(RateLimits.TinyLimit.READ_BURST + 2,
                () -> given().get("/api/v1/reference-builds/{id}", UUID.randomUUID()));

        assertThat(outcome.statuses()).containsExactly(404, 404, 404, 429, 429);
        assertThat(outcome.retryAfterSeconds()).isBetween(60, RateLimits.TinyLimit.SECONDS_PER_WRITE);
    }

    private long builds() {
        return Long.parseLong(Database.rows(dataSource, "SELECT count(*) FROM reference_build").get(0));
    }
}
