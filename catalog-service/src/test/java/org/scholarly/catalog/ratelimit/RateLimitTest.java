package org.scholarly.catalog.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The only test with a profile of its own (each profile restarts the application): a tiny write limit. The limit is
 * applied to every write by service-support's filter; this checks that the catalog gets it.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scholarly.rate-limit.writes-per-second", "0.01", "scholarly.rate-limit.burst", "2");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void answers429WithRetryAfterOnceAClientUsedItsBurstAndLeavesOtherClientsAlone() throws Exception {
        long before = ArticleEventLog.count(dataSource, "SELECT count(*) FROM article");
        String client = TestTokens.forSubject("pipeline-" + System.nanoTime(), "ingest");
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 4; i++) {
            var response = given().header("Authorization", "Bearer " + client).contentType(ContentType.JSON)
                    .body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                retryAfter = response.header("Retry-After");
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }

        assertThat(statuses).containsExactly(201, 201, 429, 429);
        // One write per 100 s: no write refills during the test however slow the machine, and the client is told
        // to come back when its next write is due.
        assertThat(Integer.parseInt(retryAfter)).isBetween(60, 100);
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article")).isEqualTo(before + 2);
        // Every write shares the budget, whichever endpoint it goes to: a bulk job is refused before its upload.
        given().header("Authorization", "Bearer " + client).contentType("application/x-ndjson")
                .body((Records.json(Records.article(Records.uniqueDoi())) + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/ingest/jobs")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        String other = TestTokens.forSubject("pipeline-other-" + System.nanoTime(), "ingest");
        given().header("Authorization", "Bearer " + other).contentType(ContentType.JSON)
                .body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles").then().statusCode(201);
        // Reads are not limited.
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/articles").then().statusCode(200);
        }
    }
}
