package org.scholarly.citation.reference;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.ingest.ArticleEventProcessor;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The public reference list, read a page at a time in SQL: the pages together are the whole list, in order. */
@QuarkusTest
class ReferencePagingTest {

    @Inject
    ArticleEventProcessor processor;

    @Test
    void pagesTheReferenceListAcrossCursorsInPositionOrder() {
        ArticleDraft article = ArticleDraft.published("Paged references " + UUID.randomUUID(), 2016);
        for (int i = 1; i <= 7; i++) {
            article.cites("Author " + i + ". Unknown work number " + i + ". Nowhere Journal " + i + ", 1999.");
        }
        ArticleEventData data = article.snapshot();
        processor.apply(EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, data.articleId().toString(), data), data);

        List<List<Integer>> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/citations/articles/{id}/references", article.id).then().statusCode(200)
                    .extract().jsonPath();
            pages.add(page.getList("items.position", Integer.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null && pages.size() < 10);

        assertThat(pages).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
        JsonPath whole = given().get("/api/v1/citations/articles/{id}/references", article.id).then().statusCode(200).extract().jsonPath();
        assertThat(whole.getList("items.position", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(whole.getString("nextCursor")).isNull();
        assertThat(whole.getList("items.raw", String.class).get(6)).contains("number 7");
    }

    @Test
    void endsWithoutACursorWhenTheLastPageIsExactlyFull() {
        ArticleDraft article = ArticleDraft.published("Exactly full " + UUID.randomUUID(), 2016);
        for (int i = 1; i <= 4; i++) {
            article.cites("Author " + i + ". Another unknown work " + i + ". 1998.");
        }
        ArticleEventData data = article.snapshot();
        processor.apply(EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, data.articleId().toString(), data), data);

        JsonPath first = given().queryParam("limit", 2).get("/api/v1/citations/articles/{id}/references", article.id).then()
                .statusCode(200).extract().jsonPath();
        JsonPath second = given().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/citations/articles/{id}/references", article.id).then().statusCode(200).extract().jsonPath();

        assertThat(second.getList("items.position", Integer.class)).containsExactly(3, 4);
        assertThat(second.getString("nextCursor")).isNull();
    }
}
