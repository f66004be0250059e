package org.scholarly.catalog.oai;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.model.oaipmh.results.record.Header;
import io.gdcc.xoai.model.xoai.Element;
import io.gdcc.xoai.model.xoai.Field;
import io.gdcc.xoai.serviceprovider.ServiceProvider;
import io.gdcc.xoai.serviceprovider.client.JdkHttpOaiClient;
import io.gdcc.xoai.serviceprovider.model.Context;
import io.gdcc.xoai.serviceprovider.parameters.ListIdentifiersParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListRecordsParameters;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Harvests the running service with the XOAI harvester (a real OAI-PMH client library), across many resumption
 * tokens (%test.oai.page-size=25). Each test works in a journal of its own, harvested as its set, because other test
 * classes fill the same catalog.
 */
@QuarkusTest
class OaiHarvestTest {

    static final String NAMESPACE = "oai:scholarly.local:";

    @TestHTTPResource("oai")
    URL oai;
    @Inject
    AgroalDataSource dataSource;

    /** A journal of its own (new title, new research area) holding {@code published} + {@code submitted} articles. */
    record Fixture(String marker, String journalId, String area, List<String> published, List<String> submitted) {
    }

    static ObjectNode record(String marker, int n, String status) {
        ObjectNode record = Records.article("10.5555/oai." + marker + "." + n);
        ObjectNode journal = (ObjectNode) record.get("journal");
        journal.putObject("titles").put("ko", "하베스트 " + marker).put("en", "Harvest " + marker);
        journal.put("researchArea", "Harvest Sciences " + marker + " > History");
        ObjectNode author = (ObjectNode) record.get("authors").get(0);
        author.putObject("familyNames").put("ko", "안").put("en", "Ahn");
        author.putArray("affiliations").addObject().put("ko", "인천대학교").put("en", "Incheon National University");
        record.put("workflowStatus", status);
        return record;
    }

    Fixture fixture(int published, int submitted) throws SQLException {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < published + submitted; i++) {
            body.append(Records.json(record(marker, i, i < published ? "PUBLISHED" : "SUBMITTED"))).append('\n');
        }
        String location = given().header("Authorization", TestTokens.bearer("ingest")).contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/ingest/jobs")
                .then().statusCode(202).extract().header("Location");
        JsonPath job = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().header("Authorization", TestTokens.bearer("ingest")).get(location).then().statusCode(200).extract().jsonPath(),
                j -> "FINISHED".equals(j.getString("state")) || "FAILED".equals(j.getString("state")));
        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getLong("created")).isEqualTo(published + submitted);
        List<String> publishedIds = new ArrayList<>();
        List<String> submittedIds = new ArrayList<>();
        String journalId = null;
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT id, journal_id, workflow_status FROM article WHERE doi LIKE ? "
                     + "ORDER BY CAST(substring(doi FROM '[0-9]+$') AS INT)")) {
            query.setString(1, "10.5555/oai." + marker + ".%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ("PUBLISHED".equals(rows.getString(3)) ? publishedIds : submittedIds).add(rows.getString(1));
                    journalId = rows.getString(2);
                }
            }
        }
        assertThat(publishedIds).hasSize(published);
        assertThat(submittedIds).hasSize(submitted);
        return new Fixture(marker, journalId, "area:harvest-sciences-" + marker + ":history", publishedIds, submittedIds);
    }

    static void retract(String articleId) {
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.JSON).body("{\"action\":\"RETRACT\"}")
                .post("/api/v1/articles/" + articleId + "/transitions").then().statusCode(200);
    }

    static String create(ObjectNode record, int status) {
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON).body(Records.json(record))
                .post("/api/v1/articles").then().statusCode(status).extract().jsonPath().getString("id");
    }

    ServiceProvider harvester() throws Exception {
        Transformer fields = TransformerFactory.newInstance().newTransformer(
                new StreamSource(getClass().getResourceAsStream("/oai/to_fields.xsl")));
        Context context = new Context().withBaseUrl(oai.toString()).withGranularity(Granularity.Second)
                .withMetadataTransformer("oai_dc", fields).withMetadataTransformer("jats", fields)
                .withOAIClient(new JdkHttpOaiClient.JdkHttpBuilder(HttpClient.newBuilder()).withBaseUrl(oai).build());
        return new ServiceProvider(context);
    }

    static String id(Header header) {
        assertThat(header.getIdentifier()).startsWith(NAMESPACE);
        return header.getIdentifier().substring(NAMESPACE.length());
    }

    static List<String> titles(Record record) {
        List<String> titles = new ArrayList<>();
        for (Element element : record.getMetadata().getXoaiMetadata().getElements()) {
            for (Field field : element.getFields()) {
                titles.add(field.getValue());
            }
        }
        return titles;
    }

    @Test
    void aFullHarvestOfASetReturnsEveryPublishedArticleOnceInBothFormats() throws Exception {
        Fixture fixture = fixture(200, 10);
        List<String> retracted = fixture.published().subList(0, 4);
        retracted.forEach(OaiHarvestTest::retract);
        ServiceProvider harvester = harvester();

        for (String format : List.of("oai_dc", "jats")) {
            Map<String, Record> harvested = new HashMap<>();
            Iterator<Record> records = harvester.listRecords(ListRecordsParameters.request()
                    .withMetadataPrefix(format).withSetSpec("journal:" + fixture.journalId()));
            while (records.hasNext()) {
                Record record = records.next();
                assertThat(harvested.put(id(record.getHeader()), record)).as("harvested twice").isNull();
            }
            assertThat(harvested.keySet()).as(format).containsExactlyInAnyOrderElementsOf(fixture.published());
            for (Map.Entry<String, Record> entry : harvested.entrySet()) {
                Header header = entry.getValue().getHeader();
                assertThat(header.getSetSpecs()).contains("journal:" + fixture.journalId(), fixture.area());
                if (retracted.contains(entry.getKey())) {
                    assertThat(header.isDeleted()).isTrue();
                    assertThat(entry.getValue().getMetadata()).isNull();
                } else {
                    assertThat(header.isDeleted()).isFalse();
                    assertThat(titles(entry.getValue())).anyMatch(t -> t.startsWith("중소관계와 한국전쟁 10.5555/oai." + fixture.marker()))
                            .anyMatch(t -> t.startsWith("The Sino-Soviet Relation 10.5555/oai." + fixture.marker()));
                }
            }
        }

        // The area set and its parent hold the same articles; ListIdentifiers pages the same way.
        for (String area : List.of(fixture.area(), fixture.area().substring(0, fixture.area().lastIndexOf(':')))) {
            Set<String> identifiers = new HashSet<>();
            harvester.listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc").withSetSpec(area))
                    .forEachRemaining(header -> assertThat(identifiers.add(id(header))).isTrue());
            assertThat(identifiers).containsExactlyInAnyOrderElementsOf(fixture.published());
        }
    }

    @Test
    void recordsWrittenDuringAHarvestDoNotBreakItsResumptionTokens() throws Exception {
        Fixture fixture = fixture(60, 0);
        Iterator<Header> headers = harvester().listIdentifiers(ListIdentifiersParameters.request()
                .withMetadataPrefix("oai_dc").withSetSpec("journal:" + fixture.journalId()));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            seen.add(id(headers.next()));
        }
        // Meanwhile: three new articles, and a change to one the harvest has not reached yet.
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            added.add(create(record(fixture.marker(), 1000 + i, "PUBLISHED"), 201));
        }
        String notYetSeen = fixture.published().stream().filter(id -> !seen.contains(id)).findFirst().orElseThrow();
        int index = fixture.published().indexOf(notYetSeen);
        ObjectNode changed = record(fixture.marker(), index, "PUBLISHED");
        ((ObjectNode) changed.get("abstracts")).put("en", "A changed abstract.");
        create(changed, 200);
        headers.forEachRemaining(header -> seen.add(id(header)));

        List<String> expected = new ArrayList<>(fixture.published());
        expected.addAll(added);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anIncrementalHarvestFromATimestampReturnsExactlyTheChanges() throws Exception {
        Fixture fixture = fixture(30, 2);
        // The next whole second: everything above changed before it.
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), since).toMillis()) + 20);

        List<String> updated = fixture.published().subList(5, 8);
        for (String id : updated) {
            int n = fixture.published().indexOf(id);
            ObjectNode record = record(fixture.marker(), n, "PUBLISHED");
            ((ObjectNode) record.get("titles")).put("en", "A corrected title " + n);
            create(record, 200);
        }
        String retracted = fixture.published().get(10);
        retract(retracted);
        String added = create(record(fixture.marker(), 500, "PUBLISHED"), 201);
        create(record(fixture.marker(), 501, "SUBMITTED"), 201);

        Map<String, Boolean> changes = new HashMap<>();
        harvester().listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("jats")
                        .withSetSpec("journal:" + fixture.journalId()).withFrom(since))
                .forEachRemaining(header -> assertThat(changes.put(id(header), header.isDeleted())).isNull());
        Map<String, Boolean> expected = new HashMap<>();
        updated.forEach(id -> expected.put(id, false));
        expected.put(retracted, true);
        expected.put(added, false);
        assertThat(changes).isEqualTo(expected);

        // And until the second before: everything else, none of the changes.
        Set<String> before = new HashSet<>();
        harvester().listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc")
                        .withSetSpec("journal:" + fixture.journalId()).withUntil(since.minusSeconds(1)))
                .forEachRemaining(header -> before.add(id(header)));
        Set<String> unchanged = new HashSet<>(fixture.published());
        unchanged.removeAll(expected.keySet());
        assertThat(before).isEqualTo(unchanged);
    }
}
