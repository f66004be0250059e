package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.catalog.article.ArticleViews;
import org.scholarly.catalog.article.WriteAuthority;
import org.scholarly.catalog.common.Hashing;
import org.scholarly.catalog.common.Sql;
import org.scholarly.catalog.retention.CatalogRetention;
import org.scholarly.support.problem.ProblemException;
import org.scholarly.support.retention.RetentionConfig;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * POST /api/v1/articles: one record, created or updated, and with an Idempotency-Key the first reply stored in the
 * same transaction as the write, so that a retry after a lost response gets exactly that reply again.
 */
@ApplicationScoped
public class SingleIngestService {

    /** The reply to replay: status, Location (on 201) and the JSON body. */
    public record Reply(int status, String location, String body) {
    }

    @Inject
    ArticleIngestor ingestor;
    @Inject
    Sql sql;
    @Inject
    ObjectMapper mapper;
    @Inject
    RetentionConfig retention;

    @Transactional
    public Reply ingest(byte[] body, ArticleRecord record, String idempotencyKey, String client, WriteAuthority authority) {
        String requestHash = Hashing.sha256(body);
        if (idempotencyKey != null) {
            Reply stored = stored(client, idempotencyKey, requestHash);
            if (stored != null) {
                return stored;
            }
        }
        ArticleRecords.Checked checked = ArticleRecords.check(record);
        if (!checked.valid()) {
            throw ProblemException.invalidFields(checked.errors());
        }
        ArticleIngestor.Outcome outcome = ingestor.ingest(List.of(checked.record()), client, authority).get(0);
        if (outcome.problem() != null) {
            throw outcome.problem();
        }
        if (outcome.kind() == ArticleIngestor.Kind.REJECTED) {
            throw outcome.status() == 409 ? ProblemException.conflict(outcome.reason()) : ProblemException.unprocessable(outcome.reason());
        }
        String location = outcome.kind() == ArticleIngestor.Kind.CREATED ? "/api/v1/articles/" + outcome.article().id : null;
        Reply reply = new Reply(outcome.status(), location,
                json(ArticleViews.of(outcome.article(), outcome.journal(), outcome.issue(), true)));
        if (idempotencyKey != null) {
            store(client, idempotencyKey, requestHash, reply);
        }
        return reply;
    }

    /**
     * Records are answered only within their retention period ({@code scholarly.retention.keep.idempotency-records}):
     * the same whether the prune has run yet or not.
     */
    private Timestamp replayableSince() {
        return Timestamp.from(Instant.now().minus(retention.keep().get(CatalogRetention.IDEMPOTENCY_RECORDS)));
    }

    private Reply stored(String client, String key, String requestHash) {
        return sql.run(c -> {
            try (var statement = c.prepareStatement("SELECT request_hash, status, location, body FROM idempotency_record "
                    + "WHERE client = ? AND idem_key = ? AND created_at >= ?")) {
                statement.setString(1, client);
                statement.setString(2, key);
                statement.setTimestamp(3, replayableSince());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    if (!row.getString(1).equals(requestHash)) {
                        throw ProblemException.unprocessable("Idempotency-Key '" + key + "' was already used with a different body");
                    }
                    return new Reply(row.getInt(2), row.getString(3), row.getString(4));
                }
            }
        });
    }

    private void store(String client, String key, String requestHash, Reply reply) {
        int inserted = sql.run(c -> {
            try (var statement = c.prepareStatement("INSERT INTO idempotency_record (client, idem_key, request_hash, status, location, body) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client, idem_key) DO UPDATE SET request_hash = excluded.request_hash, "
                    + "status = excluded.status, location = excluded.location, body = excluded.body, created_at = now() "
                    // An expired record not pruned yet is replaced; a live one means a concurrent request with the key.
                    + "WHERE idempotency_record.created_at < ?")) {
                statement.setString(1, client);
                statement.setString(2, key);
                statement.setString(3, requestHash);
                statement.setInt(4, reply.status());
                statement.setString(5, reply.location());
                statement.setString(6, reply.body());
                statement.setTimestamp(7, replayableSince());
                return statement.executeUpdate();
            }
        });
        if (inserted == 0) {
            throw ProblemException.conflict("A request with Idempotency-Key '" + key + "' is being processed; retry it");
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
