package org.scholarly.catalog.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.RateLimits;
import org.scholarly.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The only test with a profile of its own (each profile restarts the application): a tiny write limit. The limit is
 * applied to every write by service-support's filter; this checks that the catalog gets it.
 */
@QuarkusTest
@TestProfile(RateLimits.TinyLimit.class)
class RateLimitTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response ingest(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles");
    }

    @Test
    void answers429WithRetryAfterOnceAClientUsedItsBurstAndLeavesOtherClientsAlone() throws Exception {
        long before = ArticleEventLog.count(dataSource, "SELECT count(*) FROM article");
        String client = TestTokens.forSubject("pipeline-" + System.nanoTime(), "ingest");

        RateLimits.Outcome outcome = RateLimits.repeat(4, () -> ingest(client));

        assertThat(outcome.statuses()).containsExactly(201, 201, 429, 429);
        assertThat(outcome.retryAfterSeconds()).isBetween(60, RateLimits.TinyLimit.SECONDS_PER_WRITE);
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article")).isEqualTo(before + 2);
        // Every write shares the budget, whichever endpoint it goes to: a bulk job is refused before its upload.
        given().header("Authorization", "Bearer " + client).contentType("application/x-ndjson")
                .body((Records.json(Records.article(Records.uniqueDoi())) + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ingest/jobs")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        assertThat(ingest(TestTokens.forSubject("pipeline-other-" + System.nanoTime(), "ingest")).statusCode())
                .as("another client has its own budget").isEqualTo(201);
        // Reads with a token are not limited.
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", "Bearer " + client).get("/api/v1/articles").then().statusCode(200);
        }
    }

    @Test
    void answers429WithRetryAfterToABurstOfAnonymousReadsFromOneAddress() {
        RateLimits.Outcome outcome = RateLimits.repeat(RateLimits.TinyLimit.READ_BURST + 2,
                () -> given().get("/api/v1/articles"));

        assertThat(outcome.statuses()).containsExactly(200, 200, 200, 429, 429);
        assertThat(outcome.retryAfterSeconds()).isBetween(60, RateLimits.TinyLimit.SECONDS_PER_WRITE);
        given().get("/api/v1/articles/{id}", java.util.UUID.randomUUID()).then().statusCode(429)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("per second (burst 3)"));
        // An OAI-PMH request by POST only reads: it draws on the same anonymous budget.
        given().contentType(ContentType.URLENC).formParam("verb", "Identify").post("/oai").then().statusCode(429);
        assertThat(given().header("Authorization", TestTokens.bearer("reader")).get("/api/v1/articles").statusCode())
                .as("a caller with a token is not limited by the address").isEqualTo(200);
    }
}
