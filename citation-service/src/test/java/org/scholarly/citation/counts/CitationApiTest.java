package org.scholarly.citation.counts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.CitationApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CitationApiTest {

    @Inject
    AgroalDataSource dataSource;

    private void ingest(ArticleDraft draft) {
        CitationApi.ingest(dataSource, draft);
    }

    @Test
    void pagesCitingArticlesWithAnOpaqueCursor() {
        ArticleDraft target = ArticleDraft.published("Paged target " + UUID.randomUUID(), 2010);
        target.doi = "10.9999/paged." + UUID.randomUUID().toString().substring(0, 8);
        ingest(target);
        for (int year = 2011; year <= 2015; year++) {
            ingest(ArticleDraft.published("Paged citing " + year, year).citesDoi(target.doi));
        }
        JsonPath first = given().queryParam("limit", 2).get("/api/v1/citations/articles/{id}/cited-by", target.id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.year", Integer.class)).containsExactly(2015, 2014);
        List<Integer> years = new ArrayList<>(first.getList("items.year", Integer.class));
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath page = given().queryParam("limit", 2).queryParam("cursor", cursor)
                    .get("/api/v1/citations/articles/{id}/cited-by", target.id).then().statusCode(200).extract().jsonPath();
            years.addAll(page.getList("items.year", Integer.class));
            cursor = page.getString("nextCursor");
        }
        assertThat(years).containsExactly(2015, 2014, 2013, 2012, 2011);
    }

    @Test
    void reportsJournalTotalsAndTheTwoYearImpactFactor() {
        UUID journal = UUID.randomUUID();
        List<ArticleDraft> items = new ArrayList<>();
        for (int year : new int[]{2012, 2013, 2013}) {
            ArticleDraft item = ArticleDraft.published("Impact item " + UUID.randomUUID(), year).journal(journal, null, "Impact Journal");
            item.doi = "10.9999/if." + UUID.randomUUID().toString().substring(0, 8);
            ingest(item);
            items.add(item);
        }
        // 2014: three citations to 2012-2013 items; 2016: one citation to a 2013 item, outside its two-year window.
        ingest(ArticleDraft.published("Citing in 2014 a", 2014).citesDoi(items.get(0).doi).citesDoi(items.get(1).doi));
        ingest(ArticleDraft.published("Citing in 2014 b", 2014).citesDoi(items.get(2).doi));
        ingest(ArticleDraft.published("Citing in 2016", 2016).citesDoi(items.get(1).doi));

        JsonPath stats = given().get("/api/v1/citations/journals/{id}", journal).then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("citedByCount")).isEqualTo(4);
        assertThat(stats.getMap("countsByYear")).isEqualTo(Map.of("2014", 3, "2016", 1));
        assertThat(stats.getLong("articleCount")).isEqualTo(3);
        Map<String, Object> if2014 = stats.getMap("impactFactors.find { it.year == 2014 }");
        assertThat(if2014).containsEntry("citations", 3).containsEntry("citableItems", 3).containsEntry("value", 1.0f);
        Map<String, Object> if2015 = stats.getMap("impactFactors.find { it.year == 2015 }");
        assertThat(if2015).containsEntry("citations", 0).containsEntry("citableItems", 2);
        assertThat(stats.getList("impactFactors.year", Integer.class)).containsExactly(2013, 2014, 2015);
    }

    @Test
    void answersBadRequestsWithProblemDetails() {
        ArticleDraft article = ArticleDraft.published("Problem probe " + UUID.randomUUID(), 2012);
        ingest(article);
        given().queryParam("limit", 101).get("/api/v1/citations/articles/{id}/cited-by", article.id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().queryParam("limit", 0).get("/api/v1/citations/articles/{id}/references", article.id).then().statusCode(400);
        given().queryParam("cursor", "not-a-cursor!").get("/api/v1/citations/articles/{id}/cited-by", article.id)
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().get("/api/v1/citations/articles/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/v1/citations/journals/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/citations/articles/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void hidesArticlesThatAreNotPublished() {
        ArticleDraft submitted = ArticleDraft.published("Unpublished " + UUID.randomUUID(), 2022);
        submitted.workflowStatus = "SUBMITTED";
        ingest(submitted);
        given().get("/api/v1/citations/articles/{id}", submitted.id).then().statusCode(404);
    }
}
