package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.stream.Collectors;

/** A one-line, client-readable reason for a JSON record that could not be bound. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage().split("\n", 2)[0];
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return field + ": " + message;
        }
        return "malformed JSON: " + message;
    }
}
