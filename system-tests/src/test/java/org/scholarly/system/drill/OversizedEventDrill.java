package org.scholarly.system.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.stack.PostgresServer;
import org.scholarly.system.Http;
import org.scholarly.system.SystemStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill 9: an event Kafka can never accept must not block the outbox. The largest article the API accepts goes
 * through; an outbox row over the producer's max.request.size (written straight into the catalog database, since
 * the API refuses such an article) is moved to the quarantine; and the 1,000 ordinary articles behind it reach the
 * citation-service as usual, with the outbox drained.
 */
@Tag("drill-extended")
class OversizedEventDrill {

    private static final int ARTICLES = 1_000;
    private static final int REFERENCE_CHARS = 1_500;

    @Test
    void quarantinesAnUnpublishableEventAndTheArticlesBehindItFlowOn() throws Exception {
        String catalog = SystemStack.catalog();
        double quarantinedBefore = DrillAudit.metric(catalog, "outbox_quarantined_total");

        // The largest article the API accepts: references added until the next one would push its event over the limit.
        DrillCorpus large = new DrillCorpus("oversized-event-largest", 1);
        int references = 400;
        Http.Response accepted;
        String refusal = null;
        while (true) {
            accepted = Http.post(catalog + "/api/v1/articles", SystemStack.token("ingest"), withReferences(large.article(0), references));
            if (accepted.status() == 201) {
                break;
            }
            assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(413);
            refusal = accepted.body().get("detail").asText();
            references -= 5;
        }
        String largeId = accepted.body().get("id").asText();
        System.out.printf("DRILL oversized-event: largest accepted article has %d references of %d characters; "
                + "with 5 more: %s%n", references, REFERENCE_CHARS, refusal);

        long oversizedRow = insertOversizedOutboxRow(1_200_000);
        Instant loadStarted = Instant.now();
        DrillCorpus corpus = new DrillCorpus("oversized-event", ARTICLES);
        long acknowledged = DrillLoad.bulk(corpus).awaitFinished(ARTICLES);
        Instant loadEnded = Instant.now();

        DrillAudit.Figures figures = DrillAudit.run("oversized-event", corpus, acknowledged, loadEnded, Duration.ofMinutes(3));

        int largeReferences = references;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response counts = Http.get(SystemStack.citation() + "/api/v1/citations/articles/" + largeId);
            assertThat(counts.status()).as("the largest article reached the citation-service").isEqualTo(200);
            assertThat(counts.body().get("referenceCount").asInt()).isEqualTo(largeReferences);
        });
        assertThat(DrillAudit.metric(catalog, "outbox_quarantined_total")).isEqualTo(quarantinedBefore + 1);
        assertThat(DrillAudit.metric(catalog, "outbox_quarantine_size")).isGreaterThanOrEqualTo(1);
        assertThat(DrillAudit.metric(catalog, "outbox_backlog")).isZero();
        JsonNode quarantine = Http.get(catalog + "/api/v1/outbox/quarantine", SystemStack.token("editor")).body();
        assertThat(quarantine.findValuesAsText("id")).contains(String.valueOf(oversizedRow));
        System.out.printf("DRILL oversized-event: 1 event quarantined (%s); %d articles applied %.1f s after the load "
                        + "started (load %.1f s, then drained in %.1f s); %s%n",
                quarantine.get(0).get("reason").asText(), acknowledged,
                Duration.between(loadStarted, loadEnded).toMillis() / 1000.0 + figures.drainedSeconds(),
                Duration.between(loadStarted, loadEnded).toMillis() / 1000.0, figures.drainedSeconds(), figures.line());
    }

    private static ObjectNode withReferences(ObjectNode article, int count) {
        ArrayNode list = article.putArray("references");
        for (int i = 0; i < count; i++) {
            String text = "Reference " + i + " ";
            list.addObject().put("raw", text + "x".repeat(REFERENCE_CHARS - text.length()));
        }
        return article;
    }

    /** Random text, which lz4 cannot shrink: too large for the producer and the broker alike. */
    private static long insertOversizedOutboxRow(int length) throws Exception {
        Random random = new Random(9);
        StringBuilder payload = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            payload.append((char) ('!' + random.nextInt(90)));
        }
        String jdbcUrl = SystemStack.get().postgres().jdbcUrl("catalog");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event (topic, event_key, event_id, event_type, payload) "
                     + "VALUES (?, ?, ?, 'article.updated', ?) RETURNING id")) {
            insert.setString(1, Topics.ARTICLE_EVENTS);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, payload.toString());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }
}
