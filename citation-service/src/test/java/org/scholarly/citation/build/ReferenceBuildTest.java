package org.scholarly.citation.build;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.CitationApi;
import org.scholarly.citation.testing.CitationTopic;
import org.scholarly.citation.testing.Database;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceBuildFinished;
import org.scholarly.contract.ReferenceStatusChanged;
import org.scholarly.testsupport.ChunkedRequests;
import org.scholarly.testsupport.TestTokens;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ReferenceBuildTest {

    private static final String POLICY_NOTICE = "References for papers published after 2023 are currently being built";

    @Inject
    AgroalDataSource dataSource;

    private void ingest(ArticleDraft draft) {
        CitationApi.ingest(dataSource, draft);
    }

    private static JsonPath citations(UUID id) {
        return CitationApi.citations(id);
    }

    @Test
    void theStandingPolicyShowsTheSeedNoticeUntilACampaignBuildsTheArticles() {
        UUID journal = UUID.randomUUID();
        ArticleDraft target = ArticleDraft.published("Reference building target " + UUID.randomUUID(), 2020).journal(journal, "중앙사론", null);
        target.doi = "10.8888/build." + UUID.randomUUID().toString().substring(0, 8);
        ingest(target);
        List<ArticleDraft> recent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ArticleDraft article = ArticleDraft.published("Recent article " + i + " " + UUID.randomUUID(), 2024 + i % 2)
                    .journal(journal, "중앙사론", null).citesDoi(target.doi);
            if (i == 2) {
                article.cites("Unknown, A. (2001). A work nobody catalogued. Nowhere Press.");
            }
            ingest(article);
            recent.add(article);
        }
        // Published after 2023: reported as being built, with the seed's notice, though no campaign runs.
        JsonPath before = citations(recent.get(0).id);
        assertThat(before.getString("referenceStatus")).isEqualTo("BUILDING");
        assertThat(before.getString("notice")).isEqualTo(POLICY_NOTICE);
        assertThat(citations(target.id).getLong("citedByCount")).isEqualTo(3);
        assertThat(citations(target.id).getString("referenceStatus")).isEqualTo("NOT_SUPPLIED");

        JsonPath started = given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(Map.of("journalId", journal, "fromYear", 2024, "notice", "Building the 2024-2025 volumes"))
                .post("/api/v1/reference-builds").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/reference-builds/"))
                .body("state", equalTo("RUNNING")).body("total", equalTo(3)).body("done", equalTo(0))
                .extract().jsonPath();
        String buildId = started.getString("id");

        JsonPath finished = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/v1/reference-builds/{id}", buildId).then().statusCode(200).extract().jsonPath(),
                        p -> p.getString("state").equals("FINISHED"));
        assertThat(finished.getInt("done")).isEqualTo(3);
        assertThat(finished.getInt("builtArticles")).isEqualTo(2);
        assertThat(finished.getInt("partialArticles")).isEqualTo(1);
        assertThat(finished.getInt("resolvedReferences")).isEqualTo(3);
        assertThat(finished.getInt("unresolvedReferences")).isEqualTo(1);
        assertThat(citations(recent.get(0).id).getString("referenceStatus")).isEqualTo("BUILT");
        assertThat(citations(recent.get(0).id).getString("notice")).isNull();
        assertThat(citations(recent.get(2).id).getString("referenceStatus")).isEqualTo("PARTIAL");

        // What the catalog sees: BUILDING with the policy notice, BUILDING with the campaign's notice, then BUILT.
        List<ReferenceStatusChanged> statuses = CitationTopic.awaitEvents(recent.get(0).id.toString(), events -> events.stream()
                        .anyMatch(e -> e.type().equals(EventTypes.REFERENCE_STATUS_CHANGED)
                                && EventCodec.dataAs(e, ReferenceStatusChanged.class).status().equals("BUILT")))
                .stream().filter(e -> e.type().equals(EventTypes.REFERENCE_STATUS_CHANGED))
                .map(e -> EventCodec.dataAs(e, ReferenceStatusChanged.class)).toList();
        assertThat(statuses).extracting(ReferenceStatusChanged::status).containsExactly("BUILDING", "BUILDING", "BUILT");
        assertThat(statuses.get(0).notice()).isEqualTo(POLICY_NOTICE);
        assertThat(statuses.get(1).notice()).isEqualTo("Building the 2024-2025 volumes");
        assertThat(statuses.get(1).buildId()).hasToString(buildId);
        assertThat(statuses).extracting(ReferenceStatusChanged::sequence).containsExactly(1L, 2L, 3L);

        ReferenceBuildFinished done = CitationTopic.awaitEvents(buildId, events -> !events.isEmpty()).stream()
                .filter(e -> e.type().equals(EventTypes.REFERENCE_BUILD_FINISHED))
                .map(e -> EventCodec.dataAs(e, ReferenceBuildFinished.class)).findFirst().orElseThrow();
        assertThat(done.articleCount()).isEqualTo(3);
        assertThat(done.state()).isEqualTo("FINISHED");
    }

    @Test
    void aCampaignMovesOlderArticlesFromBuiltThroughBuildingBackToBuilt() {
        UUID journal = UUID.randomUUID();
        ArticleDraft target = ArticleDraft.published("Campaign target " + UUID.randomUUID(), 2015).journal(journal, null, "Campaign Journal");
        target.doi = "10.8888/camp." + UUID.randomUUID().toString().substring(0, 8);
        ingest(target);
        ArticleDraft article = ArticleDraft.published("Campaign citing " + UUID.randomUUID(), 2018).journal(journal, null, "Campaign Journal")
                .citesDoi(target.doi);
        ingest(article);
        assertThat(citations(article.id).getString("referenceStatus")).isEqualTo("BUILT");

        String buildId = given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(Map.of("journalId", journal)).post("/api/v1/reference-builds").then().statusCode(202)
                .body("notice", equalTo("References are currently being built")).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/v1/reference-builds/{id}", buildId)
                .then().extract().path("state").equals("FINISHED"));
        List<String> statuses = CitationTopic.awaitEvents(article.id.toString(), events -> events.size() >= 3).stream()
                .filter(e -> e.type().equals(EventTypes.REFERENCE_STATUS_CHANGED))
                .map(e -> EventCodec.dataAs(e, ReferenceStatusChanged.class).status()).toList();
        assertThat(statuses).containsExactly("BUILT", "BUILDING", "BUILT");
    }

    @Test
    void showsCampaignProgressWithoutWhoRequestedItToReadersWhoAreNotEditors() {
        UUID journal = UUID.randomUUID();
        ingest(ArticleDraft.published("Progress view target " + UUID.randomUUID(), 2016).journal(journal, null, "Progress Journal"));
        String buildId = given().header("Authorization", "Bearer " + TestTokens.forSubject("campaign-owner", "editor"))
                .contentType(ContentType.JSON).body(Map.of("journalId", journal)).post("/api/v1/reference-builds")
                .then().statusCode(202).body("requestedBy", equalTo("campaign-owner")).extract().path("id");

        for (String authorization : List.of("", TestTokens.bearer("reader"), TestTokens.bearer("ingest"))) {
            var request = given();
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            String body = request.get("/api/v1/reference-builds/{id}", buildId).then().statusCode(200)
                    .body("id", equalTo(buildId)).body("total", notNullValue()).body("state", notNullValue())
                    .extract().asString();
            assertThat(body).doesNotContain("requestedBy", "campaign-owner");
        }
        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/reference-builds/{id}", buildId)
                .then().statusCode(200).body("requestedBy", equalTo("campaign-owner"));
    }

    @Test
    void documentsTheEditorAndThePublicProgressAsTheTwoShapesOfACampaign() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String progress = "paths.'/api/v1/reference-builds/{id}'.get.responses.'200'.content.'application/json'.schema.oneOf.'$ref'";
        assertThat(openApi.getList(progress, String.class)).containsExactlyInAnyOrder(
                "#/components/schemas/ReferenceBuildView", "#/components/schemas/ReferenceBuildPublicView");
        Map<String, Object> publicView = openApi.getMap("components.schemas.ReferenceBuildPublicView.properties");
        assertThat(publicView).containsKey("total").doesNotContainKey("requestedBy");
    }

    @Test
    void rejectsInvalidCampaignsWithProblemDetailsAndStartsNothing() {
        long before = builds();
        String editor = TestTokens.bearer("editor");
        given().header("Authorization", editor).contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "fromYear", 2024))
                .post("/api/v1/reference-builds").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id"));
        given().header("Authorization", editor).contentType(ContentType.JSON).body(Map.of("state", "FINISHED"))
                .post("/api/v1/reference-builds").then().statusCode(400).body("errors.field", hasItem("state"));
        given().header("Authorization", editor).contentType(ContentType.JSON).body(Map.of("fromYear", 2025, "toYear", 2024))
                .post("/api/v1/reference-builds").then().statusCode(400).body("errors.field", hasItem("fromYear"));
        given().header("Authorization", editor).contentType(ContentType.JSON).body(Map.of("fromYear", 99))
                .post("/api/v1/reference-builds").then().statusCode(400).body("errors.field", hasItem("fromYear"));
        given().header("Authorization", editor).contentType(ContentType.JSON).body(Map.of("notice", "x".repeat(501)))
                .post("/api/v1/reference-builds").then().statusCode(400).body("errors.field", hasItem("notice"));
        given().header("Authorization", editor).contentType(ContentType.JSON).body("{\"fromYear\": ")
                .post("/api/v1/reference-builds").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", editor).contentType(ContentType.JSON).body(Map.of("journalId", UUID.randomUUID()))
                .post("/api/v1/reference-builds").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", editor).contentType(ContentType.TEXT).body("fromYear=2024")
                .post("/api/v1/reference-builds").then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/reference-builds").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/reference-builds").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/reference-builds/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        assertThat(builds()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "state", "requestedBy", "total", "done", "builtArticles", "partialArticles",
            "failedArticles", "resolvedReferences", "unresolvedReferences", "createdAt", "finishedAt"})
    void refusesAServerOwnedFieldNamingItAndStartsNothing(String field) {
        long before = builds();
        String body = "{\"fromYear\": 2024, \"" + field + "\": \"2024-01-01T00:00:00Z\"}";
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/reference-builds").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertThat(builds()).isEqualTo(before);
    }

    @Test
    void refusesABodyOverTheCapWith413WhetherItsLengthIsDeclaredOrChunked() {
        long before = builds();
        byte[] body = ("{\"notice\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/reference-builds").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        HttpResponse<String> chunked = ChunkedRequests.post("/api/v1/reference-builds", TestTokens.forRole("editor"),
                "application/json", body);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(builds()).isEqualTo(before);
    }

    private long builds() {
        return Long.parseLong(Database.rows(dataSource, "SELECT count(*) FROM reference_build").get(0));
    }
}
