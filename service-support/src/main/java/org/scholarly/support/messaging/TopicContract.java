package org.scholarly.support.messaging;

import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.InvalidEventException;
import org.scholarly.contract.Topics;

import java.util.List;
import java.util.Set;

/**
 * What a record on one topic must be: a value (no tombstones: nothing on these topics is compacted), a CloudEvent
 * that satisfies the schemas, of a type that belongs on this topic. Anything else is refused with
 * {@link InvalidEventException}, whose message becomes the dead-letter reason.
 */
public record TopicContract(String topic, Set<String> types) {

    public static final TopicContract ARTICLE_EVENTS = new TopicContract(Topics.ARTICLE_EVENTS, EventTypes.ARTICLE_TYPES);
    public static final TopicContract CITATION_EVENTS = new TopicContract(Topics.CITATION_EVENTS, EventTypes.CITATION_TYPES);

    public CloudEvent read(String value) {
        if (value == null) {
            throw new InvalidEventException("Record has no value (a tombstone); every record on " + topic + " is an event");
        }
        List<String> problems = EventContract.violations(value);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("Event breaks the contract: " + String.join("; ", problems));
        }
        CloudEvent event = EventCodec.parse(value);
        if (!types.contains(event.type())) {
            throw new InvalidEventException("Event type '" + event.type() + "' does not belong on " + topic);
        }
        return event;
    }
}
