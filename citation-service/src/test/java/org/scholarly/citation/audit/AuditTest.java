package org.scholarly.citation.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.CitationApi;
import org.scholarly.testsupport.TestTokens;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
class AuditTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void reportsNoMismatchAfterCitationsAndNamesACorruptedCounter() throws SQLException {
        ArticleDraft cited = ArticleDraft.published("An article the audit watches " + UUID.randomUUID(), 2014);
        cited.doi = "10.5555/audit." + UUID.randomUUID().toString().substring(0, 8);
        CitationApi.ingest(dataSource, cited);
        CitationApi.ingest(dataSource, ArticleDraft.published("A citing article", 2020).citesDoi(cited.doi));

        audit().body("consistent", equalTo(true)).body("mismatches.articleCounts", equalTo(0))
                .body("mismatches.links", equalTo(0)).body("links", greaterThanOrEqualTo(1));

        execute("UPDATE citation_count SET cited_by_count = cited_by_count + 1 WHERE article_id = '" + cited.id + "'");
        try {
            audit().body("consistent", equalTo(false)).body("mismatches.articleCounts", equalTo(2));
        } finally {
            execute("UPDATE citation_count SET cited_by_count = cited_by_count - 1 WHERE article_id = '" + cited.id + "'");
        }
        audit().body("consistent", equalTo(true));
    }

    @Test
    void namesArticlesItHasNotAppliedOrHasOnlyAnOlderVersionOf() {
        ArticleDraft known = ArticleDraft.published("Known to the citation-service", 2019);
        CitationApi.ingest(dataSource, known);
        UUID unknown = UUID.randomUUID();

        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON)
                .body(Map.of("articles", List.of(Map.of("id", known.id, "version", 2), Map.of("id", unknown, "version", 1))))
                .post("/api/v1/citations/audit/articles")
                .then().statusCode(200)
                .body("checked", equalTo(2))
                .body("missing", equalTo(List.of(unknown.toString())))
                .body("behind[0].id", equalTo(known.id.toString()))
                .body("behind[0].appliedVersion", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse audit() {
        return given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/citations/audit").then().statusCode(200);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
