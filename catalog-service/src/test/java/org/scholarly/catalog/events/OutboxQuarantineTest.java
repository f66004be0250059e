package org.scholarly.catalog.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.contract.Topics;
import org.scholarly.testsupport.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outbox row that Kafka refuses for good must not hold back the rows behind it: the relay moves it to
 * outbox_quarantine, says so in the metrics, and the outbox drains.
 */
@QuarkusTest
class OutboxQuarantineTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void quarantinesARowTheBrokerRefusesAsTooLargeAndPublishesTheEventsBehindIt() throws Exception {
        double quarantinedBefore = metric("outbox_quarantined_total");
        // Written straight into the outbox, past the API's limits: a 1.2 MB record, over the producer's max.request.size.
        long oversized = insertOversizedRow(UUID.randomUUID().toString(), 1_200_000);
        String ordinary = given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getString("id");

        ArticleEventLog.awaitOutboxDrained(dataSource);

        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM outbox_quarantine WHERE id = " + oversized
                + " AND reason LIKE 'RecordTooLargeException%'")).isEqualTo(1);
        assertThat(ArticleEventLog.records()).anyMatch(r -> ordinary.equals(r.key()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("outbox_quarantined_total")).isEqualTo(quarantinedBefore + 1);
            assertThat(metric("outbox_quarantine_size")).isGreaterThanOrEqualTo(1);
            assertThat(metric("outbox_backlog")).isZero();
        });
        // Editors can see it without database access.
        given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/outbox/quarantine")
                .then().statusCode(200).contentType(ContentType.JSON);
        String listing = given().header("Authorization", TestTokens.bearer("editor")).get("/api/v1/outbox/quarantine")
                .then().extract().asString();
        assertThat(listing).contains("\"id\":" + oversized).contains("RecordTooLargeException").doesNotContain("\"payload\"");
    }

    private long insertOversizedRow(String articleId, int length) throws Exception {
        Random random = new Random(7);
        StringBuilder payload = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            payload.append((char) ('!' + random.nextInt(90)));
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (topic, event_key, event_id, event_type, payload) "
                     + "VALUES (?, ?, ?, 'article.updated', ?) RETURNING id")) {
            insert.setString(1, Topics.ARTICLE_EVENTS);
            insert.setString(2, articleId);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, payload.toString());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)$").matcher(text);
        assertThat(value.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(value.group(2));
    }
}
