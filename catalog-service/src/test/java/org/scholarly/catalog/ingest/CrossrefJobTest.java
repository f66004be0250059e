package org.scholarly.catalog.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.scholarly.catalog.ingest.IngestJobTest.awaitFinished;
import static org.scholarly.catalog.ingest.IngestJobTest.submit;

/** Crossref bulk jobs: one bad work costs only itself, and a work's size is checked before it is parsed. */
@QuarkusTest
class CrossrefJobTest {

    private static String work(String doi, String dateParts) {
        return """
                {"DOI": "%s", "title": ["Dated work %s"], "container-title": ["Crossref Date Test Journal"],
                 "ISSN": ["1229-4764"], "volume": "7", "issue": "1", "page": "1-10",
                 "published": {"date-parts": [%s]}}""".formatted(doi, doi, dateParts);
    }

    private static JsonPath run(String body) {
        return awaitFinished(submit(body.getBytes(StandardCharsets.UTF_8), "application/json", "crossref")
                .then().statusCode(202).extract().header("Location"));
    }

    @Test
    void rejectsWorksWithImpossibleDatesAndCreatesTheOthers() {
        List<String> dois = List.of(Records.uniqueDoi(), Records.uniqueDoi(), Records.uniqueDoi(), Records.uniqueDoi(),
                Records.uniqueDoi(), Records.uniqueDoi());
        List<String> dates = List.of("[2015, 6, 30]", "[2015, 13, 1]", "[2016, 1, 2]", "[2015, 2, 30]", "[-5, 1, 1]", "[2017, 3, 4]");
        String items = java.util.stream.IntStream.range(0, dois.size()).mapToObj(i -> work(dois.get(i), dates.get(i)))
                .collect(Collectors.joining(",\n"));

        JsonPath job = run("{\"status\": \"ok\", \"message\": {\"items\": [" + items + "]}}");

        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getLong("total")).isEqualTo(6);
        assertThat(job.getLong("created")).isEqualTo(3);
        assertThat(job.getLong("rejected")).isEqualTo(3);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(2, 4, 5);
        assertThat(job.getString("errors[0].reason")).contains("date-parts").contains("[2015,13,1]");
        assertThat(job.getString("errors[1].reason")).contains("date-parts");
        assertThat(job.getString("errors[2].reason")).contains("year -5");
        for (int i : new int[] {0, 2, 5}) {
            assertThat(given().queryParam("q", "Dated work " + dois.get(i)).get("/api/v1/articles").then().statusCode(200)
                    .extract().jsonPath().getList("items.doi")).contains(dois.get(i));
        }
    }

    @Test
    void refusesASingleWorkMessageLargerThanTheRecordLimitBeforeParsingIt() {
        String doi = Records.uniqueDoi();
        // The padding is a field the mapping ignores: only the size check can refuse this work.
        String body = "{\"message-type\": \"work\", \"message\": {\"DOI\": \"" + doi + "\", \"title\": [\"Oversized single work\"], "
                + "\"container-title\": [\"Crossref Size Test Journal\"], \"published\": {\"date-parts\": [[2015]]}, "
                + "\"x-padding\": \"" + "y".repeat(1_100_000) + "\"}}";

        JsonPath job = run(body);

        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getLong("total")).isEqualTo(1);
        assertThat(job.getLong("created")).isZero();
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(1);
        assertThat(job.getString("errors[0].reason")).isEqualTo("work is larger than 1048576 bytes");
    }

    @Test
    void skipsAnOversizedItemWhateverItsShapeAndKeepsTheRest() {
        String doi = Records.uniqueDoi();
        String huge = "{\"DOI\": \"10.5555/huge\", \"title\": [\"" + "z".repeat(1_100_000) + "\"], \"container-title\": [\"X\"]}";
        String bigString = "\"" + "w".repeat(1_100_000) + "\"";

        JsonPath job = run("{\"message\": {\"total-results\": 3, \"items\": [" + huge + ", " + bigString + ", "
                + work(doi, "[2015, 6, 30]") + "]}}");

        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getLong("total")).isEqualTo(3);
        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(1, 2);
        assertThat(job.getString("errors[1].reason")).contains("larger than");
    }
}
