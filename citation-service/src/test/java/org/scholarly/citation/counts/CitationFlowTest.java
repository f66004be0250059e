package org.scholarly.citation.counts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.scholarly.citation.testing.ArticleDraft;
import org.scholarly.citation.testing.CitationApi;
import org.scholarly.citation.testing.CatalogTopic;
import org.scholarly.citation.testing.CitationTopic;
import org.scholarly.citation.testing.Database;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceStatusChanged;
import org.scholarly.contract.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The acceptance scenarios, end to end through the real broker and database. */
@QuarkusTest
class CitationFlowTest {

    @Inject
    AgroalDataSource dataSource;

    private static String uniqueDoi() {
        return "10.5555/jas." + UUID.randomUUID().toString().substring(0, 8);
    }

    private void ingest(ArticleDraft draft, String type) {
        CitationApi.ingest(dataSource, draft, type);
    }

    private static JsonPath citations(UUID id) {
        return CitationApi.citations(id);
    }

    @Test
    void movesALinkMadeToALookAlikeToTheNamedWorkWhenItArrivesLater() {
        // The benchmark's case: two articles of one year share first page and volume and an author's family name.
        // The citing article is processed before the work it names (they travel on different partitions), so its
        // reference is first linked to the look-alike on page, volume, author and journal alone (a look-alike in
        // another journal is not linked at all: the journal must agree when the title does not).
        String run = UUID.randomUUID().toString().substring(0, 8);
        ArticleDraft lookAlike = ArticleDraft.published("Knowledge occupation ideology circulation " + run, 2000)
                .author("권재훈", "Kwon Jae-hoon", "권", "Kwon").pages("81", "97");
        lookAlike.volume = "10";
        lookAlike.journal(UUID.randomUUID(), null, "Journal of Capital Studies");
        ArticleDraft named = ArticleDraft.published("Philosophy generation revolution space transition " + run, 2000)
                .author("권미경", "Kwon Mi-kyung", "권", "Kwon").pages("81", "99");
        named.volume = "10";
        named.journal(UUID.randomUUID(), null, "Journal of Capital Studies");
        ArticleDraft citing = ArticleDraft.published("Citing before the named work arrives " + run, 2005)
                .citesStructured(List.of("Kwon, Mi-kyung"), "Philosophy generation revolution space transition " + run,
                        "Journal of Capital Studies", 2000, "10", "81", null);
        ingest(lookAlike, EventTypes.ARTICLE_CREATED);
        ingest(citing, EventTypes.ARTICLE_CREATED);
        assertThat(citations(lookAlike.id).getLong("citedByCount")).as("the weak link this test starts from").isEqualTo(1);

        ingest(named, EventTypes.ARTICLE_CREATED);

        JsonPath reference = given().get("/api/v1/citations/articles/{id}/references", citing.id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(reference.getString("items[0].resolution.targetArticleId")).isEqualTo(named.id.toString());
        assertThat(citations(named.id).getLong("citedByCount")).isEqualTo(1);
        assertThat(citations(lookAlike.id).getLong("citedByCount")).isZero();
    }

    @Test
    void countsTwoCitationsOfTheSeedOneByDoiAndOneByAnUnstructuredString() {
        UUID journal = UUID.randomUUID();
        ArticleDraft seed = ArticleDraft.seed(journal);
        seed.doi = uniqueDoi();
        ingest(seed, EventTypes.ARTICLE_CREATED);

        ArticleDraft byDoi = ArticleDraft.published("Stalin, Mao and the origins of the Korean War", 2016)
                .author(null, "Kim Dong-Gil", "Kim").citesDoi("https://doi.org/" + seed.doi.toUpperCase());
        ArticleDraft byString = ArticleDraft.published("한국전쟁과 중국", 2017).author("박명림", "Park Myung-Lim", "박", "Park")
                .cites("안치영, 「중소관계와 한국전쟁」, 『중앙사론』 42, 2015, 481-512쪽.")
                .cites("Cumings, B. (1981). The Origins of the Korean War. Princeton University Press.");
        ingest(byDoi, EventTypes.ARTICLE_CREATED);
        ingest(byString, EventTypes.ARTICLE_CREATED);

        JsonPath counts = citations(seed.id);
        assertThat(counts.getLong("citedByCount")).isEqualTo(2);
        assertThat(counts.getMap("countsByYear")).isEqualTo(Map.of("2016", 1, "2017", 1));

        JsonPath references = given().get("/api/v1/citations/articles/{id}/references", byString.id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(references.getString("items[0].resolution.status")).isEqualTo("RESOLVED");
        assertThat(references.getString("items[0].resolution.method")).isEqualTo("UNSTRUCTURED");
        assertThat(references.getString("items[0].resolution.targetArticleId")).isEqualTo(seed.id.toString());
        assertThat(references.getString("items[1].resolution.status")).isEqualTo("UNRESOLVED");
        assertThat(given().get("/api/v1/citations/articles/{id}/references", byDoi.id).then().extract()
                .jsonPath().getString("items[0].resolution.method")).isEqualTo("DOI");
        assertThat(citations(byString.id).getString("referenceStatus")).isEqualTo("PARTIAL");
        assertThat(citations(byDoi.id).getString("referenceStatus")).isEqualTo("BUILT");

        List<String> citing = given().get("/api/v1/citations/articles/{id}/cited-by", seed.id).then().statusCode(200)
                .extract().jsonPath().getList("items.articleId");
        assertThat(citing).containsExactly(byString.id.toString(), byDoi.id.toString());

        List<CloudEvent> events = CitationTopic.awaitEvents(seed.id.toString(), list -> list.stream()
                .filter(e -> e.type().equals(EventTypes.CITATION_COUNTS_CHANGED))
                .anyMatch(e -> EventCodec.dataAs(e, CitationCountsChanged.class).citedByCount() == 2));
        CitationCountsChanged last = events.stream().filter(e -> e.type().equals(EventTypes.CITATION_COUNTS_CHANGED))
                .map(e -> EventCodec.dataAs(e, CitationCountsChanged.class)).reduce((a, b) -> b).orElseThrow();
        assertThat(last.countsByYear()).isEqualTo(Map.of("2016", 1L, "2017", 1L));
        assertThat(last.sequence()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aLaterIngestedTargetResolvesEarlierReferencesAndMovesTheCounts() {
        String title = "Manchurian railways and the Sino-Soviet treaty of " + UUID.randomUUID().toString().substring(0, 6);
        ArticleDraft citing = ArticleDraft.published("Treaty politics in 1950", 2019).author(null, "Lee Jae-Won", "Lee")
                .cites("Shen, Z. (2012). " + title + ". Cold War History, 12, 33-58.");
        ingest(citing, EventTypes.ARTICLE_CREATED);
        assertThat(given().get("/api/v1/citations/articles/{id}/references", citing.id).then().extract().jsonPath()
                .getString("items[0].resolution.status")).isEqualTo("UNRESOLVED");
        assertThat(citations(citing.id).getString("referenceStatus")).isEqualTo("PARTIAL");

        ArticleDraft target = ArticleDraft.published(title, 2012).author(null, "Shen Zhihua", "Shen").pages("33", "58");
        target.volume = "12";
        ingest(target, EventTypes.ARTICLE_CREATED);

        assertThat(citations(target.id).getLong("citedByCount")).isEqualTo(1);
        assertThat(given().get("/api/v1/citations/articles/{id}/references", citing.id).then().extract().jsonPath()
                .getString("items[0].resolution.targetArticleId")).isEqualTo(target.id.toString());
        assertThat(citations(citing.id).getString("referenceStatus")).isEqualTo("BUILT");
        List<CloudEvent> statusEvents = CitationTopic.awaitEvents(citing.id.toString(), list -> list.stream()
                .anyMatch(e -> e.type().equals(EventTypes.REFERENCE_STATUS_CHANGED)
                        && EventCodec.dataAs(e, ReferenceStatusChanged.class).status().equals("BUILT")));
        List<String> statuses = statusEvents.stream().filter(e -> e.type().equals(EventTypes.REFERENCE_STATUS_CHANGED))
                .map(e -> EventCodec.dataAs(e, ReferenceStatusChanged.class).status()).toList();
        assertThat(statuses).containsSubsequence("PARTIAL", "BUILT");
    }

    @Test
    void aRetractedOrChangedCitingArticleMovesCountsBothWays() {
        ArticleDraft first = ArticleDraft.published("Korean armistice negotiations " + UUID.randomUUID(), 2010).author(null, "Foot Rosemary", "Foot");
        first.doi = uniqueDoi();
        ArticleDraft second = ArticleDraft.published("Prisoners of war in Korea " + UUID.randomUUID(), 2011).author(null, "Young Charles", "Young");
        second.doi = uniqueDoi();
        ingest(first, EventTypes.ARTICLE_CREATED);
        ingest(second, EventTypes.ARTICLE_CREATED);
        ArticleDraft citing = ArticleDraft.published("Ending the Korean War", 2014).citesDoi(first.doi);
        ingest(citing, EventTypes.ARTICLE_CREATED);
        assertThat(citations(first.id).getLong("citedByCount")).isEqualTo(1);

        citing.references.clear();
        citing.citesDoi(second.doi).next();
        ingest(citing, EventTypes.ARTICLE_REFERENCES_REPLACED);
        assertThat(citations(first.id).getLong("citedByCount")).isZero();
        assertThat(citations(second.id).getLong("citedByCount")).isEqualTo(1);

        citing.workflowStatus = "RETRACTED";
        citing.next();
        ingest(citing, EventTypes.ARTICLE_STATUS_CHANGED);
        assertThat(citations(second.id).getLong("citedByCount")).isZero();
        assertThat(citations(second.id).getMap("countsByYear")).isEmpty();
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        ArticleDraft target = ArticleDraft.published("Late arrivals " + UUID.randomUUID(), 2012);
        target.doi = uniqueDoi();
        ingest(target, EventTypes.ARTICLE_CREATED);
        ArticleDraft citing = ArticleDraft.published("Versioned citing article", 2015).citesDoi(target.doi);
        citing.version = 3;
        ingest(citing, EventTypes.ARTICLE_UPDATED);
        citing.version = 2;
        citing.references.clear();
        ingest(citing, EventTypes.ARTICLE_UPDATED);

        assertThat(citations(target.id).getLong("citedByCount")).isEqualTo(1);
        assertThat(Database.rows(dataSource, "SELECT version FROM article WHERE id = ?", citing.id)).containsExactly("3");
    }

    @Test
    void replayingTheWholeTopicFromOffsetZeroChangesNoCount() {
        ArticleDraft target = ArticleDraft.published("Replay target " + UUID.randomUUID(), 2013);
        target.doi = uniqueDoi();
        ingest(target, EventTypes.ARTICLE_CREATED);
        ingest(ArticleDraft.published("Replay citing", 2014).citesDoi(target.doi), EventTypes.ARTICLE_CREATED);
        CatalogTopic.awaitConsumerCaughtUp();
        List<String> before = snapshotOfCounts();
        assertThat(before).isNotEmpty();

        List<ConsumerRecord<String, String>> all = CatalogTopic.readAll(Topics.ARTICLE_EVENTS);
        all.forEach(r -> CatalogTopic.send(r.key(), r.value()));
        CatalogTopic.awaitConsumerCaughtUp();

        assertThat(snapshotOfCounts()).isEqualTo(before);
        assertThat(citations(target.id).getLong("citedByCount")).isEqualTo(1);
    }

    private List<String> snapshotOfCounts() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Database.rows(dataSource, "SELECT 1 FROM citation_count WHERE dirty").isEmpty());
        List<String> rows = new java.util.ArrayList<>();
        rows.addAll(Database.rows(dataSource, "SELECT article_id, cited_by_count, counts_sequence FROM citation_count ORDER BY 1"));
        rows.addAll(Database.rows(dataSource, "SELECT * FROM citation_count_year ORDER BY 1, 2"));
        rows.addAll(Database.rows(dataSource, "SELECT * FROM journal_citation_count ORDER BY 1, 2, 3"));
        rows.addAll(Database.rows(dataSource, "SELECT * FROM citation_link ORDER BY 1, 2"));
        rows.addAll(Database.rows(dataSource, "SELECT id, version, reference_status, status_sequence FROM article ORDER BY 1"));
        return rows;
    }
}
