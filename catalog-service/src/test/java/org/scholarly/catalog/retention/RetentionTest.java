package org.scholarly.catalog.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.support.retention.Retention;
import org.scholarly.testsupport.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows written with old timestamps, as if they had waited that long, then one prune: what is past its period goes
 * (in several batches: the test profile prunes two rows per statement), the rest stays.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Retention retention;

    @Test
    void prunesIdempotencyRecordsAndEventIdsPastTheirPeriodAndKeepsNewerOnes() throws SQLException {
        String client = "retention-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            idempotencyRecord(client, "old-" + i, Duration.ofHours(25));
            processedEvent(client + "-old-" + i, Duration.ofDays(31));
        }
        idempotencyRecord(client, "new", Duration.ofHours(23));
        processedEvent(client + "-new", Duration.ofDays(29));

        retention.pruneNow();

        assertThat(count("SELECT count(*) FROM idempotency_record WHERE client = ?", client)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE client = ? AND idem_key = 'new'", client)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id LIKE ? || '%'", client)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ? || '-new'", client)).isEqualTo(1);
    }

    @Test
    void prunesEndedJobsWithTheirErrorsAfterTheirPeriodAndKeepsRecentOnes() throws SQLException {
        UUID old = endedJob("FINISHED", Duration.ofDays(31), 5);
        UUID failedOld = endedJob("FAILED", Duration.ofDays(40), 1);
        UUID recent = endedJob("FINISHED", Duration.ofDays(29), 3);

        retention.pruneNow();

        assertThat(count("SELECT count(*) FROM ingest_job WHERE id IN (?, ?)", old, failedOld)).isZero();
        assertThat(count("SELECT count(*) FROM ingest_job_error WHERE job_id IN (?, ?)", old, failedOld)).isZero();
        assertThat(count("SELECT count(*) FROM ingest_job WHERE id = ?", recent)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ingest_job_error WHERE job_id = ?", recent)).isEqualTo(3);
        given().header("Authorization", TestTokens.bearer("ingest")).get("/api/v1/ingest/jobs/{id}", old).then().statusCode(404);
    }

    @Test
    void replaysAnIdempotencyKeyOnlyWithinItsPeriodEvenBeforeThePruneHasRun() throws SQLException {
        String subject = "pipeline-" + UUID.randomUUID();
        idempotencyRecord(subject, "expired-key", Duration.ofHours(25));

        // Another body under the same key would be a 422 while the record counts; past its period it is a new request.
        given().header("Authorization", "Bearer " + TestTokens.forSubject(subject, "ingest")).header("Idempotency-Key", "expired-key")
                .contentType(ContentType.JSON).body(Records.json(Records.article(Records.uniqueDoi())))
                .post("/api/v1/articles").then().statusCode(201);

        assertThat(count("SELECT count(*) FROM idempotency_record WHERE client = ? AND idem_key = 'expired-key' "
                + "AND created_at > now() - interval '1 hour'", subject)).as("the new reply replaced the expired one").isEqualTo(1);
    }

    private void idempotencyRecord(String client, String key, Duration age) throws SQLException {
        update("INSERT INTO idempotency_record (client, idem_key, request_hash, status, body, created_at) "
                + "VALUES (?, ?, 'hash', 200, '{}', now() - make_interval(secs => ?))", client, key, (double) age.toSeconds());
    }

    private void processedEvent(String id, Duration age) throws SQLException {
        update("INSERT INTO processed_event (event_id, processed_at) VALUES (?, now() - make_interval(secs => ?))", id,
                (double) age.toSeconds());
    }

    private UUID endedJob(String state, Duration age, int errors) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO ingest_job (id, format, state, total, created, updated, unchanged, rejected, submitted_by, "
                        + "submitted_at, finished_at) VALUES (?, 'NATIVE', ?, ?, 0, 0, 0, ?, 'retention-test', "
                        + "now() - make_interval(secs => ?), now() - make_interval(secs => ?))",
                id, state, (long) errors, (long) errors, (double) age.toSeconds() + 60, (double) age.toSeconds());
        for (int line = 1; line <= errors; line++) {
            update("INSERT INTO ingest_job_error (job_id, line, reason) VALUES (?, ?, 'bad record')", id, (long) line);
        }
        return id;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
