package org.scholarly.citation.resolution;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.article.ArticleSnapshots;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.reference.JdbcCandidateSource;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.EventCodec;
import org.scholarly.citation.testing.MigratedDatabase;

import java.io.InputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of reference resolution on the labelled set in {@code resolution/labelled-references.json}:
 * several citation styles, Korean and English, noisy strings, and more than a fifth pointing outside the catalog.
 * Runs the production resolver and candidate search on a real PostgreSQL with pg_trgm, in a database of its own so
 * that articles other tests ingest cannot disturb the figures.
 */
class ResolutionPrecisionTest {

    static final double MIN_PRECISION = 0.97;
    static final double MIN_RECALL = 0.95;

    private static MigratedDatabase database;
    private static JsonNode set;
    private static final Map<String, UUID> ids = new HashMap<>();

    @BeforeAll
    static void loadCatalog() throws Exception {
        database = MigratedDatabase.create("citation_resolution");
        try (InputStream in = ResolutionPrecisionTest.class.getResourceAsStream("/resolution/labelled-references.json")) {
            set = EventCodec.mapper().readTree(in);
        }
        try (Connection c = connect()) {
            for (JsonNode article : set.get("catalog")) {
                UUID id = UUID.randomUUID();
                ids.put(article.get("key").asText(), id);
                ArticleStore.upsert(c, ArticleSnapshots.toRow(snapshot(id, article), null));
            }
            c.commit();
        }
    }

    @Test
    void resolvesTheLabelledSetWithHighPrecisionAndGoodRecall() throws Exception {
        int inside = 0;
        int resolved = 0;
        int correct = 0;
        int ambiguous = 0;
        Map<String, int[]> byStyle = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        UUID citing = UUID.randomUUID();
        try (Connection c = connect()) {
            ReferenceResolver resolver = new ReferenceResolver(new JdbcCandidateSource(c));
            for (JsonNode reference : set.get("references")) {
                UUID expected = reference.hasNonNull("expected") ? ids.get(reference.get("expected").asText()) : null;
                Resolution resolution = resolver.resolve(input(reference), citing);
                int[] style = byStyle.computeIfAbsent(reference.get("style").asText(), s -> new int[3]);
                style[0]++;
                if (expected != null) {
                    inside++;
                }
                if (resolution.status() == Resolution.Status.AMBIGUOUS) {
                    ambiguous++;
                }
                if (resolution.resolved()) {
                    resolved++;
                    if (resolution.target().equals(expected)) {
                        correct++;
                        style[1]++;
                    } else {
                        style[2]++;
                        wrong.add(describe(reference) + " -> " + resolution);
                    }
                } else if (expected != null) {
                    missed.add(describe(reference) + " -> " + resolution.status() + " " + resolution.score());
                }
            }
            c.rollback();
        }
        double precision = resolved == 0 ? 0 : (double) correct / resolved;
        double recall = (double) correct / inside;
        System.out.printf("Labelled set: %d references, %d in the catalog, %d outside (%.0f%%)%n",
                set.get("references").size(), inside, set.get("references").size() - inside,
                100.0 * (set.get("references").size() - inside) / set.get("references").size());
        System.out.printf("Resolved %d, correct %d, wrong %d, ambiguous %d -> precision %.3f, recall %.3f%n",
                resolved, correct, resolved - correct, ambiguous, precision, recall);
        byStyle.forEach((style, n) -> System.out.printf("  %-32s %3d references, %3d correct, %d wrong%n", style, n[0], n[1], n[2]));
        wrong.forEach(w -> System.out.println("  WRONG  " + w));
        missed.forEach(m -> System.out.println("  MISSED " + m));

        assertThat(precision).as("precision (wrong links: %s)", wrong).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
    }

    private static String describe(JsonNode reference) {
        return reference.get("id").asText() + " [" + reference.get("style").asText() + "/" + reference.get("noise").asText() + "] "
                + (reference.has("raw") ? reference.get("raw").asText() : reference.get("structured").toString());
    }

    private static ReferenceResolver.Input input(JsonNode reference) {
        if (reference.has("raw")) {
            return new ReferenceResolver.Input(reference.get("raw").asText(), null, null, null, null, null, null, null, null, null);
        }
        JsonNode s = reference.get("structured");
        List<String> authors = new ArrayList<>();
        s.get("authors").forEach(a -> authors.add(a.asText()));
        return new ReferenceResolver.Input(null, authors, text(s, "title"), text(s, "container"),
                s.hasNonNull("year") ? s.get("year").asInt() : null, text(s, "volume"), null, text(s, "firstPage"),
                text(s, "lastPage"), null);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static ArticleEventData snapshot(UUID id, JsonNode a) {
        Map<String, String> titles = new TreeMap<>();
        a.get("titles").fields().forEachRemaining(e -> titles.put(e.getKey(), e.getValue().asText()));
        Map<String, String> journalTitles = new TreeMap<>();
        a.get("journal").fields().forEachRemaining(e -> journalTitles.put(e.getKey(), e.getValue().asText()));
        List<ArticleEventData.Author> authors = new ArrayList<>();
        for (JsonNode author : a.get("authors")) {
            Map<String, String> names = new TreeMap<>();
            author.get("names").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
            List<String> families = new ArrayList<>();
            author.get("familyNames").forEach(f -> families.add(f.asText()));
            authors.add(new ArticleEventData.Author(authors.size() + 1, names, families, null));
        }
        int year = a.get("year").asInt();
        return new ArticleEventData(id, 1, "PUBLISHED", null, false, text(a, "doi"), null, titles, year, null,
                new ArticleEventData.Journal(UUID.nameUUIDFromBytes(journalTitles.toString().getBytes()), journalTitles, null, null),
                new ArticleEventData.Issue(year, text(a, "volume"), text(a, "number")), text(a, "firstPage"), text(a, "lastPage"),
                authors, List.of(), "NOT_SUPPLIED", "test");
    }

    private static Connection connect() throws Exception {
        return database.connect();
    }
}
