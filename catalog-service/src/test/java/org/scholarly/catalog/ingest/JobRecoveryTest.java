package org.scholarly.catalog.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;
import org.scholarly.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.scholarly.catalog.ingest.IngestJobTest.awaitFinished;

/**
 * What a catalog that died mid-job leaves behind, as it leaves it: a RUNNING job row whose runner is gone (no
 * session holds its claim), its counters as of the last committed batch, and its body in the spool. The running
 * application's workers must pick it up as they do at startup.
 */
@QuarkusTest
class JobRecoveryTest {

    @Inject
    AgroalDataSource dataSource;

    private UUID crashedJob(long total, long created, Long spoolBytes, byte[]... chunks) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement job = c.prepareStatement("INSERT INTO ingest_job (id, format, state, total, created, updated, "
                    + "unchanged, rejected, submitted_by, submitted_at, spool_bytes, run_token) "
                    + "VALUES (?, 'NATIVE', 'RUNNING', ?, ?, 0, 0, 0, 'crashed-pipeline', now(), ?, ?)")) {
                job.setObject(1, id);
                job.setLong(2, total);
                job.setLong(3, created);
                job.setObject(4, spoolBytes);
                job.setObject(5, UUID.randomUUID());
                job.executeUpdate();
            }
            for (int seq = 0; seq < chunks.length; seq++) {
                try (PreparedStatement chunk = c.prepareStatement("INSERT INTO ingest_job_spool (job_id, seq, data) VALUES (?, ?, ?)")) {
                    chunk.setObject(1, id);
                    chunk.setInt(2, seq);
                    chunk.setBytes(3, chunks[seq]);
                    chunk.executeUpdate();
                }
            }
        }
        return id;
    }

    private static JsonPath await(UUID job) {
        return awaitFinished("/api/v1/ingest/jobs/" + job);
    }

    private long spoolChunks(UUID job) throws Exception {
        return ArticleEventLog.count(dataSource, "SELECT count(*) FROM ingest_job_spool WHERE job_id = '" + job + "'");
    }

    @Test
    void resumesAJobLeftRunningAfterItsLastCommittedBatchWithoutApplyingThatBatchAgain() throws Exception {
        List<String> dois = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            dois.add(Records.uniqueDoi());
            body.append(Records.json(Records.article(dois.get(i)))).append(i == 2 ? "\n\n" : "\n");
        }
        // The crashed run had committed the first two records (and counted them) before it died.
        for (String doi : dois.subList(0, 2)) {
            given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                    .body(Records.json(Records.article(doi))).post("/api/v1/articles").then().statusCode(201);
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        int split = bytes.length / 3; // chunk boundaries fall anywhere, mid-line included
        UUID id = crashedJob(2, 2, (long) bytes.length, Arrays.copyOfRange(bytes, 0, split), Arrays.copyOfRange(bytes, split, bytes.length));

        JsonPath job = await(id);

        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getLong("total")).isEqualTo(5);
        assertThat(job.getLong("created")).isEqualTo(5);
        assertThat(job.getLong("unchanged")).as("records of the committed batch read a second time").isZero();
        assertThat(job.getLong("rejected")).isZero();
        for (String doi : dois) {
            assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM article WHERE doi = '" + doi + "'")).isEqualTo(1);
        }
        assertThat(spoolChunks(id)).as("spool chunks left after the job ended").isZero();
    }

    @Test
    void endsFailedWithTheReasonAJobWhoseBodyIsIncomplete() throws Exception {
        UUID id = crashedJob(0, 0, 5_000L, "{\"titles\":".getBytes(StandardCharsets.UTF_8));

        JsonPath job = await(id);

        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("failure")).contains("incomplete").contains("5000");
        assertThat(spoolChunks(id)).isZero();
    }

    @Test
    void endsFailedAJobAcceptedBeforeBodiesWereKept() throws Exception {
        UUID id = crashedJob(0, 0, null);

        JsonPath job = await(id);

        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("failure")).contains("body is gone");
    }
}
