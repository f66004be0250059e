package org.scholarly.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.scholarly.notification.support.GreenMailResource;
import org.scholarly.testsupport.RealInfrastructureResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Every test of this module runs against a real PostgreSQL database of its own, a real Kafka broker and a real SMTP
 * server. Both resources are global: one Quarkus start serves every test class.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, initArgs =
        @io.quarkus.test.common.ResourceArg(name = "database", value = "notification_test"))
@QuarkusTestResource(GreenMailResource.class)
class ReadinessTest {

    @Test
    void isReadyOnlyWithItsDatabaseAndTheBrokerReachable() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void publishesItsOpenApiDocumentAndMetrics() {
        given().when().get("/q/openapi?format=json").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
