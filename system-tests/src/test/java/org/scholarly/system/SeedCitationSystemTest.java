package org.scholarly.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed article through the whole platform: ingested and read back with every field, then cited by two new
 * articles — one by DOI, one by an unstructured Korean-style string without DOI — and counted within seconds in
 * both the citation-service and the catalog's summary.
 */
class SeedCitationSystemTest {

    @Test
    void ingestsTheSeedArticleAndReadsItBackWithEveryField() {
        ObjectNode seed = Articles.seed();
        seed.put("doi", Articles.SEED_TEST_DOI_PREFIX + "readback");
        Http.Response created = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), seed);
        assertThat(created.status()).as(created.raw().body()).isIn(200, 201);

        JsonNode read = Http.get(SystemStack.catalog() + "/api/v1/articles/" + created.body().get("id").asText()).body();

        assertContains(read, seed, "");
        assertThat(read.at("/journal/titles/ko").asText()).isEqualTo("중앙사론");
        assertThat(read.at("/authors/0/affiliations/0/ko").asText()).isEqualTo("인천대학교");
        assertThat(read.at("/workflowStatus").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void countsTwoNewCitationsOfTheSeedWithinSecondsInBothServices() {
        ObjectNode seed = Articles.seed();
        String seedDoi = Articles.SEED_TEST_DOI_PREFIX + "cited";
        seed.put("doi", seedDoi);
        seed.putObject("titles").put("en", "The Sino-Soviet Relation and the Korean War");
        String seedId = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), seed).body().get("id").asText();

        ObjectNode byDoi = Articles.published("Stalin, Mao and the decision for war", 2016);
        Articles.citing(byDoi, json().put("doi", "https://doi.org/" + seedDoi.toUpperCase()));
        ObjectNode byString = Articles.published("중소동맹과 한국전쟁의 기원", 2024);
        Articles.citing(byString, json().put("raw",
                "안치영, 「The Sino-Soviet Relation and the Korean War」, 『중앙사론』 42, 2015, 481-512쪽."));
        for (ObjectNode citing : new ObjectNode[] {byDoi, byString}) {
            Http.Response response = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), citing);
            assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode counts = Http.get(SystemStack.citation() + "/api/v1/citations/articles/" + seedId).body();
            assertThat(counts.get("citedByCount").asLong()).isEqualTo(2);
            assertThat(counts.get("countsByYear").get("2016").asLong()).isEqualTo(1);
            assertThat(counts.get("countsByYear").get("2024").asLong()).isEqualTo(1);
            assertThat(counts.get("countsByYear").size()).isEqualTo(2);
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode summary = Http.get(SystemStack.catalog() + "/api/v1/articles/" + seedId).body().get("citationSummary");
            assertThat(summary.get("citedByCount").asLong()).isEqualTo(2);
        });
    }

    private static ObjectNode json() {
        return org.scholarly.contract.EventCodec.mapper().createObjectNode();
    }

    /** Every field of {@code expected} is in {@code actual} with the same value (arrays element by element). */
    static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(actual.has(field.getKey())).as("%s/%s is returned", path, field.getKey()).isTrue();
                assertContains(actual.get(field.getKey()), field.getValue(), path + "/" + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as("%s has %d elements", path, expected.size()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "/" + i);
            }
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
        }
    }
}
