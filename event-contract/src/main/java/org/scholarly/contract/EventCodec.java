package org.scholarly.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes and reads events exactly as they travel on the topics. Thread-safe. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Readers tolerate fields added by a newer producer; the schemas say what is required.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new event with a random id and the current time. */
    public static CloudEvent newEvent(String source, String type, String subject, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                OffsetDateTime.now(ZoneOffset.UTC), subject, CloudEvent.JSON, MAPPER.valueToTree(data));
    }

    public static String toJson(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be written as JSON", e);
        }
    }

    /** Parses the envelope; throws {@link InvalidEventException} for anything that is not a JSON object. */
    public static CloudEvent parse(String json) {
        try {
            return MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("Not a CloudEvent JSON object: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    public static <T> T dataAs(CloudEvent event, Class<T> type) {
        try {
            return MAPPER.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("Event " + event.id() + " has data that is not a " + type.getSimpleName());
        }
    }
}
