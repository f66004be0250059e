package org.scholarly.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.EventCodec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed page's status line as a feature: a campaign for articles published after 2023 shows its notice on
 * those articles in the catalog while it runs, and ends with them BUILT.
 */
class ReferenceBuildSystemTest {

    private static final String NOTICE = "References for papers published after 2023 are currently being built";

    @Test
    void showsTheNoticeWhileACampaignRunsAndEndsWithTheArticlesBuilt() {
        String journalTitle = "Campaign Journal " + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode cited = inJournal(Articles.published("An older article everybody cites", 2019), journalTitle);
        Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), cited);
        List<String> recent = new ArrayList<>();
        for (int year : new int[] {2024, 2024, 2025, 2025}) {
            ObjectNode article = inJournal(Articles.published("A recent article", year), journalTitle);
            Articles.citing(article, EventCodec.mapper().createObjectNode().put("doi", cited.get("doi").asText()));
            Http.Response created = Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), article);
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            recent.add(created.body().get("id").asText());
        }
        String journalId = Http.get(SystemStack.catalog() + "/api/v1/articles/" + recent.get(0)).body().at("/journal/id").asText();
        // The citation-service must know the articles before a campaign can select them.
        await().atMost(Duration.ofSeconds(30)).until(() -> recent.stream().allMatch(id ->
                Http.get(SystemStack.citation() + "/api/v1/citations/articles/" + id).status() == 200));

        Http.Response build = Http.post(SystemStack.citation() + "/api/v1/reference-builds", SystemStack.token("editor"),
                Map.of("journalId", journalId, "fromYear", 2024, "notice", NOTICE));
        assertThat(build.status()).as(build.raw().body()).isEqualTo(202);
        String buildId = build.body().get("id").asText();

        Set<String> seenBuildingWithNotice = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (String id : recent) {
                JsonNode status = Http.get(SystemStack.catalog() + "/api/v1/articles/" + id).body().get("referenceStatus");
                if ("BUILDING".equals(status.path("status").asText()) && NOTICE.equals(status.path("notice").asText())) {
                    seenBuildingWithNotice.add(id);
                }
            }
            return "FINISHED".equals(Http.get(SystemStack.citation() + "/api/v1/reference-builds/" + buildId).body().path("state").asText());
        });
        assertThat(seenBuildingWithNotice).as("articles seen BUILDING with the notice while the campaign ran").isNotEmpty();

        JsonNode finished = Http.get(SystemStack.citation() + "/api/v1/reference-builds/" + buildId).body();
        assertThat(finished.get("total").asInt()).isEqualTo(4);
        assertThat(finished.get("builtArticles").asInt()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String id : recent) {
                assertThat(Http.get(SystemStack.catalog() + "/api/v1/articles/" + id).body().at("/referenceStatus/status").asText())
                        .isEqualTo("BUILT");
            }
        });
    }

    private static ObjectNode inJournal(ObjectNode article, String journalTitle) {
        ((ObjectNode) article.get("journal")).putObject("titles").put("en", journalTitle);
        return article;
    }
}
