package org.scholarly.testsupport;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An authorisation matrix generated from the service's own OpenAPI document, so that a new endpoint is covered
 * without anyone remembering to add it: for every operation that names roles, no token answers 401, a token with
 * none of those roles answers 403, and a token with the role gets past security (whatever the dummy request then
 * earns: 400, 404, ...). Operations without roles must be reads: a write nobody guards fails the matrix. A POST that
 * only reads (OAI-PMH's) says so with the extension {@code x-read-only: true} (service-support's {@code ReadOnly}).
 */
public final class AuthorizationMatrix {

    public static final Set<String> ROLES = Set.of("editor", "ingest", "reader");
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    private AuthorizationMatrix() {
    }

    /** One dynamic test per operation and case. */
    public static Stream<DynamicTest> fromOpenApi() {
        JsonPath openApi = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        assertThat(paths).as("the OpenAPI document lists the service's operations").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || method.equals("parameters")) {
                return;
            }
            List<String> roles = rolesOf(op);
            String name = method.toUpperCase() + " " + path;
            if (roles.isEmpty()) {
                boolean readOnly = "true".equals(String.valueOf(op.get("x-read-only")));
                tests.add(DynamicTest.dynamicTest(name + " is public only if it is a read",
                        () -> assertThat(readOnly || !WRITES.contains(method)).as(name + " has no role but changes state").isTrue()));
                return;
            }
            tests.add(DynamicTest.dynamicTest(name + " without a token -> 401",
                    () -> assertThat(call(method, path, null).statusCode()).isEqualTo(401)));
            ROLES.stream().filter(r -> !roles.contains(r)).findFirst().ifPresent(wrong ->
                    tests.add(DynamicTest.dynamicTest(name + " as " + wrong + " -> 403",
                            () -> assertThat(call(method, path, TestTokens.forRole(wrong)).statusCode()).isEqualTo(403))));
            for (String role : roles) {
                tests.add(DynamicTest.dynamicTest(name + " as " + role + " passes security",
                        () -> assertThat(call(method, path, TestTokens.forRole(role)).statusCode()).isNotIn(401, 403)));
            }
        }));
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rolesOf(Map<?, ?> operation) {
        Object security = operation.get("security");
        List<String> roles = new ArrayList<>();
        if (security instanceof List<?> requirements) {
            for (Object requirement : requirements) {
                ((Map<String, Object>) requirement).values().forEach(v -> roles.addAll((Collection<String>) v));
            }
        }
        return roles;
    }

    private static Response call(String method, String path, String token) {
        // Path parameters get a random id: authorisation must be decided before the resource is looked up.
        String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        RequestSpecification request = RestAssured.given().contentType("application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (WRITES.contains(method) && !method.equals("delete")) {
            request.body("{}");
        }
        return request.request(method.toUpperCase(), concrete);
    }
}
