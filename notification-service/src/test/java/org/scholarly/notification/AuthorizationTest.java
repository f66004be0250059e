package org.scholarly.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scholarly.notification.support.Rows;
import org.scholarly.stack.JwtIssuer;
import org.scholarly.testsupport.AuthorizationMatrix;
import org.scholarly.testsupport.ForgedTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class AuthorizationTest {

    @Inject
    AgroalDataSource dataSource;

    @TestFactory
    Stream<DynamicTest> everyOperationIsGuardedByItsRoles() {
        return AuthorizationMatrix.fromOpenApi();
    }

    @TestFactory
    Stream<DynamicTest> refusesForgedTokens() {
        return ForgedTokens.all("editor", JwtIssuer.NOTIFICATION_AUDIENCE).entrySet().stream().map(forged -> DynamicTest.dynamicTest(forged.getKey(), () -> {
            String target = "forged-" + UUID.randomUUID();
            given().header("Authorization", "Bearer " + forged.getValue()).when().get("/api/v1/subscriptions")
                    .then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", "Bearer " + forged.getValue()).contentType(ContentType.JSON)
                    .body(Map.of("channel", "INBOX", "target", target, "eventTypes", List.of("submission.received"), "locale", "en"))
                    .when().post("/api/v1/subscriptions")
                    .then().statusCode(401).contentType("application/problem+json");
            assertThat(Rows.subscriptionsWithTarget(dataSource, target)).isZero();
        }));
    }
}
