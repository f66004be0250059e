package org.scholarly.system.drill;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceBuildFinished;
import org.scholarly.contract.Topics;
import org.scholarly.system.Http;
import org.scholarly.system.KafkaProbe;
import org.scholarly.system.SystemStack;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill 11: PostgreSQL stopped for a whole minute while citation events flow to the catalog and the
 * notification-service, far longer than any attempt window. Every consumer waits the outage out: no valid event is
 * dead-lettered, every one is applied afterwards, and the usual audit holds.
 */
@Tag("drill-extended")
class PostgresOutageDrill {

    private static final int ARTICLES = 2_000;
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    /** Valid events published while the database is down, on top of the backlog the consumers hold. */
    private static final int EVENTS_DURING_OUTAGE = 40;

    @Test
    void deadLettersNoValidEventWhenTheDatabaseIsAwayForAMinute() throws Exception {
        long deadLettersBefore = deadLetterRecords();
        double catalogDeadLetteredBefore = consumerMetric(SystemStack.catalog(), "consumer_records_total", "outcome=\"dead_lettered\"");
        double notificationDeadLetteredBefore = consumerMetric(SystemStack.notification(), "consumer_records_total", "outcome=\"dead_lettered\"");

        DrillCorpus corpus = new DrillCorpus("postgres-outage", ARTICLES);
        long acknowledged = DrillLoad.bulk(corpus).awaitFinished(ARTICLES);
        long citationLag = KafkaProbe.lag("citation-service", Topics.ARTICLE_EVENTS);
        long notificationArticleLag = KafkaProbe.lag("notification-service", Topics.ARTICLE_EVENTS);

        Thread outage = new Thread(() -> SystemStack.get().stopPostgresFor(OUTAGE), "postgres-outage");
        Instant stopped = Instant.now();
        outage.start();
        // Valid citation events that arrive while the database is away: every consumer of citation.events must
        // hold them, not dead-letter them (counts for articles the catalog does not hold change nothing it shows).
        Thread.sleep(2_000);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < EVENTS_DURING_OUTAGE; i++) {
            UUID subject = UUID.randomUUID();
            Object data = i % 4 == 0
                    ? new ReferenceBuildFinished(subject, "FINISHED", 1, 1, 0, 30, 0, now())
                    : new CitationCountsChanged(subject, 1, 0, Map.of("2024", 1L), now(), 1);
            String type = i % 4 == 0 ? EventTypes.REFERENCE_BUILD_FINISHED : EventTypes.CITATION_COUNTS_CHANGED;
            String json = EventCodec.toJson(EventCodec.newEvent("/citation-service", type, subject.toString(), data));
            KafkaProbe.send(Topics.CITATION_EVENTS, subject.toString(), json);
            published.add(subject.toString());
        }
        long catalogLagInOutage = KafkaProbe.lag("catalog-service", Topics.CITATION_EVENTS);
        long notificationCitationLagInOutage = KafkaProbe.lag("notification-service", Topics.CITATION_EVENTS);
        outage.join();
        Instant faultEnded = Instant.now();
        System.out.printf("DRILL postgres-outage: database down %.1f s; citation-service lag %d and notification lag %d on "
                        + "catalog events at the stop; during the outage %d events published to citation.events, lag there "
                        + "catalog %d, notification %d%n",
                Duration.between(stopped, faultEnded).toMillis() / 1000.0, citationLag, notificationArticleLag,
                published.size(), catalogLagInOutage, notificationCitationLagInOutage);

        DrillAudit.Figures figures = DrillAudit.run("postgres-outage", corpus, acknowledged, faultEnded, Duration.ofMinutes(5));
        await().atMost(DrillAudit.RECOVERY_LIMIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(KafkaProbe.lag("notification-service", Topics.CITATION_EVENTS)).as("notification lag on citation.events").isZero());

        long deadLettered = deadLetterRecords() - deadLettersBefore;
        double catalogDeadLettered = consumerMetric(SystemStack.catalog(), "consumer_records_total", "outcome=\"dead_lettered\"")
                - catalogDeadLetteredBefore;
        double notificationDeadLettered = consumerMetric(SystemStack.notification(), "consumer_records_total", "outcome=\"dead_lettered\"")
                - notificationDeadLetteredBefore;
        double catalogTransientRetries = consumerMetric(SystemStack.catalog(), "consumer_retries_total", "kind=\"transient\"");
        double notificationTransientRetries = consumerMetric(SystemStack.notification(), "consumer_retries_total", "kind=\"transient\"");
        double citationTransientRetries = consumerMetric(SystemStack.citation(), "consumer_retries_total", "kind=\"transient\"");
        System.out.printf("DRILL postgres-outage: deadLettered=%d (catalog %.0f, notification %.0f); transient retries "
                        + "catalog %.0f, notification %.0f, citation %.0f; %s%n", deadLettered, catalogDeadLettered,
                notificationDeadLettered, catalogTransientRetries, notificationTransientRetries, citationTransientRetries, figures.line());

        assertThat(deadLettered).as("records sent to a dead-letter topic during and after the outage").isZero();
        assertThat(catalogDeadLettered).as("catalog consumer_records_total{outcome=dead_lettered} growth").isZero();
        assertThat(notificationDeadLettered).as("notification consumer_records_total{outcome=dead_lettered} growth").isZero();
        assertThat(catalogTransientRetries + notificationTransientRetries).as("the consumers did meet the outage").isPositive();
    }

    private static long deadLetterRecords() {
        return KafkaProbe.readAll(Topics.ARTICLE_EVENTS_DEAD_LETTER).size() + KafkaProbe.readAll(Topics.CITATION_EVENTS_DEAD_LETTER).size();
    }

    /** Sum of a service's series of a consumer metric that carry {@code tag}; 0 before its first record. */
    private static double consumerMetric(String baseUrl, String name, String tag) {
        String text = Http.get(baseUrl + "/q/metrics").raw().body();
        return text.lines().filter(l -> l.startsWith(name + "{") && l.contains(tag))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
