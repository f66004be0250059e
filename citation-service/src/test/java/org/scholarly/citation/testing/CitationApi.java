package org.scholarly.citation.testing;

import io.restassured.path.json.JsonPath;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventTypes;

import javax.sql.DataSource;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Ingest through the real broker and wait for the commit; read the public citation API. */
public final class CitationApi {

    private CitationApi() {
    }

    public static void ingest(DataSource dataSource, ArticleDraft draft, String type) {
        CloudEvent event = CatalogTopic.publish(draft, type);
        Database.awaitProcessed(dataSource, event.id());
    }

    public static void ingest(DataSource dataSource, ArticleDraft draft) {
        ingest(dataSource, draft, EventTypes.ARTICLE_CREATED);
    }

    public static JsonPath citations(UUID id) {
        return given().get("/api/v1/citations/articles/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
