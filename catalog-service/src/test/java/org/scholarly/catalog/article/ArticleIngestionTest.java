package org.scholarly.catalog.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.testsupport.TestTokens;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ArticleIngestionTest {

    @Inject
    AgroalDataSource dataSource;

    static Response post(String body) {
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/articles");
    }

    static String postSeed() {
        Response response = post(Records.seed());
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
        return response.jsonPath().getString("id");
    }

    @Test
    void ingestsTheSeedArticleAndReadsBackEveryFieldWithKoreanTextIntact() throws Exception {
        String id = postSeed();

        JsonNode read = Records.JSON.readTree(given().get("/api/v1/articles/" + id).then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString());

        assertContains(Records.JSON.readTree(Records.seed()), read, "$");
        assertThat(read.at("/journal/titles/ko").asText()).isEqualTo("중앙사론");
        assertThat(read.at("/authors/0/names/ko").asText()).isEqualTo("안치영");
        assertThat(read.at("/authors/0/affiliations/0/ko").asText()).isEqualTo("인천대학교");
        assertThat(read.get("id").asText()).isEqualTo(id);
        assertThat(read.get("version").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(read.get("workflowStatus").asText()).isEqualTo("PUBLISHED");
        assertThat(read.at("/referenceStatus/status").asText()).isEqualTo("NOT_SUPPLIED");
        assertThat(read.at("/citationSummary/citedByCount").isNumber()).isTrue();
        assertThat(read.hasNonNull("createdAt")).isTrue();
        assertThat(read.hasNonNull("updatedAt")).isTrue();
    }

    @Test
    void rePostingIdenticalContentAnswers200AndEmitsNothing() throws Exception {
        String id = postSeed();
        ArticleEventLog.awaitOutboxDrained(dataSource);
        List<CloudEvent> before = ArticleEventLog.eventsOf(id);
        long version = given().get("/api/v1/articles/" + id).jsonPath().getLong("version");

        post(Records.seed()).then().statusCode(200).body("id", equalTo(id)).body("version", equalTo((int) version));

        assertThat(ArticleEventLog.outboxSize(dataSource)).as("nothing was appended to the outbox").isZero();
        assertThat(ArticleEventLog.eventsOf(id)).hasSameSizeAs(before);
        assertThat(before).isNotEmpty();
    }

    @Test
    void createsWithLocationThenChangedContentMakesOneNewVersionAndOneEvent() throws Exception {
        String doi = Records.uniqueDoi();
        ObjectNode record = Records.article(doi.toUpperCase());
        Response created = post(Records.json(record));
        created.then().statusCode(201).header("Location", containsString("/api/v1/articles/")).body("doi", equalTo(doi)).body("version", equalTo(1));
        String id = created.jsonPath().getString("id");

        ((ObjectNode) record.get("abstracts")).put("en", "A revised abstract.");
        post(Records.json(record)).then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(2));

        ArticleEventLog.awaitOutboxDrained(dataSource);
        List<CloudEvent> events = ArticleEventLog.eventsOf(id);
        assertThat(events).extracting(CloudEvent::type).containsExactly(EventTypes.ARTICLE_CREATED, EventTypes.ARTICLE_UPDATED);
        ArticleEventData updated = EventCodec.dataAs(events.get(1), ArticleEventData.class);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.references()).hasSize(2);
        assertThat(updated.referenceStatus()).isEqualTo("PENDING");
        assertThat(events.get(1).source()).isEqualTo("/catalog-service");
        assertThat(events.get(1).subject()).isEqualTo(id);

        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + id + "/history")
                .then().statusCode(200).body("action", equalTo(List.of("CREATED", "UPDATED")))
                .body("[1].changedFields", equalTo(List.of("abstracts"))).body("[1].actor", equalTo("ingest-user"));
    }

    @Test
    void matchesAnArticleByExternalIdWhenTheDoiIsMissing() {
        String externalId = "kci:ART" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ObjectNode record = Records.article(Records.uniqueDoi());
        record.remove("doi");
        record.putArray("externalIds").add(externalId);
        String id = post(Records.json(record)).then().statusCode(201).extract().jsonPath().getString("id");

        post(Records.json(record)).then().statusCode(200).body("id", equalTo(id)).body("externalIds", equalTo(List.of(externalId)));
    }

    @Test
    void idempotencyKeyReplaysTheFirstReplyAndRefusesADifferentBody() {
        String key = UUID.randomUUID().toString();
        String body = Records.json(Records.article(Records.uniqueDoi()));
        Response first = given().header("Authorization", TestTokens.bearer("ingest")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/articles");
        first.then().statusCode(201);

        given().header("Authorization", TestTokens.bearer("ingest")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(201).header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.jsonPath().getString("id")));
        given().header("Authorization", TestTokens.bearer("ingest")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void rejectsServerOwnedFieldsNamingTheField() throws Exception {
        long articles = ArticleEventLog.count(dataSource, "SELECT count(*) FROM article");
        for (String field : List.of("id", "version", "citedByCount", "referenceStatus", "createdAt", "updatedAt", "createdBy")) {
            ObjectNode record = Records.article(Records.uniqueDoi());
            record.put(field, "1");
            post(Records.json(record)).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(field));
        }
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article")).isEqualTo(articles);
    }

    @Test
    void rejectsInvalidFieldsWith400AndChangesNothing() throws Exception {
        long articles = ArticleEventLog.count(dataSource, "SELECT count(*) FROM article");
        long journals = ArticleEventLog.count(dataSource, "SELECT count(*) FROM journal");
        Map<String, java.util.function.Consumer<ObjectNode>> breakages = Map.of(
                "journal.issnPrint", r -> ((ObjectNode) r.get("journal")).put("issnPrint", "1229-4765"),
                "doi", r -> r.put("doi", "not-a-doi"),
                "firstPage", r -> r.put("firstPage", "512").put("lastPage", "481"),
                "publicationYear", r -> r.put("publicationYear", 3500),
                "accreditation", r -> ((ObjectNode) r.get("journal")).put("accreditation", "GOLD"),
                "authors[0].orcid", r -> ((ObjectNode) r.get("authors").get(0)).put("orcid", "0000-0002-1825-0098"),
                "titles", r -> r.putObject("titles"));
        breakages.forEach((field, breakage) -> {
            ObjectNode record = Records.article(Records.uniqueDoi());
            breakage.accept(record);
            post(Records.json(record)).then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors.field", hasItem(org.hamcrest.Matchers.containsString(field)));
        });
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article")).isEqualTo(articles);
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM journal")).isEqualTo(journals);
    }

    @Test
    void answersMalformedJsonWrongTypeAndOversizedBodiesWithProblems() {
        post("{\"titles\": {").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/articles").then().statusCode(415).contentType("application/problem+json");
        ObjectNode huge = Records.article(Records.uniqueDoi());
        ((ObjectNode) huge.get("abstracts")).put("en", "x".repeat(1_100_000));
        post(Records.json(huge)).then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void requiresTheIngestRoleToWrite() {
        given().contentType(ContentType.JSON).body(Records.seed()).post("/api/v1/articles").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("reader")).contentType(ContentType.JSON).body(Records.seed())
                .post("/api/v1/articles").then().statusCode(403);
    }

    @Test
    void replacesTheReferenceListAndEmitsReferencesReplaced() {
        String id = post(Records.json(Records.article(Records.uniqueDoi()))).then().statusCode(201).extract().jsonPath().getString("id");

        given().header("Authorization", TestTokens.bearer("ingest")).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"references\": [{\"raw\": \"Kim, A History of Korea, 1999\"}, {\"doi\": \"https://doi.org/10.1000/XYZ\"}]}")
                .put("/api/v1/articles/" + id + "/references")
                .then().statusCode(200).body("version", equalTo(2)).body("references.doi", hasItem("10.1000/xyz"));
        given().header("Authorization", TestTokens.bearer("ingest")).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"references\": []}").put("/api/v1/articles/" + id + "/references").then().statusCode(409);
        given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body("{\"references\": [{\"year\": 2001}]}").put("/api/v1/articles/" + id + "/references")
                .then().statusCode(400).body("errors.field", hasItem("references[0]"));

        given().get("/api/v1/articles/" + id + "/references").then().statusCode(200)
                .body("references.size()", equalTo(2)).body("referenceStatus.status", equalTo("PENDING"));
        ArticleEventLog.awaitOutboxDrained(dataSource);
        assertThat(ArticleEventLog.eventsOf(id)).extracting(CloudEvent::type)
                .containsExactly(EventTypes.ARTICLE_CREATED, EventTypes.ARTICLE_REFERENCES_REPLACED);
    }

    /** Every field of {@code expected} is in {@code actual} with the same value; actual may have more fields. */
    static void assertContains(JsonNode expected, JsonNode actual, String path) {
        assertThat(actual).as(path + " is missing").isNotNull();
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertContains(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
