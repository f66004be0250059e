package org.scholarly.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InstanceComparisonTest {

    @Test
    void dividesTwoInstancesThroughputByOnes() {
        assertThat(InstanceComparison.ratio(150, 100)).isCloseTo(1.5, within(1e-9));
        assertThat(InstanceComparison.ratio(80, 100)).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void hasNoRatioWithoutAOneInstanceFigure() {
        assertThat(InstanceComparison.ratio(150, 0)).isNaN();
        assertThat(InstanceComparison.ratio(150, Double.NaN)).isNaN();
    }
}
