package org.scholarly.citation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scholarly.stack.JwtIssuer;
import org.scholarly.testsupport.AuthorizationMatrix;
import org.scholarly.testsupport.ForgedTokens;

import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/** Every operation in the OpenAPI document: 401 without a token, 403 with the wrong role, through with the right one. */
@QuarkusTest
class AuthorizationTest {

    @TestFactory
    Stream<DynamicTest> everyOperationIsGuardedByItsRoles() {
        return AuthorizationMatrix.fromOpenApi();
    }

    @TestFactory
    Stream<DynamicTest> refusesForgedTokensOnAWrite() {
        return ForgedTokens.all("editor", JwtIssuer.CITATION_AUDIENCE).entrySet().stream().map(forged -> DynamicTest.dynamicTest(forged.getKey(), () ->
                given().header("Authorization", "Bearer " + forged.getValue()).contentType(ContentType.JSON)
                        .body(Map.of("fromYear", 2999, "toYear", 2999)).post("/api/v1/reference-builds")
                        .then().statusCode(401).contentType("application/problem+json")));
    }
}
