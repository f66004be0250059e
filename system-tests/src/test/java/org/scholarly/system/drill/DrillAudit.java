package org.scholarly.system.drill;

import com.fasterxml.jackson.databind.JsonNode;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.Topics;
import org.scholarly.stack.LocalStack;
import org.scholarly.system.Http;
import org.scholarly.system.KafkaProbe;
import org.scholarly.system.SystemStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit that ends every drill: nothing the catalog acknowledged is missing downstream, nothing counted twice,
 * stored counts equal their recomputation and the graph's exact expectation, summaries agree across services,
 * outboxes drained, consumer lag back to zero, every service ready — and how long recovery took.
 */
final class DrillAudit {

    record Figures(String drill, long acknowledged, long inCatalog, long processed, long duplicatesOnTopic,
                   long recomputationMismatches, long countMismatches, double drainedSeconds) {

        String line() {
            return String.format("DRILL %-22s acknowledged=%d catalog=%d processed=%d duplicatesAbsorbed=%d "
                            + "recomputationMismatches=%d countMismatches=%d drainedSeconds=%.1f",
                    drill, acknowledged, inCatalog, processed, duplicatesOnTopic, recomputationMismatches, countMismatches,
                    drainedSeconds);
        }
    }

    /** The bound: lag back to zero within 60 s of the fault's end, when no other work is queued. */
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    private DrillAudit() {
    }

    /**
     * @param faultEnded when the fault was over (broker back, process restarted) and no more load was being added
     */
    static Figures run(String drill, DrillCorpus corpus, long acknowledged, Instant faultEnded) throws Exception {
        return run(drill, corpus, acknowledged, faultEnded, RECOVERY_LIMIT);
    }

    /**
     * @param drainLimit how long the pipeline may take to drain after {@code faultEnded}: the recovery limit, plus the
     *                   time to work off a backlog when the load outlasted the fault
     */
    static Figures run(String drill, DrillCorpus corpus, long acknowledged, Instant faultEnded, Duration drainLimit) throws Exception {
        awaitDrained(faultEnded, drainLimit);
        double drainedSeconds = Duration.between(faultEnded, Instant.now()).toMillis() / 1000.0;

        Map<String, JsonNode> catalogArticles = catalogArticles(corpus);
        assertThat(catalogArticles).as("articles the catalog holds for what it acknowledged").hasSize((int) acknowledged);

        List<Map<String, Object>> versions = new ArrayList<>();
        catalogArticles.values().forEach(a -> versions.add(Map.of("id", a.get("id").asText(), "version", a.get("version").asLong())));
        Map<String, Long> citationCounts = new HashMap<>();
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            citationCounts.clear();
            for (int from = 0; from < versions.size(); from += 1000) {
                JsonNode check = Http.post(SystemStack.citation() + "/api/v1/citations/audit/articles", SystemStack.token("editor"),
                        Map.of("articles", versions.subList(from, Math.min(versions.size(), from + 1000)))).body();
                assertThat(check.get("missing")).as("acknowledged articles the citation-service never applied").isEmpty();
                assertThat(check.get("behind")).as("articles applied at an older version").isEmpty();
                check.get("citedByCount").fields().forEachRemaining(e -> citationCounts.put(e.getKey(), e.getValue().asLong()));
            }
        });

        JsonNode report = Http.get(SystemStack.citation() + "/api/v1/citations/audit", SystemStack.token("editor")).body();
        long recomputationMismatches = 0;
        for (JsonNode mismatch : report.get("mismatches")) {
            recomputationMismatches += mismatch.asLong();
        }

        Map<Integer, Long> expected = corpus.expectedCounts((int) acknowledged);
        long countMismatches = 0;
        for (JsonNode article : catalogArticles.values()) {
            long actual = citationCounts.getOrDefault(article.get("id").asText(), -1L);
            if (actual != expected.getOrDefault(corpus.indexOf(article.get("doi").asText()), 0L)) {
                countMismatches++;
            }
        }
        awaitCatalogSummariesAgree(corpus, citationCounts);

        long duplicates = duplicateEventIds(Topics.ARTICLE_EVENTS);
        Figures figures = new Figures(drill, acknowledged, catalogArticles.size(), citationCounts.size(), duplicates,
                recomputationMismatches, countMismatches, drainedSeconds);
        record(figures);
        assertThat(recomputationMismatches).as("stored counters that differ from their recomputation").isZero();
        assertThat(countMismatches).as("cited-by counts that differ from the citation graph").isZero();
        return figures;
    }

    /** Outboxes empty, consumer groups caught up, every service ready, within {@code limit} of the fault's end. */
    static void awaitDrained(Instant faultEnded, Duration limit) {
        Duration left = limit.minus(Duration.between(faultEnded, Instant.now()));
        await().atMost(left.isNegative() ? Duration.ofSeconds(1) : left).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            // The three services; an extra instance a drill started and stopped again is not part of the platform.
            for (String name : LocalStack.SERVICES) {
                assertThat(SystemStack.service(name).isReady()).as(name + " ready").isTrue();
            }
            assertThat(metric(SystemStack.catalog(), "outbox_backlog")).as("catalog outbox backlog").isZero();
            assertThat(metric(SystemStack.citation(), "outbox_backlog")).as("citation outbox backlog").isZero();
            assertThat(KafkaProbe.lag("citation-service", Topics.ARTICLE_EVENTS)).as("citation-service lag").isZero();
            assertThat(KafkaProbe.lag("catalog-service", Topics.CITATION_EVENTS)).as("catalog-service lag").isZero();
            assertThat(KafkaProbe.lag("notification-service", Topics.ARTICLE_EVENTS)).as("notification lag").isZero();
        });
    }

    static Map<String, JsonNode> catalogArticles(DrillCorpus corpus) {
        String journalId = journalId(corpus);
        Map<String, JsonNode> articles = new LinkedHashMap<>();
        String cursor = null;
        do {
            String url = SystemStack.catalog() + "/api/v1/articles?limit=100&journalId=" + journalId
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = Http.get(url, SystemStack.token("editor")).body();
            page.get("items").forEach(item -> articles.put(item.get("id").asText(), item));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return articles;
    }

    private static String journalId(DrillCorpus corpus) {
        JsonNode page = Http.get(SystemStack.catalog() + "/api/v1/articles?limit=1&q="
                + URLEncoder.encode(corpus.firstTitle(), StandardCharsets.UTF_8), SystemStack.token("editor")).body();
        assertThat(page.get("items")).as("the drill's first article is in the catalog").isNotEmpty();
        return page.get("items").get(0).at("/journal/id").asText();
    }

    private static void awaitCatalogSummariesAgree(DrillCorpus corpus, Map<String, Long> citationCounts) {
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            long disagreeing = catalogArticles(corpus).values().stream()
                    .filter(a -> a.path("citationSummary").path("citedByCount").asLong(0)
                            != citationCounts.getOrDefault(a.get("id").asText(), 0L))
                    .count();
            assertThat(disagreeing).as("catalog summaries that differ from the citation-service's counts").isZero();
        });
    }

    /** Event ids that appear more than once on the topic: each is a duplicate the consumers had to absorb. */
    static long duplicateEventIds(String topic) {
        Set<String> seen = new HashSet<>();
        long duplicates = 0;
        for (var record : KafkaProbe.readAll(topic)) {
            try {
                if (!seen.add(EventCodec.parse(record.value()).id())) {
                    duplicates++;
                }
            } catch (RuntimeException poison) {
                // Poison records injected by a drill carry no event id.
            }
        }
        return duplicates;
    }

    static double metric(String baseUrl, String name) {
        String text = Http.get(baseUrl + "/q/metrics").raw().body();
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("No metric " + name + " on " + baseUrl);
    }

    private static void record(Figures figures) {
        System.out.println(figures.line());
        try {
            Path results = Path.of("target", "drill-results");
            Files.createDirectories(results);
            Files.writeString(results.resolve(figures.drill() + ".txt"), figures.line() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
