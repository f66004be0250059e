package org.scholarly.catalog.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.FailingWriteHook;
import org.scholarly.catalog.support.Records;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.support.outbox.OutboxRelay;
import org.scholarly.testsupport.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class OutboxEventsTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    @Test
    void theRelayProducesWithAcksAllAndIdempotence() {
        ProducerConfig effective = relay.effectiveProducerConfig();

        assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).isIn("all", "-1");
        assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
        assertThat(relay.producerConfig()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void aFailureAfterTheArticleInsertLeavesNeitherArticleNorEvent() throws Exception {
        String doi = Records.uniqueDoi();
        FailingWriteHook.FAIL_FOR_DOI.add(doi);
        long articles = ArticleEventLog.count(dataSource, "SELECT count(*) FROM article");
        long journals = ArticleEventLog.count(dataSource, "SELECT count(*) FROM journal");
        try {
            ObjectNode record = Records.article(doi);
            ((ObjectNode) record.get("journal")).putObject("titles").put("en", "Journal of Rolled Back Writes " + doi);
            given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Records.json(record))
                    .post("/api/v1/articles").then().statusCode(500).contentType("application/problem+json");
        } finally {
            FailingWriteHook.FAIL_FOR_DOI.remove(doi);
        }

        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article")).isEqualTo(articles);
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM journal")).isEqualTo(journals);
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM outbox_event WHERE payload LIKE '%" + doi + "%'")).isZero();
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article_identifier WHERE key = 'doi:" + doi + "'")).isZero();
        // A later write goes out; the rolled-back one never does.
        String marker = given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getString("id");
        ArticleEventLog.awaitOutboxDrained(dataSource);
        List<ConsumerRecord<String, String>> records = ArticleEventLog.records();
        assertThat(records).anyMatch(r -> marker.equals(r.key()));
        assertThat(records).noneMatch(r -> r.value().contains(doi));
        // The same record succeeds once the fault is gone: nothing half-written was left in its way.
        given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.json(Records.article(doi))).post("/api/v1/articles").then().statusCode(201).body("version", equalTo(1));
    }

    @Test
    void everyEventOnTheTopicHonoursTheContractAndEachArticlesVersionsArriveInOrder() {
        for (int i = 0; i < 3; i++) {
            ObjectNode record = Records.article(Records.uniqueDoi());
            for (int change = 0; change < 4; change++) {
                ((ObjectNode) record.get("abstracts")).put("en", "revision " + change);
                given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Records.json(record))
                        .post("/api/v1/articles").then().statusCode(change == 0 ? 201 : 200);
            }
        }
        ArticleEventLog.awaitOutboxDrained(dataSource);

        List<ConsumerRecord<String, String>> records = ArticleEventLog.records();
        assertThat(records).isNotEmpty();
        Map<String, Long> lastVersion = new HashMap<>();
        List<Long> latencies = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(EventContract.violations(record.value())).as(record.value()).isEmpty();
            CloudEvent event = EventCodec.parse(record.value());
            assertThat(event.subject()).isEqualTo(record.key());
            assertThat(new String(record.headers().lastHeader("ce_id").value())).isEqualTo(event.id());
            latencies.add(record.timestamp() - event.time().toInstant().toEpochMilli());
            long version = EventCodec.dataAs(event, ArticleEventData.class).version();
            Long previous = lastVersion.put(record.key(), version);
            if (previous != null) {
                assertThat(version).as("versions of article " + record.key()).isGreaterThan(previous);
            }
        }
        // Measured, not asserted: from the event's creation in the write transaction to the broker's timestamp.
        latencies.sort(null);
        System.out.printf("outbox-to-Kafka latency over %d events: median %d ms, p95 %d ms%n", latencies.size(),
                latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.95)));
    }
}
