package org.scholarly.catalog.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The only test with a profile of its own (each profile restarts the application): a tiny write limit. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.rate-limit.writes-per-second", "0.5", "catalog.rate-limit.burst", "2");
        }
    }

    @Test
    void answers429WithRetryAfterOnceAClientUsedItsBurstAndLeavesOtherClientsAlone() {
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
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);
        String other = TestTokens.forSubject("pipeline-other-" + System.nanoTime(), "ingest");
        given().header("Authorization", "Bearer " + other).contentType(ContentType.JSON)
                .body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles").then().statusCode(201);
        // Reads are not limited.
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/articles").then().statusCode(200);
        }
    }
}
