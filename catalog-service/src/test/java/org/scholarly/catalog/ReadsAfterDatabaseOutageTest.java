package org.scholarly.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.DatabaseOutage;
import org.scholarly.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Once the database is back after an outage, the first requests must not be answered with the pool's dead
 * connections: the pool holds connections whose server processes were terminated, and hands them out as if nothing
 * had happened unless it validates a connection that sat idle before lending it.
 */
@QuarkusTest
class ReadsAfterDatabaseOutageTest {

    @Test
    void answersDuringAnOutageWith503AndAfterItWithoutServerErrors() throws Exception {
        // The seed record itself, so that its journal is created whole whichever test of this application runs first.
        String id = given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.seed()).post("/api/v1/articles")
                .then().statusCode(anyOf(is(200), is(201))).extract().jsonPath().getString("id");
        fillThePool(id);

        try (DatabaseOutage outage = DatabaseOutage.of(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))) {
            Thread.sleep(2_000);
            // During the outage: a problem that tells the client to come back, not an internal error.
            given().get("/api/v1/articles/" + id).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5");
        }

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(given().get("/api/v1/articles/" + id).then().extract().statusCode());
        }
        assertThat(statuses).containsOnly(200);
    }

    /** Concurrent reads, so that the pool holds several connections when the outage starts. */
    private static void fillThePool(String id) {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reads.add(CompletableFuture.supplyAsync(() -> given().get("/api/v1/articles/" + id).then().extract().statusCode(), clients));
            }
            reads.forEach(read -> assertThat(read.join()).isEqualTo(200));
        } finally {
            clients.shutdown();
        }
    }
}
