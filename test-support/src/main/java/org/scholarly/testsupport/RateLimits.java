package org.scholarly.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the rate-limit tests of every service share: a tiny limit and a burst of writes against it. */
public final class RateLimits {

    private RateLimits() {
    }

    /**
     * Two writes at once, then one per 100 s, and likewise three anonymous reads per client address: nothing refills
     * during a test however slow the machine, and a refused client is told to come back in up to 100 s. Every
     * anonymous read in a test class with this profile counts against the one address the tests call from, so such a
     * class reads anonymously only where it tests the read limit. A profile restarts the application, so one test
     * class per module uses it.
     */
    public static class TinyLimit implements QuarkusTestProfile {
        public static final int BURST = 2;
        public static final int SECONDS_PER_WRITE = 100;
        public static final int READ_BURST = 3;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scholarly.rate-limit.writes-per-second", String.valueOf(1.0 / SECONDS_PER_WRITE),
                    "scholarly.rate-limit.burst", String.valueOf(BURST),
                    "scholarly.rate-limit.anonymous-reads-per-second", String.valueOf(1.0 / SECONDS_PER_WRITE),
                    "scholarly.rate-limit.anonymous-read-burst", String.valueOf(READ_BURST));
        }
    }

    /** The statuses of {@code times} calls and the last Retry-After; every 429 must be problem+json. */
    public record Outcome(List<Integer> statuses, Integer retryAfterSeconds) {
    }

    public static Outcome repeat(int times, Supplier<Response> write) {
        List<Integer> statuses = new ArrayList<>();
        Integer retryAfter = null;
        for (int i = 0; i < times; i++) {
            Response response = write.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                retryAfter = Integer.valueOf(response.header("Retry-After"));
            }
        }
        return new Outcome(statuses, retryAfter);
    }
}
