package org.scholarly.support.messaging;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps a shutdown from dead-lettering valid events. While the application stops, a record in flight fails for
 * reasons that have nothing to do with it (the transaction manager is gone, the pool is closed); with the
 * dead-letter strategy such a failure would skip the record for good. Holding the consumer thread instead leaves
 * the record unacknowledged and uncommitted, so it is delivered again after the restart.
 */
@ApplicationScoped
public class ConsumerShutdown {

    private static volatile boolean shuttingDown;

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    public static boolean inProgress() {
        return shuttingDown || !Arc.container().isRunning();
    }

    /** Returns at once unless the application is stopping; then never returns (the process exits around it). */
    public static void holdIfStopping() {
        while (inProgress()) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                // Keep holding: returning would let the caller acknowledge or dead-letter the record.
            }
        }
    }
}
