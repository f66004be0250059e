package org.scholarly.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scholarly.testsupport.AuthorizationMatrix;
import org.scholarly.testsupport.ForgedTokens;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

@QuarkusTest
class AuthorizationTest {

    @TestFactory
    Stream<DynamicTest> everyOperationIsGuardedByItsRoles() {
        return AuthorizationMatrix.fromOpenApi();
    }

    @TestFactory
    Stream<DynamicTest> refusesForgedTokens() {
        return ForgedTokens.all("editor").entrySet().stream().map(forged -> DynamicTest.dynamicTest(forged.getKey(), () ->
                given().header("Authorization", "Bearer " + forged.getValue()).when().get("/api/v1/subscriptions")
                        .then().statusCode(401).contentType("application/problem+json")));
    }
}
