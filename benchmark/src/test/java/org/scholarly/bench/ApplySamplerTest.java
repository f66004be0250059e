package org.scholarly.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApplySamplerTest {

    @Test
    void readsTheAppliedArticleEventsAndNothingElse() {
        String metrics = """
                # HELP consumer_records_total Records a consumer finished with
                # TYPE consumer_records_total counter
                consumer_records_total{channel="article-events",outcome="applied"} 1234.0
                consumer_records_total{channel="article-events",outcome="ignored"} 7.0
                consumer_records_total{channel="article-events",outcome="dead_lettered"} 1.0
                consumer_records_total{channel="citation-events",outcome="applied"} 99.0
                consumer_records_total_created{channel="article-events",outcome="applied"} 1.7E9
                citation_article_events_total{outcome="applied"} 5000.0
                """;

        assertThat(ApplySampler.applied(metrics)).isEqualTo(1234);
    }

    @Test
    void isZeroBeforeTheChannelsFirstRecord() {
        assertThat(ApplySampler.applied("# HELP jvm_threads_live_threads\njvm_threads_live_threads 42.0\n")).isZero();
    }

    @Test
    void acceptsLabelsInAnyOrderAndAnIntegerValue() {
        assertThat(ApplySampler.applied("consumer_records_total{outcome=\"applied\",channel=\"article-events\",} 12\n")).isEqualTo(12);
    }
}
