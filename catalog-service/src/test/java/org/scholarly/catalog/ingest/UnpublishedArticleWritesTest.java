package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The ingest role matches articles on DOI, external id or natural key; an article that is not published (a
 * submission, one under review) it may change only with If-Match naming its current version, and a refusal reveals
 * nothing about the article it hit. Editors and corrections to published articles are unaffected.
 */
@QuarkusTest
class UnpublishedArticleWritesTest {

    private static final String GENERIC = "A record with this identifier exists and cannot be changed by this request";

    private static Response post(String role, ObjectNode record, String ifMatch) {
        var request = given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON).body(Records.json(record));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/articles");
    }

    /** A record ingested as a submission and put under review by an editor. */
    private static String underReview(ObjectNode record) {
        record.put("workflowStatus", "SUBMITTED");
        String id = post("ingest", record, null).then().statusCode(201).extract().jsonPath().getString("id");
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"action\": \"START_REVIEW\", \"comment\": \"to the reviewers\"}")
                .post("/api/v1/articles/" + id + "/transitions").then().statusCode(200);
        return id;
    }

    private static JsonPath asEditor(String id) {
        return given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static ObjectNode retitled(ObjectNode record, String title) {
        ObjectNode changed = record.deepCopy();
        changed.putObject("titles").put("en", title).put("ko", record.at("/titles/ko").asText());
        return changed;
    }

    private static void assertRevealsNothing(Response refused, String id) {
        refused.then().statusCode(409).contentType("application/problem+json").body("detail", equalTo(GENERIC));
        assertThat(refused.asString()).doesNotContain(id, "SUBMITTED", "UNDER_REVIEW", "version", "workflowStatus");
    }

    @Test
    void refusesAnIngestRecordMatchingASubmissionUnderReviewWithoutIfMatchAndRevealsNothing() {
        ObjectNode byDoi = Records.article(Records.uniqueDoi());
        String doiMatch = underReview(byDoi);
        ObjectNode byExternalId = Records.article(Records.uniqueDoi());
        byExternalId.remove("doi");
        byExternalId.putArray("externalIds").add("kci:ART" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        String externalIdMatch = underReview(byExternalId);
        long version = asEditor(doiMatch).getLong("version");

        assertRevealsNothing(post("ingest", retitled(byDoi, "Overwritten by a pipeline"), null), doiMatch);
        assertRevealsNothing(post("ingest", retitled(byExternalId, "Overwritten by a pipeline"), null), externalIdMatch);
        assertRevealsNothing(post("ingest", byDoi, null), doiMatch);
        assertRevealsNothing(post("ingest", retitled(byDoi, "Overwritten by a pipeline"), "\"" + (version + 7) + "\""), doiMatch);

        JsonPath stored = asEditor(doiMatch);
        assertThat(stored.getLong("version")).isEqualTo(version);
        assertThat(stored.getString("titles.en")).isEqualTo(byDoi.at("/titles/en").asText());
        assertThat(stored.getString("workflowStatus")).isEqualTo("UNDER_REVIEW");
        assertThat(asEditor(externalIdMatch).getString("titles.en")).isEqualTo(byExternalId.at("/titles/en").asText());
        assertThat(given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + doiMatch + "/history")
                .then().statusCode(200).extract().jsonPath().getList("action", String.class)).doesNotContain("UPDATED");
    }

    @Test
    void letsTheIngestRoleChangeASubmissionWhenIfMatchNamesItsCurrentVersion() {
        ObjectNode record = Records.article(Records.uniqueDoi());
        String id = underReview(record);
        long version = asEditor(id).getLong("version");

        post("ingest", retitled(record, "Corrected with the editor's version"), "\"" + version + "\"").then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo((int) version + 1))
                .body("titles.en", equalTo("Corrected with the editor's version"));
        assertThat(asEditor(id).getString("workflowStatus")).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void editorsStillChangeASubmissionWithoutIfMatch() {
        ObjectNode record = Records.article(Records.uniqueDoi());
        String id = underReview(record);

        post("editor", retitled(record, "Changed by an editor"), null).then().statusCode(200)
                .body("id", equalTo(id)).body("titles.en", equalTo("Changed by an editor"));
    }

    @Test
    void theIngestRoleStillCorrectsPublishedArticlesAndAnIdenticalRePostAnswers200() {
        ObjectNode record = Records.article(Records.uniqueDoi());
        String id = post("ingest", record, null).then().statusCode(201).extract().jsonPath().getString("id");

        ObjectNode corrected = retitled(record, "Corrected metadata");
        post("ingest", corrected, null).then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(2))
                .body("titles.en", equalTo("Corrected metadata"));
        post("ingest", corrected, null).then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(2));
    }

    @Test
    void aBulkRecordMatchingASubmissionIsAPerRecordErrorWithTheSameGenericReason() {
        ObjectNode submission = Records.article(Records.uniqueDoi());
        String id = underReview(submission);
        long version = asEditor(id).getLong("version");
        ObjectNode fresh = Records.article(Records.uniqueDoi());
        String body = Records.json(retitled(submission, "Overwritten by a bulk job")) + "\n" + Records.json(fresh) + "\n";

        String location = IngestJobTest.submit(body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", null)
                .then().statusCode(202).extract().header("Location");
        JsonPath job = IngestJobTest.awaitFinished(location);

        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(job.getLong("updated")).isZero();
        assertThat(job.getLong("unchanged")).isZero();
        assertThat(job.getLong("rejected")).isEqualTo(1);
        assertThat(job.getList("errors.line", Integer.class)).isEqualTo(List.of(1));
        assertThat(job.getString("errors[0].reason")).isEqualTo(GENERIC);
        assertThat(job.prettify()).doesNotContain(id, "UNDER_REVIEW");
        assertThat(asEditor(id).getLong("version")).isEqualTo(version);
        assertThat(asEditor(id).getString("titles.en")).isEqualTo(submission.at("/titles/en").asText());
    }

    @Test
    void replacingTheReferencesOfASubmissionNeedsIfMatchFromTheIngestRoleButNotFromEditors() {
        ObjectNode record = Records.article(Records.uniqueDoi());
        String id = underReview(record);
        long version = asEditor(id).getLong("version");
        String references = "{\"references\": [{\"raw\": \"Kim, A History of Korea, 1999\"}]}";

        Response refused = given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(references).put("/api/v1/articles/" + id + "/references");
        refused.then().statusCode(409).contentType("application/problem+json").body("detail", equalTo(GENERIC));
        assertThat(refused.asString()).doesNotContain("UNDER_REVIEW", "version " + version);
        given().header("Authorization", TestTokens.bearer("ingest")).header("If-Match", "\"" + (version + 3) + "\"")
                .contentType(ContentType.JSON).body(references).put("/api/v1/articles/" + id + "/references")
                .then().statusCode(409).body("detail", equalTo(GENERIC));
        assertThat(asEditor(id).getLong("version")).isEqualTo(version);

        given().header("Authorization", TestTokens.bearer("ingest")).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(references).put("/api/v1/articles/" + id + "/references")
                .then().statusCode(200).body("version", equalTo((int) version + 1));
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"references\": []}").put("/api/v1/articles/" + id + "/references")
                .then().statusCode(200).body("version", equalTo((int) version + 2));
    }
}
