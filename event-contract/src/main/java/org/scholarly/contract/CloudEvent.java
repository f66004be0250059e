package org.scholarly.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code data} stays a tree so that the envelope can be
 * read (and deduplicated by {@code id}) before the payload is bound with {@link EventCodec#dataAs}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
