package org.scholarly.catalog.article;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What one article may carry (catalog.limits.*), at every door an article comes in by: refused with a problem that
 * names the limit and the value, and nothing stored, neither the article nor its event.
 */
@QuarkusTest
class ArticleLimitsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void refusesSeventyThousandTinyReferencesThatWouldMakeATwoMegabyteEvent() throws Exception {
        String doi = Records.uniqueDoi();
        ObjectNode record = withReferences(Records.article(doi), 70_000, "ab");

        post(record).statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("70000 references"))
                .body("detail", containsString("catalog.limits.max-references"))
                .body("errors[0].field", equalTo("references"));

        assertNothingStoredFor(doi);
    }

    @Test
    void refusesATextHoldingANulCharacterThatNoDatabaseCanStore() throws Exception {
        String doi = Records.uniqueDoi();
        ObjectNode record = Records.article(doi);
        ((ObjectNode) record.get("titles")).put("en", "A title with a \u0000 in it");

        post(record).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("U+0000"))
                .body("errors[0].field", equalTo("titles.en"));

        assertNothingStoredFor(doi);
    }

    @Test
    void refusesAnArticleWithOneReferenceMoreThanTheLimit() throws Exception {
        String doi = Records.uniqueDoi();

        post(withReferences(Records.article(doi), 1_001, "Kim, Korean War, 2015"))
                .statusCode(422).body("detail", containsString("at most 1000"));

        assertNothingStoredFor(doi);
        // The limit itself is accepted.
        post(withReferences(Records.article(doi), 1_000, "Kim, Korean War, 2015")).statusCode(201);
    }

    @Test
    void refusesAReferenceLongerThanTheLimit() throws Exception {
        String doi = Records.uniqueDoi();
        ObjectNode record = Records.article(doi);
        ((ArrayNode) record.get("references")).addObject().put("raw", "r".repeat(1_500)).put("title", "t".repeat(501));

        post(record).statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("catalog.limits.max-reference-chars"))
                .body("detail", containsString("references[2] has 2001"))
                .body("errors[0].field", equalTo("references[2]"));

        assertNothingStoredFor(doi);
    }

    @Test
    void refusesAnArticleWhoseEventWouldExceedTheBrokerLimit() throws Exception {
        String doi = Records.uniqueDoi();
        // Every reference within its own limits, together 600,000 characters: over the 512 KB event limit.
        ObjectNode record = withReferences(Records.article(doi), 400, "x".repeat(1_500));

        post(record).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("article.created event would be"))
                .body("detail", containsString("catalog.limits.max-event-bytes"));

        assertNothingStoredFor(doi);
    }

    @Test
    void refusesAnUpdateWhoseEventWouldExceedTheBrokerLimitAndKeepsTheStoredVersion() throws Exception {
        String doi = Records.uniqueDoi();
        String id = post(Records.article(doi)).statusCode(201).extract().jsonPath().getString("id");
        ArticleEventLog.awaitOutboxDrained(dataSource);

        post(withReferences(Records.article(doi), 400, "x".repeat(1_500))).statusCode(413)
                .body("detail", containsString("article.updated event would be"));

        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + id)
                .then().statusCode(200).body("version", equalTo(1)).body("references.size()", equalTo(2));
        assertThat(ArticleEventLog.outboxSize(dataSource)).isZero();
    }

    @Test
    void refusesAReplacedReferenceListOverTheLimitsAndKeepsTheStoredOne() throws Exception {
        String doi = Records.uniqueDoi();
        String id = post(Records.article(doi)).statusCode(201).extract().jsonPath().getString("id");
        ArticleEventLog.awaitOutboxDrained(dataSource);

        putReferences(id, withReferences(Records.JSON.createObjectNode(), 1_001, "ab")).statusCode(422)
                .body("detail", containsString("catalog.limits.max-references"));
        putReferences(id, withReferences(Records.JSON.createObjectNode(), 1, "r".repeat(2_001))).statusCode(422)
                .body("detail", containsString("catalog.limits.max-reference-chars"));
        putReferences(id, withReferences(Records.JSON.createObjectNode(), 400, "x".repeat(1_500))).statusCode(413)
                .body("detail", containsString("article.references-replaced event would be"));

        given().get("/api/v1/articles/" + id + "/references").then().statusCode(200)
                .body("version", equalTo(1)).body("references.size()", equalTo(2));
        assertThat(ArticleEventLog.outboxSize(dataSource)).isZero();
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article_history WHERE article_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void aBulkJobRecordsARecordOverTheLimitsAsItsErrorAndWritesTheOthers() throws Exception {
        String tooMany = Records.uniqueDoi();
        String tooLarge = Records.uniqueDoi();
        String ordinary = Records.uniqueDoi();
        String body = Records.json(withReferences(Records.article(tooMany), 1_001, "ab")) + "\n"
                + Records.json(withReferences(Records.article(tooLarge), 400, "x".repeat(1_500))) + "\n"
                + Records.json(Records.article(ordinary)) + "\n";

        String location = given().header("Authorization", TestTokens.bearer("ingest")).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/ingest/jobs").then().statusCode(202).extract().header("Location");
        JsonPath job = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                () -> given().header("Authorization", TestTokens.bearer("ingest")).get(location).then().statusCode(200).extract().jsonPath(),
                j -> "FINISHED".equals(j.getString("state")) || "FAILED".equals(j.getString("state")));

        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(job.getLong("rejected")).isEqualTo(2);
        assertThat(job.getString("errors.find { it.line == 1 }.reason")).contains("catalog.limits.max-references");
        assertThat(job.getString("errors.find { it.line == 2 }.reason")).contains("catalog.limits.max-event-bytes");
        assertNothingStoredFor(tooMany);
        assertNothingStoredFor(tooLarge);
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article WHERE doi = '" + ordinary + "'")).isEqualTo(1);
    }

    private static ObjectNode withReferences(ObjectNode record, int count, String raw) {
        ArrayNode references = record.putArray("references");
        for (int i = 0; i < count; i++) {
            references.addObject().put("raw", raw);
        }
        return record;
    }

    private static io.restassured.response.ValidatableResponse post(ObjectNode record) {
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.json(record)).post("/api/v1/articles").then();
    }

    private static io.restassured.response.ValidatableResponse putReferences(String id, ObjectNode body) {
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.json(body)).put("/api/v1/articles/" + id + "/references").then();
    }

    private void assertNothingStoredFor(String doi) throws SQLException {
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article WHERE doi = '" + doi + "'")).isZero();
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article_identifier WHERE key = 'doi:" + doi + "'")).isZero();
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM outbox_event WHERE payload LIKE '%" + doi + "%'")).isZero();
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM outbox_quarantine WHERE payload LIKE '%" + doi + "%'")).isZero();
    }
}
