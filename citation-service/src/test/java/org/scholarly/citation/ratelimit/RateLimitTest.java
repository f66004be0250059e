package org.scholarly.citation.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.Database;
import org.scholarly.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The only test with a profile of its own (each profile restarts the application): a tiny write limit. */
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

    private static Response startCampaign(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("fromYear", 2999, "toYear", 2999)).post("/api/v1/reference-builds");
    }

    @Test
    void answers429WithRetryAfterOnceAnEditorUsedItsBurstAndStartsNothingMore() {
        long before = builds();
        String editor = TestTokens.forSubject("editor-" + System.nanoTime(), "editor");
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 4; i++) {
            Response response = startCampaign(editor);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                retryAfter = response.header("Retry-After");
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }

        assertThat(statuses).containsExactly(202, 202, 429, 429);
        // One write per 100 s: no write refills during the test however slow the machine.
        assertThat(Integer.parseInt(retryAfter)).isBetween(60, 100);
        assertThat(builds()).as("only the writes that were let through").isEqualTo(before + 2);
        assertThat(startCampaign(TestTokens.forSubject("editor-other-" + System.nanoTime(), "editor")).statusCode())
                .as("another client has its own budget").isEqualTo(202);
        // Reads are not limited.
        for (int i = 0; i < 5; i++) {
            given().get("/q/openapi").then().statusCode(200);
            given().get("/api/v1/reference-builds/{id}", UUID.randomUUID()).then().statusCode(404);
        }
    }

    private long builds() {
        return Long.parseLong(Database.rows(dataSource, "SELECT count(*) FROM reference_build").get(0));
    }
}
