package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IngestJobTest {

    @Inject
    AgroalDataSource dataSource;

    static Response submit(byte[] body, String contentType, String format) {
        var request = given().header("Authorization", TestTokens.bearer("ingest")).contentType(contentType).body(body);
        if (format != null) {
            request.queryParam("format", format);
        }
        return request.post("/api/v1/ingest/jobs");
    }

    static JsonPath awaitFinished(String location) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(
                () -> given().header("Authorization", TestTokens.bearer("ingest")).get(location).then().statusCode(200).extract().jsonPath(),
                job -> !"RUNNING".equals(job.getString("state")) && !"QUEUED".equals(job.getString("state")));
    }

    @Test
    void aTenThousandRecordJobWithBadLinesFinishesWithExactCounters() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder();
        List<Integer> badLines = new ArrayList<>();
        int lines = 10_000;
        for (int line = 1; line <= lines; line++) {
            if (line % 997 == 0) {
                badLines.add(line);
                body.append("{\"titles\": {\"en\": \"broken\"").append('\n'); // malformed JSON
            } else if (line % 1009 == 0) {
                badLines.add(line);
                ObjectNode record = Records.article("10.5555/job." + run + "." + line);
                ((ObjectNode) record.get("journal")).put("issnPrint", "1234-5678"); // checksum fails
                body.append(Records.json(record)).append('\n');
            } else if (line == 5000) {
                badLines.add(line);
                ObjectNode record = Records.article("10.5555/job." + run + "." + line);
                record.put("version", 3); // server-owned
                body.append(Records.json(record)).append('\n');
            } else {
                body.append(Records.json(Records.article("10.5555/job." + run + "." + line))).append('\n');
            }
        }
        long articlesBefore = ArticleEventLog.count(dataSource, "SELECT count(*) FROM article");

        Response accepted = submit(body.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson", null);
        accepted.then().statusCode(202).header("Location", containsString("/api/v1/ingest/jobs/"));
        JsonPath job = awaitFinished(accepted.header("Location"));

        int good = lines - badLines.size();
        System.out.printf("10k-record NDJSON job: %s -> %s%n", job.getString("submittedAt"), job.getString("finishedAt"));
        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getLong("total")).isEqualTo(lines);
        assertThat(job.getLong("created")).isEqualTo(good);
        assertThat(job.getLong("updated")).isZero();
        assertThat(job.getLong("unchanged")).isZero();
        assertThat(job.getLong("rejected")).isEqualTo(badLines.size());
        assertThat(job.getList("errors.line", Integer.class)).containsExactlyElementsOf(badLines);
        assertThat(job.getString("errors.find { it.line == 5000 }.reason")).contains("version");
        assertThat(job.getString("errors.find { it.line == 1009 }.reason")).contains("journal.issnPrint");
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article")).isEqualTo(articlesBefore + good);

        // Re-running the same body changes nothing: every good record is recognised by its DOI.
        JsonPath again = awaitFinished(submit(body.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson", null)
                .then().statusCode(202).extract().header("Location"));
        assertThat(again.getLong("unchanged")).isEqualTo(good);
        assertThat(again.getLong("created")).isZero();
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article")).isEqualTo(articlesBefore + good);
    }

    @Test
    void rejectsAnOverlongLineAndKeepsGoing() {
        String doi = Records.uniqueDoi();
        ObjectNode huge = Records.article(Records.uniqueDoi());
        ((ObjectNode) huge.get("abstracts")).put("en", "y".repeat(1_200_000));
        String body = Records.json(huge) + "\n\n" + Records.json(Records.article(doi)) + "\n";

        JsonPath job = awaitFinished(submit(body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", "native")
                .then().statusCode(202).extract().header("Location"));

        assertThat(job.getLong("total")).isEqualTo(2);
        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(1);
        assertThat(job.getString("errors[0].reason")).contains("longer than");
    }

    @Test
    void ingestsCrossrefWorksFromTheItemsShape() {
        String doi = Records.uniqueDoi();
        String works = """
                {"status": "ok", "message-type": "work-list", "message": {"total-results": 2, "items": [
                  {"DOI": "%s", "title": ["한국전쟁의 기원"], "container-title": ["중앙사론"],
                   "ISSN": ["1229-4764"], "issn-type": [{"type": "print", "value": "1229-4764"}],
                   "volume": "7", "issue": "43", "page": "1-30", "publisher": "중앙대학교 중앙사학연구소",
                   "published": {"date-parts": [[2016, 6, 30]]}, "language": "ko",
                   "author": [{"given": "치영", "family": "안", "sequence": "first", "ORCID": "http://orcid.org/0000-0002-1825-0097",
                               "affiliation": [{"name": "인천대학교"}]}],
                   "reference": [{"key": "r1", "unstructured": "Shen Zhihua, Mao, Stalin and the Korean War, 2012"},
                                 {"key": "r2", "DOI": "10.1000/XYZ123", "article-title": "Cold War", "year": "2005"},
                                 {"key": "r3", "journal-title": "Cold War History", "volume": "3", "first-page": "12"}]},
                  {"DOI": "not-a-doi", "title": ["Broken"], "container-title": ["X"]}
                ]}}""".formatted(doi);

        JsonPath job = awaitFinished(submit(works.getBytes(StandardCharsets.UTF_8), "application/json", "crossref")
                .then().statusCode(202).extract().header("Location"));

        assertThat(job.getLong("total")).isEqualTo(2);
        assertThat(job.getLong("created")).isEqualTo(1);
        assertThat(job.getLong("rejected")).isEqualTo(1);
        assertThat(job.getString("errors[0].reason")).contains("doi");
        JsonPath article = given().queryParam("q", "한국전쟁의 기원").get("/api/v1/articles").then().statusCode(200)
                .extract().jsonPath();
        assertThat(article.getList("items.doi")).contains(doi);
        String id = article.getString("items.find { it.doi == '" + doi + "' }.id");
        given().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("titles.ko", equalTo("한국전쟁의 기원"))
                .body("authors[0].names.ko", equalTo("안치영"))
                .body("authors[0].orcid", equalTo("0000-0002-1825-0097"))
                .body("journal.issnPrint", equalTo("1229-4764"))
                .body("issue.publicationDate", equalTo("2016-06-30"))
                .body("firstPage", equalTo("1")).body("lastPage", equalTo("30"))
                .body("references.size()", equalTo(3))
                .body("references[1].doi", equalTo("10.1000/xyz123"))
                .body("referenceStatus.status", equalTo("PENDING"));
    }

    @Test
    void refusesAWrongContentTypeAnUnknownFormatAndAnUnknownJob() {
        submit("{}".getBytes(StandardCharsets.UTF_8), "application/json", null).then().statusCode(415)
                .contentType("application/problem+json");
        submit("x".getBytes(StandardCharsets.UTF_8), "text/plain", null).then().statusCode(415)
                .contentType("application/problem+json");
        submit("{}".getBytes(StandardCharsets.UTF_8), "application/json", "marc").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().header("Authorization", TestTokens.bearer("ingest")).get("/api/v1/ingest/jobs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
