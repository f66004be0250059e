package org.scholarly.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.scholarly.testsupport.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The management endpoints with the production settings (the test profile opens them, as dev does): metrics, the
 * OpenAPI document and the Swagger UI need an operator's token; health stays open for probes.
 */
@QuarkusTest
@TestProfile(ManagementEndpointsTest.ProductionSettings.class)
class ManagementEndpointsTest {

    /** What application.properties sets outside dev and test. */
    public static class ProductionSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scholarly.management.public", "false");
        }
    }

    private static final List<String> MANAGEMENT = List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/");

    @Test
    void refusesManagementEndpointsToAnonymousCallersAndToCallersWithoutTheOpsRole() {
        for (String path : MANAGEMENT) {
            given().redirects().follow(false).get(path).then().statusCode(401);
            given().redirects().follow(false).header("Authorization", TestTokens.bearer("editor")).get(path).then().statusCode(403);
        }
    }

    @Test
    void servesManagementEndpointsToOperatorsAndHealthToAnyone() {
        for (String path : MANAGEMENT) {
            given().header("Authorization", TestTokens.bearer("ops")).get(path).then().statusCode(200);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
