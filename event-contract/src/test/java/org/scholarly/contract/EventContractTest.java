package org.scholarly.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTest {

    private static ArticleEventData seedSnapshot() {
        UUID id = UUID.randomUUID();
        return new ArticleEventData(id, 1, "PUBLISHED", null, false, "10.1234/jas.2015.42.481",
                List.of("kci:ART002000001"), Map.of("en", "The Sino-Soviet Relation and the Korean War"), 2015, "ko",
                new ArticleEventData.Journal(UUID.randomUUID(), Map.of("ko", "중앙사론", "en", "Chung-Ang Saron"), "1229-4764", null),
                new ArticleEventData.Issue(2015, null, "42"), "481", "512",
                List.of(new ArticleEventData.Author(1, Map.of("ko", "안치영", "en", "Ahn Chi-Young"), List.of("안", "Ahn"), null)),
                List.of(new ArticleEventData.Reference(1, "Shen Zhihua, Mao, Stalin and the Korean War, 2012", null, null,
                        null, 2012, null, null, null, null, null)),
                "BUILDING", "pipeline");
    }

    @Test
    void acceptsAFullArticleSnapshotEvent() {
        CloudEvent event = EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, UUID.randomUUID().toString(), seedSnapshot());

        assertThat(EventContract.violations(EventCodec.toJson(event))).isEmpty();
    }

    @Test
    void roundTripsKoreanTextAndTypedData() {
        ArticleEventData data = seedSnapshot();
        CloudEvent event = EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_UPDATED, data.articleId().toString(), data);

        CloudEvent read = EventCodec.parse(EventCodec.toJson(event));

        assertThat(EventCodec.dataAs(read, ArticleEventData.class)).isEqualTo(data);
        assertThat(read.id()).isEqualTo(event.id());
    }

    @Test
    void namesEveryViolationOfTheDataSchema() {
        CloudEvent event = EventCodec.newEvent("/catalog-service", EventTypes.ARTICLE_CREATED, "x", seedSnapshot());
        ObjectNode data = (ObjectNode) event.data();
        data.put("workflowStatus", "LOST");
        data.remove("titles");

        List<String> problems = EventContract.violations(EventCodec.toJson(event));

        assertThat(problems).hasSize(2);
        assertThat(String.join(" ", problems)).contains("workflowStatus").contains("titles");
    }

    @Test
    void rejectsUnknownTypesAndBrokenEnvelopes() {
        CloudEvent unknown = EventCodec.newEvent("/catalog-service", "article.teleported", "x", seedSnapshot());
        assertThat(EventContract.violations(EventCodec.toJson(unknown))).anyMatch(p -> p.contains("unknown event type"));
        assertThat(EventContract.violations("{\"id\":1}")).isNotEmpty();
        assertThat(EventContract.violations("not json")).singleElement().asString().startsWith("not JSON");
        assertThatThrownBy(() -> EventContract.requireValid("[]")).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void acceptsCitationEvents() {
        UUID article = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        var counts = EventCodec.newEvent("/citation-service", EventTypes.CITATION_COUNTS_CHANGED, article.toString(),
                new CitationCountsChanged(article, 2, 1, Map.of("2016", 1L, "2024", 1L), now, 3));
        var status = EventCodec.newEvent("/citation-service", EventTypes.REFERENCE_STATUS_CHANGED, article.toString(),
                new ReferenceStatusChanged(article, "BUILDING", "References for papers published after 2023 are currently being built",
                        now, 1, 25, 0, null));
        var build = EventCodec.newEvent("/citation-service", EventTypes.REFERENCE_BUILD_FINISHED, article.toString(),
                new ReferenceBuildFinished(article, "FINISHED", 3, 2, 1, 40, 5, now));

        assertThat(EventContract.violations(EventCodec.toJson(counts))).isEmpty();
        assertThat(EventContract.violations(EventCodec.toJson(status))).isEmpty();
        assertThat(EventContract.violations(EventCodec.toJson(build))).isEmpty();
    }
}
