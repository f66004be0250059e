package org.scholarly.catalog;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.stack.JwtIssuer;
import org.scholarly.testsupport.AuthorizationMatrix;
import org.scholarly.testsupport.ForgedTokens;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation in the OpenAPI document: 401 without a token, 403 with the wrong role, through with the right one. */
@QuarkusTest
class AuthorizationMatrixTest {

    @Inject
    AgroalDataSource dataSource;

    @TestFactory
    Stream<DynamicTest> everyOperationIsGuardedByItsRoles() {
        return AuthorizationMatrix.fromOpenApi();
    }

    @TestFactory
    Stream<DynamicTest> refusesForgedTokensOnAWriteAndStoresNothing() {
        return ForgedTokens.all("ingest", JwtIssuer.CATALOG_AUDIENCE).entrySet().stream().map(forged -> DynamicTest.dynamicTest(forged.getKey(), () -> {
            long before = ArticleEventLog.count(dataSource, "SELECT count(*) FROM article");
            given().header("Authorization", "Bearer " + forged.getValue()).contentType(ContentType.JSON)
                    .body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles")
                    .then().statusCode(401).contentType("application/problem+json");
            assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article")).isEqualTo(before);
        }));
    }
}
