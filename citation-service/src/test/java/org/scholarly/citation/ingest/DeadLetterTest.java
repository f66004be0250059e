package org.scholarly.citation.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.CatalogTopic;
import org.scholarly.citation.testing.Database;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceStatusChanged;
import org.scholarly.contract.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Poison records go to the dead-letter topic with their reason; the partition keeps flowing and health stays UP. */
@QuarkusTest
class DeadLetterTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void deadLettersPoisonRecordsWithTheReasonAndKeepsConsumingThePartition() {
        String key = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        ArticleDraft broken = ArticleDraft.published("Broken " + marker, 2015);
        CloudEvent withoutTitles = EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, key, broken.snapshot());
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutTitles.data()).remove("titles");
        UUID other = UUID.randomUUID();
        CloudEvent wrongTopic = EventCodec.newEvent("/citation-service", EventTypes.REFERENCE_STATUS_CHANGED, other.toString(),
                new ReferenceStatusChanged(other, "BUILT", null, OffsetDateTime.now(), 1, 0, 0, null));
        CloudEvent unknownType = EventCodec.newEvent("/catalog-service", "article.teleported", key, broken.snapshot());

        CatalogTopic.send(key, "not json " + marker);
        CatalogTopic.send(key, EventCodec.toJson(withoutTitles));
        CatalogTopic.send(key, EventCodec.toJson(wrongTopic));
        CatalogTopic.send(key, EventCodec.toJson(unknownType));
        // Same key, same partition: it is consumed only if the poison records did not stop the partition.
        ArticleDraft valid = ArticleDraft.published("Valid after poison " + marker, 2015);
        valid.id = UUID.fromString(key);
        CloudEvent good = CatalogTopic.created(valid);
        Database.awaitProcessed(dataSource, good.id());

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> CatalogTopic.readAll(Topics.ARTICLE_EVENTS_DEAD_LETTER).stream()
                        .filter(r -> key.equals(r.key())).toList(),
                records -> records.size() >= 4);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly("not json " + marker,
                EventCodec.toJson(withoutTitles), EventCodec.toJson(wrongTopic), EventCodec.toJson(unknownType));
        assertThat(dead).allSatisfy(r -> assertThat(header(r, "dead-letter-reason")).isNotBlank());
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not JSON");
        assertThat(header(dead.get(1), "dead-letter-reason")).contains("titles");
        assertThat(header(dead.get(2), "dead-letter-reason")).contains("does not belong on catalog.article-events");
        assertThat(header(dead.get(3), "dead-letter-reason")).contains("unknown event type");
        assertThat(Database.rows(dataSource, "SELECT 1 FROM article WHERE id = ?", valid.id)).hasSize(1);

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("consumer_records_total\\{[^}]*channel=\"article-events\"[^}]*outcome=\"dead_lettered\"[^}]*} [4-9]");
    }

    @Test
    void deadLettersOnlyTheEventThatCannotBeAppliedAndAppliesTheRestOfItsPoll() {
        // One key, one partition: the three records arrive in order, usually in one poll. The middle one keeps the
        // contract but cannot be stored (PostgreSQL text cannot hold U+0000), so its poll's transaction fails.
        String key = UUID.randomUUID().toString();
        ArticleDraft before = ArticleDraft.published("Applied before the culprit " + key, 2014);
        ArticleDraft culprit = ArticleDraft.published("A title with a NUL \u0000 " + key, 2014);
        ArticleDraft after = ArticleDraft.published("Applied after the culprit " + key, 2014);
        List<CloudEvent> events = List.of(before, culprit, after).stream()
                .map(d -> EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, d.id.toString(), d.snapshot()))
                .toList();
        events.forEach(e -> CatalogTopic.send(key, EventCodec.toJson(e)));

        Database.awaitProcessed(dataSource, events.get(0).id());
        Database.awaitProcessed(dataSource, events.get(2).id());
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> CatalogTopic.readAll(Topics.ARTICLE_EVENTS_DEAD_LETTER).stream().filter(r -> key.equals(r.key())).toList(),
                records -> !records.isEmpty());
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(EventCodec.toJson(events.get(1)));
        assertThat(header(dead.get(0), "dead-letter-reason")).isNotBlank();
        assertThat(Database.rows(dataSource, "SELECT 1 FROM article WHERE id = ?", culprit.id)).isEmpty();
        assertThat(Database.rows(dataSource, "SELECT 1 FROM processed_event WHERE event_id = ?", events.get(1).id())).isEmpty();
        assertThat(Database.rows(dataSource, "SELECT 1 FROM article WHERE id = ANY (?)",
                (Object) new UUID[]{before.id, after.id})).hasSize(2);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("consumer_records_total\\{[^}]*channel=\"article-events\"[^}]*outcome=\"dead_lettered\"[^}]*} [1-9]")
                .containsPattern("consumer_retries_total\\{[^}]*channel=\"article-events\"[^}]*kind=\"unexpected\"[^}]*} [1-9]");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesConsumerLagPerPartition() {
        CloudEvent event = CatalogTopic.created(ArticleDraft.published("Lag probe " + UUID.randomUUID(), 2011));
        Database.awaitProcessed(dataSource, event.id());
        // A partition's lag metric appears with its first fetch, and the metrics binder looks for new Kafka client
        // metrics once a minute: so up to a minute after the application's first fetch, whenever this test runs.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(given().get("/q/metrics").then().extract().asString())
                .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"\\d+\"[^}]*topic=\"catalog\\.article-events\""));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
