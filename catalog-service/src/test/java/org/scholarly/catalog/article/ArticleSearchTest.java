package org.scholarly.catalog.article;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ArticleSearchTest {

    /** A random run of Hangul syllables: a Korean search term that only this test's articles contain. */
    static String hangulMarker() {
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            marker.appendCodePoint(0xAC00 + ThreadLocalRandom.current().nextInt(11172));
        }
        return marker.toString();
    }

    static String create(String koreanTitle, String status) {
        ObjectNode record = Records.article(Records.uniqueDoi());
        ((ObjectNode) record.get("titles")).put("ko", koreanTitle);
        record.put("workflowStatus", status);
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Records.json(record))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getString("id");
    }

    static JsonPath search(String q, Integer limit, String cursor, String token) {
        var request = given().queryParam("q", q);
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void findsKoreanSubstringsOfTitlesAndEnglishWordsInAbstracts() {
        String marker = hangulMarker();
        String id = create("중소관계와 한국전쟁 " + marker + " 연구", "PUBLISHED");

        assertThat(search(marker.substring(1, 5), null, null, null).getList("items.id")).containsExactly(id);
        assertThat(search("중소관계", 100, null, null).getList("items.id")).contains(id);
        assertThat(search("한국전쟁", 100, null, null).getList("items.id")).contains(id);
        assertThat(search(marker + " korean", null, null, null).getList("items.id")).isEmpty();
        assertThat(search("ABOUT THE KOREAN WAR", 100, null, null).getList("items.id")).contains(id);
    }

    @Test
    void pagesWithAStableCursorWhileNewArticlesArrive() {
        String marker = hangulMarker();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(marker + " " + i, "PUBLISHED"));
        }
        List<String> seen = new ArrayList<>();
        JsonPath page = search(marker, 2, null, null);
        seen.addAll(page.getList("items.id"));
        create(marker + " late", "PUBLISHED");
        while (page.getString("nextCursor") != null) {
            page = search(marker, 2, page.getString("nextCursor"), null);
            seen.addAll(page.getList("items.id"));
        }

        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void hidesUnpublishedSubmissionsFromEveryoneButEditors() {
        String marker = hangulMarker();
        String submitted = create(marker, "SUBMITTED");

        assertThat(search(marker, null, null, null).getList("items.id")).isEmpty();
        assertThat(search(marker, null, null, TestTokens.bearer("reader")).getList("items.id")).isEmpty();
        assertThat(search(marker, null, null, TestTokens.bearer("editor")).getList("items.id")).containsExactly(submitted);
        given().get("/api/v1/articles/" + submitted).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/articles/" + submitted + "/references").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/articles/" + submitted)
                .then().statusCode(200).body("workflowStatus", equalTo("SUBMITTED"));
    }

    @Test
    void filtersByJournalYearStatusAndReferenceStatus() {
        String marker = hangulMarker();
        String id = create(marker, "PUBLISHED");
        String journalId = given().get("/api/v1/articles/" + id).jsonPath().getString("journal.id");
        String editor = TestTokens.bearer("editor");

        assertThat(given().header("Authorization", editor).queryParam("q", marker).queryParam("journalId", journalId)
                .queryParam("year", 2015).queryParam("status", "PUBLISHED").queryParam("referenceStatus", "PENDING")
                .get("/api/v1/articles").then().statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(id);
        assertThat(given().queryParam("q", marker).queryParam("year", 2016).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        assertThat(given().queryParam("q", marker).queryParam("referenceStatus", "BUILT").get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void rejectsBadPagingAndFilterParameters() {
        given().queryParam("limit", 101).get("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().queryParam("limit", 0).get("/api/v1/articles").then().statusCode(400);
        given().queryParam("cursor", "bm9wZQ").get("/api/v1/articles").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().queryParam("status", "LOST").get("/api/v1/articles").then().statusCode(400).body("errors.field", hasItem("status"));
        given().queryParam("journalId", "x").get("/api/v1/articles").then().statusCode(400).body("errors.field", hasItem("journalId"));
        given().get("/api/v1/articles").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(20));
    }

    @Test
    void refusesASearchTooShortForTheTrigramIndexNamingTheMinimum() {
        for (String tooShort : new String[]{"ab", "한국", "a", "  ab  "}) {
            given().queryParam("q", tooShort).get("/api/v1/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("q"))
                    .body("errors.find { it.field == 'q' }.message", org.hamcrest.Matchers.containsString("3"));
        }
        given().queryParam("q", "한국전").get("/api/v1/articles").then().statusCode(200);
    }
}
