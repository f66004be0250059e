package org.scholarly.system.drill;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.stack.DeadLetterRedrive;
import org.scholarly.system.Http;
import org.scholarly.system.KafkaProbe;
import org.scholarly.system.SystemStack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill 6: malformed records on {@code catalog.article-events} reach the dead-letter topic with their reason within
 * seconds, the records after them keep flowing, and every consumer stays ready.
 */
@Tag("drill-ci")
class PoisonEventDrill {

    @Test
    void deadLettersPoisonWithItsReasonAndKeepsTheRestFlowing() throws Exception {
        String key = UUID.randomUUID().toString();
        String notJson = "{ this is not json " + key;
        String breaksContract = "{\"specversion\":\"1.0\",\"id\":\"" + key + "\",\"source\":\"/catalog-service\","
                + "\"type\":\"article.created\",\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"" + key + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"articleId\":\"" + key + "\"}}";
        // Consumers first at work (partitions assigned), so the figure below is the dead-lettering, not a group join.
        DrillCorpus corpus = new DrillCorpus("poison", 3);
        String first = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), corpus.article(0))
                .body().get("id").asText();
        await().atMost(Duration.ofMinutes(1)).until(() ->
                Http.get(SystemStack.citation() + "/api/v1/citations/articles/" + first).status() == 200);

        Instant sent = Instant.now();
        KafkaProbe.send(Topics.ARTICLE_EVENTS, key, notJson, breaksContract);

        List<ConsumerRecord<String, String>> deadLetters = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> KafkaProbe.readAll(Topics.ARTICLE_EVENTS_DEAD_LETTER).stream().filter(r -> key.equals(r.key())).toList(),
                        records -> records.stream().map(ConsumerRecord::value).toList().containsAll(List.of(notJson, breaksContract)));
        long lastDeadLetterMillis = 0;
        for (ConsumerRecord<String, String> record : deadLetters) {
            Header reason = record.headers().lastHeader("dead-letter-reason");
            assertThat(reason).as("dead-letter reason header").isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
            lastDeadLetterMillis = Math.max(lastDeadLetterMillis, record.timestamp());
        }
        double secondsToDeadLetter = (lastDeadLetterMillis - sent.toEpochMilli()) / 1000.0;

        // Good articles after the poison still get through, and every consumer is still ready.
        for (int k = 1; k < corpus.size(); k++) {
            Http.Response created = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), corpus.article(k));
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        }

        // The documented re-drive sends dead letters back to their topic; still poison, they come back to the DLQ.
        int redriven = DeadLetterRedrive.redrive(SystemStack.get().kafka().bootstrapServers(), Topics.ARTICLE_EVENTS_DEAD_LETTER,
                false, false);
        assertThat(redriven).as("dead letters sent back").isGreaterThanOrEqualTo(deadLetters.size());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                KafkaProbe.readAll(Topics.ARTICLE_EVENTS_DEAD_LETTER).stream().filter(r -> key.equals(r.key())).count()
                        >= 2L * deadLetters.size());

        DrillAudit.Figures figures = DrillAudit.run("poison-event", corpus, corpus.size(), Instant.now());
        System.out.printf("DRILL poison-event: %d dead letters for the poison within %.1f s; %s%n",
                deadLetters.size(), secondsToDeadLetter, figures.line());
    }
}
