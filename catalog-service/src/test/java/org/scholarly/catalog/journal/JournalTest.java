package org.scholarly.catalog.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class JournalTest {

    /** A random ISSN with a correct ISO 3297 check digit. */
    static String randomIssn() {
        int[] digits = new int[7];
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            digits[i] = ThreadLocalRandom.current().nextInt(10);
            sum += digits[i] * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        StringBuilder issn = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            issn.append(digits[i]);
            if (i == 3) {
                issn.append('-');
            }
        }
        return issn.append(check == 10 ? "X" : Integer.toString(check)).toString();
    }

    static String createJournal(String issn, String title) {
        return given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"titles\": {\"ko\": \"" + title + "\", \"en\": \"Journal " + title + "\"}, \"issnPrint\": \"" + issn + "\","
                        + " \"researchArea\": \"Humanities > History\", \"accreditation\": \"CANDIDATE\","
                        + " \"publisher\": {\"ko\": \"중앙대학교\"}}")
                .post("/api/v1/journals").then().statusCode(201).body("issnPrint", equalTo(issn))
                .body("accreditation", equalTo("CANDIDATE")).extract().jsonPath().getString("id");
    }

    @Test
    void createsAJournalAndKeepsEveryAccreditationChangeAsDatedHistory() {
        String id = createJournal(randomIssn(), "사학연구 " + UUID.randomUUID());

        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"accreditation\": \"ACCREDITED\", \"effectiveFrom\": \"2020-01-01\", \"comment\": \"등재\"}")
                .patch("/api/v1/journals/" + id).then().statusCode(200).body("accreditation", equalTo("ACCREDITED"));
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"accreditation\": \"EXCELLENT\", \"effectiveFrom\": \"2024-01-01\"}")
                .patch("/api/v1/journals/" + id).then().statusCode(200);

        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/journals/" + id).then().statusCode(200)
                .body("accreditation", equalTo("EXCELLENT"))
                .body("researchArea", equalTo("Humanities > History"))
                .body("accreditationHistory.status", equalTo(List.of("CANDIDATE", "ACCREDITED", "EXCELLENT")))
                .body("accreditationHistory[1].effectiveFrom", equalTo("2020-01-01"))
                .body("accreditationHistory[1].recordedBy", equalTo("editor-user"))
                .body("accreditationHistory[1].comment", equalTo("등재"));
    }

    @Test
    void ingestionMatchesTheJournalByIssnAndCountsArticlesPerIssue() {
        String issn = randomIssn();
        String id = createJournal(issn, "역사학보 " + UUID.randomUUID());
        for (String number : List.of("1", "1", "2")) {
            ObjectNode record = Records.article(Records.uniqueDoi());
            ObjectNode journal = (ObjectNode) record.get("journal");
            journal.putObject("titles").put("en", "A different spelling of the title");
            journal.put("issnPrint", issn.replace("-", ""));
            record.putObject("issue").put("year", 2021).put("volume", "9").put("number", number);
            given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Records.json(record))
                    .post("/api/v1/articles").then().statusCode(201).body("journal.id", equalTo(id)).body("issue.volume", equalTo("9"));
        }

        given().get("/api/v1/journals/" + id).then().statusCode(200)
                .body("articleCount", equalTo(3))
                .body("issues.size()", equalTo(2))
                .body("issues.find { it.number == '1' }.articleCount", equalTo(2))
                .body("issues.find { it.number == '2' }.articleCount", equalTo(1));
    }

    @Test
    void rejectsAnInvalidIssnADuplicateIssnAndServerOwnedFields() {
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"titles\": {\"en\": \"Bad\"}, \"issnPrint\": \"1229-4765\"}")
                .post("/api/v1/journals").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("issnPrint"));
        String issn = randomIssn();
        createJournal(issn, "중복 " + UUID.randomUUID());
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"titles\": {\"en\": \"Same ISSN\"}, \"issnPrint\": \"" + issn + "\"}")
                .post("/api/v1/journals").then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"titles\": {\"en\": \"With id\"}, \"id\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/journals").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"accreditation\": \"GOLD\"}")
                .patch("/api/v1/journals/" + UUID.randomUUID()).then().statusCode(400);
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"accreditation\": \"NONE\"}")
                .patch("/api/v1/journals/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void listsJournalsNewestFirstWithACursor() {
        createJournal(randomIssn(), "목록 " + UUID.randomUUID());
        createJournal(randomIssn(), "목록 " + UUID.randomUUID());
        var first = given().queryParam("limit", 1).get("/api/v1/journals").then().statusCode(200).extract().jsonPath();
        var second = given().queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/journals").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(second.getString("items[0].id")).isNotEqualTo(first.getString("items[0].id"));
        given().queryParam("limit", 500).get("/api/v1/journals").then().statusCode(400);
    }

    @Test
    void showsAnonymousReadersNeitherRecorderNorCommentNorAnIssueHoldingOnlySubmissions() {
        String issn = randomIssn();
        String id = createJournal(issn, "공개 " + UUID.randomUUID());
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body("{\"accreditation\": \"ACCREDITED\", \"effectiveFrom\": \"2020-01-01\", \"comment\": \"내부 검토 메모\"}")
                .patch("/api/v1/journals/" + id).then().statusCode(200);
        ingestIntoIssue(issn, "1", "PUBLISHED");
        ingestIntoIssue(issn, "1", "SUBMITTED");
        ingestIntoIssue(issn, "2", "SUBMITTED");

        String anonymous = given().get("/api/v1/journals/" + id).then().statusCode(200)
                .body("accreditationHistory.status", equalTo(List.of("CANDIDATE", "ACCREDITED")))
                .body("accreditationHistory[1].effectiveFrom", equalTo("2020-01-01"))
                .body("accreditationHistory[1].recordedAt", notNullValue())
                .body("articleCount", equalTo(1))
                .body("issues.number", equalTo(List.of("1")))
                .body("issues[0].articleCount", equalTo(1))
                .extract().asString();
        assertThat(anonymous).doesNotContain("recordedBy", "editor-user", "comment", "내부 검토 메모");
        given().header("Authorization", TestTokens.bearer("reader")).get("/api/v1/journals/" + id).then().statusCode(200)
                .body("issues.number", equalTo(List.of("1")))
                .body("accreditationHistory[1]", not(hasKey("recordedBy")));
        String listing = given().queryParam("limit", 100).get("/api/v1/journals").then().statusCode(200).extract().asString();
        assertThat(listing).doesNotContain("recordedBy", "내부 검토 메모");

        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/journals/" + id).then().statusCode(200)
                .body("accreditationHistory[1].recordedBy", equalTo("editor-user"))
                .body("accreditationHistory[1].comment", equalTo("내부 검토 메모"))
                .body("articleCount", equalTo(3))
                .body("issues.number", equalTo(List.of("2", "1")))
                .body("issues.find { it.number == '1' }.articleCount", equalTo(2));
    }

    @Test
    void documentsTheEditorAndThePublicDetailAsTheTwoShapesOfAJournal() {
        var openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String detail = "paths.'/api/v1/journals/{id}'.get.responses.'200'.content.'application/json'.schema.oneOf.'$ref'";
        assertThat(openApi.getList(detail, String.class))
                .containsExactlyInAnyOrder("#/components/schemas/JournalView", "#/components/schemas/JournalPublicView");
        Map<String, Object> publicEntry = openApi.getMap("components.schemas.PublicAccreditationEntry.properties");
        assertThat(publicEntry).containsKeys("status", "effectiveFrom", "recordedAt").doesNotContainKeys("recordedBy", "comment");
    }

    private static void ingestIntoIssue(String issn, String number, String workflowStatus) {
        ObjectNode record = Records.article(Records.uniqueDoi());
        ObjectNode journal = (ObjectNode) record.get("journal");
        journal.putObject("titles").put("en", "A different spelling of the title");
        journal.put("issnPrint", issn);
        record.putObject("issue").put("year", 2022).put("volume", "3").put("number", number);
        record.put("workflowStatus", workflowStatus);
        given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Records.json(record))
                .post("/api/v1/articles").then().statusCode(201);
    }
}
