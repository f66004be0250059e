package org.scholarly.citation.ingest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.scholarly.support.outbox.OutboxRelay;

import static org.assertj.core.api.Assertions.assertThat;

/** Every producer of this service loses nothing and duplicates nothing: acks=all and idempotence, set explicitly. */
@QuarkusTest
class ProducerSettingsTest {

    @Inject
    OutboxRelay relay;

    @Test
    void theOutboxRelayAndTheDeadLetterProducerAreIdempotentWithAcksAll() {
        ProducerConfig outbox = relay.effectiveProducerConfig();
        assertThat(outbox.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
        assertThat(outbox.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();

        var config = ConfigProvider.getConfig();
        String channel = "mp.messaging.incoming." + Channels.ARTICLE_EVENTS + ".";
        assertThat(config.getValue(channel + "dead-letter-queue.acks", String.class)).isEqualTo("all");
        assertThat(config.getValue(channel + "dead-letter-queue.enable.idempotence", Boolean.class)).isTrue();
        assertThat(config.getValue(channel + "enable.auto.commit", Boolean.class)).isFalse();
        assertThat(config.getValue(channel + "failure-strategy", String.class)).isEqualTo("dead-letter-queue");
    }
}
