package org.scholarly.notification.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MilestonesTest {

    @ParameterizedTest(name = "{0} -> {1} crosses {2}")
    @CsvSource({
            "0, 1, 1", "0, 5, 1", "1, 9, -1", "9, 10, 10", "5, 15, 10", "0, 150, 100", "99, 100, 100",
            "100, 999, -1", "999, 1000, 1000", "12, 5, -1", "10, 10, -1", "0, 0, -1"})
    void findsTheHighestMilestoneCrossedUpwards(long previous, long current, long expected) {
        assertThat(Milestones.crossed(previous, current).orElse(-1)).isEqualTo(expected);
    }
}
