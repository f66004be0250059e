package org.scholarly.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates events against the JSON schemas in {@code contract/} on the classpath. Producer and consumer
 * tests both call it, so neither side can drift from the contract without a test failing.
 */
public final class EventContract {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** Every violation of the envelope and of the data schema of the event's type; empty when valid. */
    public static List<String> violations(String json) {
        JsonNode event;
        try {
            event = EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return violations(event);
    }

    public static List<String> violations(JsonNode event) {
        List<String> problems = new ArrayList<>();
        validate("cloudevent", event, "", problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        String type = event.get("type").asText();
        String dataSchema = EventTypes.DATA_SCHEMA_BY_TYPE.get(type);
        if (dataSchema == null) {
            problems.add("type: unknown event type '" + type + "'");
        } else {
            validate(dataSchema, event.get("data"), "data", problems);
        }
        return problems;
    }

    /** Throws {@link InvalidEventException} naming every violation. */
    public static void requireValid(String json) {
        List<String> problems = violations(json);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("Event breaks the contract: " + String.join("; ", problems));
        }
    }

    private static void validate(String schemaName, JsonNode node, String prefix, List<String> problems) {
        if (node == null || node.isNull()) {
            problems.add(prefix + ": missing");
            return;
        }
        for (ValidationMessage message : schema(schemaName).validate(node)) {
            problems.add(prefix + message.getMessage());
        }
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            String path = "contract/" + n + ".schema.json";
            try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Schema not on the classpath: " + path);
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
