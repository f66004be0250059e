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

    static final double MIN_PRECISION = 0.995;
    static final double MIN_RECALL = 0.97;
    /** Each style of reference written without an article title must find its target on its own evidence. */
    static final double MIN_TITLELESS_STYLE_RECALL = 0.95;
    static final String TITLELESS_STYLE_PREFIX = "title-less";

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
        Map<String, StyleTally> byStyle = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        UUID citing = UUID.randomUUID();
        try (Connection c = connect()) {
            ReferenceResolver resolver = new ReferenceResolver(new JdbcCandidateSource(c));
            for (JsonNode reference : set.get("references")) {
                UUID expected = reference.hasNonNull("expected") ? ids.get(reference.get("expected").asText()) : null;
                Resolution resolution = resolver.resolve(input(reference), citing);
                StyleTally style = byStyle.computeIfAbsent(reference.get("style").asText(), s -> new StyleTally());
                style.references++;
                if (expected != null) {
                    inside++;
                    style.inside++;
                }
                if (resolution.status() == Resolution.Status.AMBIGUOUS) {
                    ambiguous++;
                }
                if (resolution.resolved()) {
                    resolved++;
                    if (resolution.target().equals(expected)) {
                        correct++;
                        style.correct++;
                    } else {
                        style.wrong++;
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
        System.out.printf("  %-36s %5s %7s %8s %6s %10s %7s%n", "style", "refs", "inside", "correct", "wrong", "precision", "recall");
        byStyle.forEach((style, n) -> System.out.printf("  %-36s %5d %7d %8d %6d %10s %7s%n", style, n.references, n.inside,
                n.correct, n.wrong, n.precision(), n.recall()));
        wrong.forEach(w -> System.out.println("  WRONG  " + w));
        missed.forEach(m -> System.out.println("  MISSED " + m));

        assertThat(precision).as("precision (wrong links: %s)", wrong).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
        byStyle.forEach((style, n) -> {
            if (style.startsWith(TITLELESS_STYLE_PREFIX) && n.inside > 0) {
                assertThat((double) n.correct / n.inside).as("recall of style %s (missed: %s)", style, missed)
                        .isGreaterThanOrEqualTo(MIN_TITLELESS_STYLE_RECALL);
            }
        });
    }

    /** Counts for one citation style; precision and recall are printed as "-" where nothing qualifies. */
    private static final class StyleTally {
        int references;
        int inside;
        int correct;
        int wrong;

        String precision() {
            return correct + wrong == 0 ? "-" : String.format("%.3f", (double) correct / (correct + wrong));
        }

        String recall() {
            return inside == 0 ? "-" : String.format("%.3f", (double) correct / inside);
        }
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
