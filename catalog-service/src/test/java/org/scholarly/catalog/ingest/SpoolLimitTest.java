package org.scholarly.catalog.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.ArticleEventLog;
import org.scholarly.catalog.support.Records;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.scholarly.catalog.ingest.IngestJobTest.submit;

/**
 * The spool total. This instance runs no jobs (workers = 0, as an instance that only accepts them), so an accepted
 * body keeps its spool space for the whole test. A profile restarts the application; this class needs one.
 */
@QuarkusTest
@TestProfile(SpoolLimitTest.SmallSpool.class)
class SpoolLimitTest {

    public static class SmallSpool implements QuarkusTestProfile {
        static final int MAX = 100_000;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.ingest.max-spool-bytes", String.valueOf(MAX), "catalog.ingest.workers", "0");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private static byte[] ndjson(int atLeastBytes) {
        StringBuilder body = new StringBuilder();
        while (body.length() < atLeastBytes) {
            body.append(Records.json(Records.article(Records.uniqueDoi()))).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesAJobBeyondTheSpoolTotalAndStoresNothing() throws Exception {
        submit(ndjson(60_000), "application/x-ndjson", null).then().statusCode(202).body("state", equalTo("QUEUED"));
        long jobs = ArticleEventLog.count(dataSource, "SELECT count(*) FROM ingest_job");
        long chunks = ArticleEventLog.count(dataSource, "SELECT count(*) FROM ingest_job_spool");

        submit(ndjson(50_000), "application/x-ndjson", null).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("catalog.ingest.max-spool-bytes"));
        submit(ndjson(SmallSpool.MAX + 1), "application/x-ndjson", null).then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("larger than the bulk ingestion spool of 100000 bytes"));

        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM ingest_job")).isEqualTo(jobs);
        assertThat(ArticleEventLog.count(dataSource, "SELECT count(*) FROM ingest_job_spool")).isEqualTo(chunks);
        // What still fits is accepted.
        submit(ndjson(30_000), "application/x-ndjson", null).then().statusCode(202);
    }
}
