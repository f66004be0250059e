package org.scholarly.catalog.citation;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.testsupport.DatabaseOutage;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database outage longer than any attempt window: the consumer waits it out, holding its partition, and applies
 * every event once the database is back; nothing valid goes to the dead-letter topic.
 */
@QuarkusTest
class DatabaseOutageTest {

    @BeforeAll
    static void connect() {
        CitationEventsTest.connect();
    }

    @AfterAll
    static void disconnect() {
        CitationEventsTest.disconnect();
    }

    @Test
    void waitsOutADatabaseOutageWithoutDeadLetteringAValidEvent() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(CitationEventsTest.article());
        }
        double deadLetteredBefore = metric("consumer_records_total", "outcome=\"dead_lettered\"");
        double transientRetriesBefore = metric("consumer_retries_total", "kind=\"transient\"");

        try (DatabaseOutage outage = DatabaseOutage.of(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))) {
            for (int i = 0; i < ids.size(); i++) {
                CitationEventsTest.send(CitationEventsTest.counts(ids.get(i), 10 + i, 1));
                CitationEventsTest.send(CitationEventsTest.status(ids.get(i), "BUILT", 1));
            }
            // Well beyond the attempts the consumer used to allow before dead-lettering: 5 for the poll, then 5 for
            // each event, 2 s of backoff each round plus the failed attempts themselves (about 13 s here).
            Thread.sleep(25_000);
        }

        for (int i = 0; i < ids.size(); i++) {
            CitationEventsTest.awaitArticle(ids.get(i), "citationSummary.citedByCount", 10 + i);
            CitationEventsTest.awaitArticle(ids.get(i), "referenceStatus.status", "BUILT");
        }
        for (String id : ids) {
            assertThat(CitationEventsTest.deadLettersWithKey(id)).isEmpty();
        }
        assertThat(metric("consumer_records_total", "outcome=\"dead_lettered\"")).isEqualTo(deadLetteredBefore);
        assertThat(metric("consumer_retries_total", "kind=\"transient\"")).as("the consumer met the outage").isGreaterThan(transientRetriesBefore);
    }

    /** The sum of the catalog consumer's series of this metric that carry this tag. */
    static double metric(String name, String tag) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("channel=\"citation-events\"") && l.contains(tag))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
