package org.scholarly.citation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "citation")
public interface CitationConfig {

    StandingPolicy standingPolicy();

    Builds builds();

    Counts counts();

    Reconcile reconcile();

    LookupKeys lookupKeys();

    /**
     * A standing reference-building policy: articles published after {@code publishedAfter} are reported as
     * BUILDING with {@code notice} until a campaign has built their references, without anyone starting one.
     */
    interface StandingPolicy {
        Optional<Integer> publishedAfter();

        @WithDefault("References for papers published after 2023 are currently being built")
        String notice();
    }

    interface Builds {
        /** Articles a campaign worker builds per transaction. */
        @WithDefault("25")
        int batchSize();

        /** Pause between two batches; slows a campaign down so that its progress can be watched. */
        @WithDefault("0s")
        Duration pause();

        /** How often the worker looks for pending campaign work (read by the scheduler as a duration). */
        @WithDefault("1s")
        String pollEvery();

        /** The notice of a campaign started without one. */
        @WithDefault("References are currently being built")
        String defaultNotice();
    }

    interface Counts {
        /** How often coalesced count changes are published (read by the scheduler as a duration). */
        @WithDefault("1s")
        String flushEvery();

        /** Most count-change events one flush publishes; the rest go out on the next tick. */
        @WithDefault("500")
        int flushBatchSize();
    }

    interface Reconcile {
        /**
         * How often graph changes that ran side by side are looked at again (read by the scheduler as a duration):
         * the longest a link two concurrent transactions both missed waits.
         */
        @WithDefault("1s")
        String every();
    }

    interface LookupKeys {
        /** How often rows stored before lookup keys existed are given theirs, a batch at a time. */
        @WithDefault("5s")
        String backfillEvery();
    }
}
