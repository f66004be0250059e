package org.scholarly.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Posts every {@code samples/*.json} article to the catalog's ingestion endpoint. Idempotent: a re-post changes nothing. */
public final class SampleLoader {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SampleLoader() {
    }

    /** Returns one line per sample: file name and the catalog's answer. */
    public static List<String> load(Path samples, String catalogUrl, String ingestToken) {
        if (!Files.isDirectory(samples)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(file -> post(file, catalogUrl, ingestToken)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String post(Path file, String catalogUrl, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/articles"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Sample " + file.getFileName() + " was refused with "
                        + response.statusCode() + ": " + response.body());
            }
            return file.getFileName() + " -> " + response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not post " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
