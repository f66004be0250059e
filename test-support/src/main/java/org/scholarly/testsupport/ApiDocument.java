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
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks a service's own OpenAPI document, so that a new operation is held to it without anyone remembering: every
 * request body has a schema (not an opaque byte stream), every success answer with a body has one, every error
 * answer is problem+json with the shared Problem schema (400, 401/403, 404 where they can happen), and every
 * operation states its security: a bearer JWT with roles, or an explicit empty requirement when it is public.
 */
public final class ApiDocument {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String PROBLEM_MEDIA = "application/problem+json";

    private ApiDocument() {
    }

    public static JsonPath fetch() {
        return RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    /** One dynamic test per operation of the running service's document. */
    public static Stream<DynamicTest> everyOperationIsDescribed() {
        return check(fetch().getMap(""));
    }

    @SuppressWarnings("unchecked")
    public static Stream<DynamicTest> check(Map<String, Object> document) {
        Map<String, Object> components = map(document.get("components"));
        Map<String, Object> schemes = map(components.get("securitySchemes"));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the document has the shared Problem schema",
                () -> assertThat(map(components.get("schemas"))).containsKey("Problem")));
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, value) -> {
            if (method.equals("parameters") || !(value instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String name = method.toUpperCase() + " " + path;
            tests.add(DynamicTest.dynamicTest(name + " is described", () -> {
                List<String> faults = new ArrayList<>();
                requestBody(operation, faults);
                responses(path, operation, faults);
                security(operation, schemes, faults);
                assertThat(faults).as(name).isEmpty();
            }));
        }));
        return tests.stream();
    }

    /**
     * Every listing: {@code ?limit=abc} is a 400 problem, not JAX-RS's 404. Called with a token of the operation's
     * first role, and a random id in the path: the limit is checked before anything is looked up.
     */
    public static Stream<DynamicTest> everyLimitMustBeANumber() {
        List<DynamicTest> tests = new ArrayList<>();
        map(fetch().getMap("paths")).forEach((path, item) -> {
            Map<String, Object> get = map(map(item).get("get"));
            boolean paged = list(get.get("parameters")).stream().anyMatch(p -> "limit".equals(map(p).get("name")));
            if (!paged) {
                return;
            }
            tests.add(DynamicTest.dynamicTest("GET " + path + "?limit=abc -> 400", () -> {
                RequestSpecification request = RestAssured.given().queryParam("limit", "abc");
                List<String> roles = roles(get);
                if (!roles.isEmpty()) {
                    request.auth().oauth2(TestTokens.forRole(roles.get(0)));
                }
                Response response = request.get(path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
                assertThat(response.contentType()).startsWith(PROBLEM_MEDIA);
            }));
        });
        assertThat(tests).as("the service has listings with a limit").isNotEmpty();
        return tests.stream();
    }

    private static void requestBody(Map<String, Object> operation, List<String> faults) {
        if (operation.get("requestBody") == null) {
            return;
        }
        Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
        if (content.isEmpty()) {
            faults.add("a request body without content");
        }
        content.forEach((media, type) -> {
            if (!describes(map(map(type).get("schema")))) {
                faults.add("request body " + media + " has no schema of its own: " + map(type).get("schema"));
            }
        });
    }

    private static void responses(String path, Map<String, Object> operation, List<String> faults) {
        Map<String, Object> responses = map(operation.get("responses"));
        if (responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
            faults.add("no success response");
        }
        responses.forEach((status, value) -> {
            Map<String, Object> content = map(map(value).get("content"));
            if (status.startsWith("2") && !status.equals("204")) {
                if (content.isEmpty() || content.values().stream().anyMatch(c -> !describes(map(map(c).get("schema"))))) {
                    faults.add(status + " has no response schema");
                }
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                Map<String, Object> problem = map(map(content.get(PROBLEM_MEDIA)).get("schema"));
                if (!PROBLEM_REF.equals(problem.get("$ref"))) {
                    faults.add(status + " is not " + PROBLEM_MEDIA + " with the Problem schema");
                }
            }
        });
        List<String> expected = new ArrayList<>();
        if (!list(operation.get("parameters")).isEmpty() || operation.get("requestBody") != null) {
            expected.add("400");
        }
        if (!roles(operation).isEmpty()) {
            expected.addAll(List.of("401", "403"));
        }
        if (path.contains("{")) {
            expected.add("404");
        }
        expected.stream().filter(s -> !responses.containsKey(s)).forEach(s -> faults.add("no " + s + " problem response"));
    }

    private static void security(Map<String, Object> operation, Map<String, Object> schemes, List<String> faults) {
        if (!(operation.get("security") instanceof List<?> requirements)) {
            faults.add("no security requirement (an empty one when public)");
            return;
        }
        for (Object requirement : requirements) {
            map(requirement).keySet().forEach(scheme -> {
                Map<String, Object> declared = map(schemes.get(scheme));
                if (!"http".equals(declared.get("type")) || !"bearer".equalsIgnoreCase(String.valueOf(declared.get("scheme")))) {
                    faults.add("security scheme " + scheme + " is not a bearer token");
                }
            });
        }
    }

    /** A schema that says what the bytes are: a reference, or a type other than an opaque binary string. */
    private static boolean describes(Map<String, Object> schema) {
        if (schema.isEmpty()) {
            return false;
        }
        return schema.containsKey("$ref") || schema.containsKey("oneOf") || schema.containsKey("anyOf")
                || (schema.containsKey("type") && !"binary".equals(schema.get("format")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Map<String, Object> operation) {
        List<String> roles = new ArrayList<>();
        for (Object requirement : list(operation.get("security"))) {
            map(requirement).values().forEach(v -> roles.addAll((Collection<String>) v));
        }
        return roles;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
