package org.scholarly.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every JSON string a service reads must be storable: PostgreSQL text and jsonb cannot hold U+0000, so a record that
 * carried one would be accepted and then fail in the database (a 500 at the catalog, a dead-lettered event
 * downstream). Refused where it enters, as a 400 naming the field, in every service at once.
 */
@Singleton
public class StoredText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("stored-text").addDeserializer(String.class, new WithoutNul()));
    }

    static final class WithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value,
                        "contains U+0000 (NUL), which cannot be stored");
            }
            return value;
        }
    }
}
