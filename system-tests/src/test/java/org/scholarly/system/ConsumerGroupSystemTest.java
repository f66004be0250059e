package org.scholarly.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.EventCodec;
import org.scholarly.stack.Ports;
import org.scholarly.stack.ServiceProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two citation-service instances in one consumer group, one joining and leaving while events flow, end with
 * exactly the counts the citation graph implies.
 */
class ConsumerGroupSystemTest {

    private static final int ARTICLES = 80;

    @Test
    void twoInstancesInOneGroupEndWithTheCountsTheGraphImplies() throws Exception {
        ServiceProcess second = SystemStack.get().startService("citation-service", "citation-service-2", Ports.free(), Map.of());
        second.awaitReady(Duration.ofMinutes(2));

        List<ObjectNode> articles = new ArrayList<>();
        Map<Integer, Integer> expected = new HashMap<>();
        for (int k = 0; k < ARTICLES; k++) {
            ObjectNode article = Articles.published("Group article " + k, 2010 + k % 10);
            for (int target : targetsOf(k)) {
                Articles.citing(article, EventCodec.mapper().createObjectNode().put("doi", articles.get(target).get("doi").asText()));
                expected.merge(target, 1, Integer::sum);
            }
            articles.add(article);
        }
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Http.Response>> posts = new ArrayList<>();
            for (int k = 0; k < ARTICLES; k++) {
                ObjectNode article = articles.get(k);
                posts.add(pool.submit(() -> Http.post(SystemStack.catalog() + "/api/v1/articles", SystemStack.token("ingest"), article)));
                if (k == ARTICLES / 2) {
                    // The second instance leaves mid-stream: its partitions move back to the first.
                    second.stop();
                }
            }
            for (Future<Http.Response> post : posts) {
                Http.Response response = post.get();
                assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
                ids.add(response.body().get("id").asText());
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (int k = 0; k < ARTICLES; k++) {
                long count = Http.get(SystemStack.citation() + "/api/v1/citations/articles/" + ids.get(k)).body()
                        .path("citedByCount").asLong(-1);
                assertThat(count).as("cited-by count of article %d", k).isEqualTo(expected.getOrDefault(k, 0).longValue());
            }
        });
    }

    /** Article k cites k-1, k/2 and k/3 (distinct, earlier articles only). */
    private static List<Integer> targetsOf(int k) {
        List<Integer> targets = new ArrayList<>();
        for (int target : new int[] {k - 1, k / 2, k / 3}) {
            if (target >= 0 && target < k && !targets.contains(target)) {
                targets.add(target);
            }
        }
        return targets;
    }
}
