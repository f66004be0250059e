package org.scholarly.notification.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.scholarly.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The calls the tests make again and again. */
public final class Api {

    private Api() {
    }

    /** Creates a subscription as an editor and returns the creation response. */
    public static JsonPath subscribe(String channel, String target, List<String> types, UUID journalId, UUID articleId, String locale) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("channel", channel);
        body.put("target", target);
        body.put("eventTypes", types);
        body.put("locale", locale);
        if (journalId != null) {
            body.put("journalId", journalId.toString());
        }
        if (articleId != null) {
            body.put("articleId", articleId.toString());
        }
        return given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    public static List<Map<String, Object>> deliveries(String subscriptionId) {
        return given().header("Authorization", TestTokens.bearer("editor")).queryParam("subscriptionId", subscriptionId)
                .when().get("/api/v1/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    public static List<Map<String, Object>> inbox(String recipient) {
        return given().header("Authorization", TestTokens.bearer("editor")).queryParam("recipient", recipient)
                .queryParam("limit", 100)
                .when().get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
