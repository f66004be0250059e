package org.scholarly.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.scholarly.stack.PostgresServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The physical limits of this machine for the same work, measured in the same run as the pipeline:
 * PostgreSQL {@code COPY} of the same article and reference rows into a scratch database, and a raw Kafka
 * producer sending one event per article with the pipeline's durability settings.
 */
public final class Baselines {

    private Baselines() {
    }

    public record Result(long articles, long references, double seconds) {

        public double articlesPerSecond() {
            return articles / seconds;
        }

        public double referencesPerSecond() {
            return references / seconds;
        }
    }

    public static Result postgresCopy(String adminJdbcUrl, String user, String password, CorpusFiles files) throws SQLException, IOException {
        String scratch = "bench_scratch_" + UUID.randomUUID().toString().substring(0, 8);
        String url = PostgresServer.createDatabaseIfMissing(adminJdbcUrl, user, password, scratch);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE article (id uuid PRIMARY KEY, doi text UNIQUE, title_en text, title_ko text, year int, "
                        + "first_page text, last_page text, body jsonb)");
                ddl.execute("CREATE TABLE reference (article_id uuid, position int, doi text, title text, raw text, "
                        + "PRIMARY KEY (article_id, position))");
            }
            long started = System.nanoTime();
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Reader articles = Files.newBufferedReader(files.copyArticles(), StandardCharsets.UTF_8);
                 Reader references = Files.newBufferedReader(files.copyReferences(), StandardCharsets.UTF_8)) {
                copy.copyIn("COPY article FROM STDIN", articles);
                copy.copyIn("COPY reference FROM STDIN", references);
            }
            connection.commit();
            return new Result(files.articles(), files.references(), (System.nanoTime() - started) / 1e9);
        }
    }

    public static Result kafkaProducer(String bootstrapServers, CorpusFiles files) throws IOException {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String topic = "bench-baseline-" + UUID.randomUUID();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config);
             BufferedReader lines = Files.newBufferedReader(files.ndjson(), StandardCharsets.UTF_8)) {
            String line;
            int i = 0;
            while ((line = lines.readLine()) != null) {
                producer.send(new ProducerRecord<>(topic, String.valueOf(i++), line));
            }
            producer.flush();
        }
        return new Result(files.articles(), files.references(), (System.nanoTime() - started) / 1e9);
    }
}
