package org.scholarly.testsupport;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests whose body is sent chunked, without Content-Length. RestAssured buffers every body and declares its
 * length, so a limit that must also hold for bodies of undeclared length needs this client.
 */
public final class ChunkedRequests {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ChunkedRequests() {
    }

    /** POSTs {@code body} to {@code path} of the application under test, as {@code Authorization: Bearer token}. */
    public static HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                // A stream publisher has no known length: the client sends Transfer-Encoding: chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
