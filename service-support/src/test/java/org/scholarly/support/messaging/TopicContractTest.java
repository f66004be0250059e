package org.scholarly.support.messaging;

import org.junit.jupiter.api.Test;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.InvalidEventException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicContractTest {

    private static String counts() {
        UUID article = UUID.randomUUID();
        return EventCodec.toJson(EventCodec.newEvent("/citation-service", EventTypes.CITATION_COUNTS_CHANGED, article.toString(),
                new CitationCountsChanged(article, 3, 2, Map.of("2024", 3L), OffsetDateTime.now(ZoneOffset.UTC), 1)));
    }

    @Test
    void readsAnEventOfTheTopic() {
        CloudEvent event = TopicContract.CITATION_EVENTS.read(counts());
        assertThat(event.type()).isEqualTo(EventTypes.CITATION_COUNTS_CHANGED);
    }

    @Test
    void refusesATombstoneAsABreachOfTheContract() {
        assertThatThrownBy(() -> TopicContract.CITATION_EVENTS.read(null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("tombstone");
    }

    @Test
    void refusesWhatIsNotJsonOrBreaksTheSchema() {
        assertThatThrownBy(() -> TopicContract.CITATION_EVENTS.read("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> TopicContract.CITATION_EVENTS.read("{\"specversion\":\"1.0\"}")).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void refusesAnEventOfAnotherTopic() {
        assertThatThrownBy(() -> TopicContract.ARTICLE_EVENTS.read(counts()))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("does not belong on catalog.article-events");
    }
}
