package org.scholarly.citation.testing;

import org.scholarly.support.messaging.ConsumerFailures;

/** Retries what the consumer's failure policy retries (a deadlock, a serialization failure), as the consumer would. */
public final class Transients {

    private Transients() {
    }

    public static void retry(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= 20 || !ConsumerFailures.transientDatabaseFailure(e)) {
                    throw e;
                }
            }
        }
    }
}
