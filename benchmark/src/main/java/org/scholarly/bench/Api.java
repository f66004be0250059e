package org.scholarly.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The services' HTTP API as the benchmark calls it: JSON in and out, a non-2xx answer is an exception. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A non-2xx answer, with the problem document the service sent. */
    public static final class Failure extends RuntimeException {
        private final int status;

        Failure(String request, int status, String body) {
            super(request + " answered " + status + ": " + (body.length() > 500 ? body.substring(0, 500) : body));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    public JsonNode get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    /** Open-loop reads: the caller measures from when the request was due, not from when a thread was free. */
    public CompletableFuture<HttpResponse<Void>> getAsync(String url) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    public JsonNode postJson(String url, String token, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Streams a file as the body, so that a 100,000-article corpus never sits in this JVM's memory. */
    public JsonNode postFile(String url, String token, String contentType, Path file) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain text (Prometheus metrics). */
    public String text(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new Failure("GET " + url, response.statusCode(), response.body());
        }
        return response.body();
    }

    /** Plain text without waiting, so that several services can be asked at the same moment. */
    public CompletableFuture<String> textAsync(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new Failure("GET " + url, response.statusCode(), response.body());
            }
            return response.body();
        });
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new Failure(request.method() + " " + request.uri(), response.statusCode(), response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
