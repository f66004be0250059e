package org.scholarly.citation.tracing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.CatalogTopic;
import org.scholarly.citation.testing.CitationApi;
import org.scholarly.citation.testing.Database;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventHeaders;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of an article event goes on through this service: the reference status it changes and the count change
 * it causes, which the flusher publishes later in a transaction of its own, are published in that same trace.
 */
@QuarkusTest
class TracePropagationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theCountChangeAndTheReferenceStatusAreEventsOfTheCitingArticlesTrace() {
        ArticleDraft cited = ArticleDraft.published("Traced and cited", 2019);
        cited.doi = "10.5555/trace." + UUID.randomUUID().toString().substring(0, 8);
        CitationApi.ingest(dataSource, cited);

        String traceId = UUID.randomUUID().toString().replace("-", "");
        String writerSpan = "00f067aa0ba902b7";
        ArticleDraft citing = ArticleDraft.published("Tracing a citation", 2026).citesDoi(cited.doi);
        CloudEvent event = CatalogTopic.publishTraced(citing, EventTypes.ARTICLE_CREATED, "00-" + traceId + "-" + writerSpan + "-01");
        Database.awaitProcessed(dataSource, event.id());

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(about(cited.id, EventTypes.CITATION_COUNTS_CHANGED)).isNotEmpty();
            assertThat(about(citing.id, EventTypes.REFERENCE_STATUS_CHANGED)).isNotEmpty();
        });
        for (ConsumerRecord<String, String> record : List.of(about(cited.id, EventTypes.CITATION_COUNTS_CHANGED).get(0),
                about(citing.id, EventTypes.REFERENCE_STATUS_CHANGED).get(0))) {
            String traceparent = header(record, EventHeaders.TRACEPARENT);
            assertThat(traceparent).as(header(record, EventHeaders.TYPE) + " ce_traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(traceparent.split("-")[1]).as("trace id").isEqualTo(traceId);
            assertThat(traceparent.split("-")[2]).as("a span of this service's own").isNotEqualTo(writerSpan);
        }
    }

    private static List<ConsumerRecord<String, String>> about(UUID article, String type) {
        return CatalogTopic.readAll(Topics.CITATION_EVENTS).stream()
                .filter(r -> article.toString().equals(r.key()) && type.equals(header(r, EventHeaders.TYPE))).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
