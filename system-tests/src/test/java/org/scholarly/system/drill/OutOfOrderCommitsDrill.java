package org.scholarly.system.drill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scholarly.system.Http;
import org.scholarly.system.SystemStack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill 8: many concurrent catalog transactions, whose outbox ids are taken in one order and committed in another
 * (a later id commits first whenever a slower transaction took the earlier one); no event may be skipped. The
 * relay's behaviour for one deliberately held transaction is also shown deterministically in service-support's
 * {@code OutboxPublisherTest}.
 */
@Tag("drill-extended")
class OutOfOrderCommitsDrill {

    private static final int ARTICLES = 600;
    private static final int CLIENTS = 12;

    @Test
    void skipsNoEventWhenConcurrentTransactionsCommitOutOfOrder() throws Exception {
        DrillCorpus corpus = new DrillCorpus("out-of-order", ARTICLES);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> posts = new ArrayList<>();
        try {
            for (int k = 0; k < ARTICLES; k++) {
                ObjectNode article = corpus.article(k);
                String subject = "drill-client-" + (k % CLIENTS);
                posts.add(clients.submit(() -> Http.post(SystemStack.catalog() + "/api/v1/articles",
                        SystemStack.get().jwtIssuer().token(subject, List.of("ingest"), java.time.Duration.ofHours(1)), article).status()));
            }
            for (Future<Integer> post : posts) {
                assertThat(post.get()).isEqualTo(201);
            }
        } finally {
            clients.shutdown();
        }
        DrillAudit.run("out-of-order-commits", corpus, ARTICLES, Instant.now());
    }
}
