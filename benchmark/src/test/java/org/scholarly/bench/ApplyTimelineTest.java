package org.scholarly.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ApplyTimelineTest {

    @Test
    void windowsAreTwentyThousandArticlesFromFortyThousandOnAndAFifthBelow() {
        assertThat(ApplyTimeline.windowSize(100_000)).isEqualTo(20_000);
        assertThat(ApplyTimeline.windowSize(40_000)).isEqualTo(20_000);
        assertThat(ApplyTimeline.windowSize(39_999)).isEqualTo(7_999);
        assertThat(ApplyTimeline.windowSize(300)).isEqualTo(60);
    }

    @Test
    void countsTheIntervalsInWhichEveryInstanceAdvanced() {
        // Instance a applies in the intervals ending at 1, 2 and 3 s; instance b in those ending at 2, 3 and 4 s.
        ApplyTimeline timeline = new ApplyTimeline(List.of(
                sample(0, 0, 0), sample(1, 10, 0), sample(2, 20, 5), sample(3, 30, 10), sample(4, 30, 15), sample(5, 30, 15)));

        assertThat(timeline.concurrentIntervals()).isEqualTo(2);
        assertThat(timeline.concurrentSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(timeline.activeSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(timeline.appliedPerInstance()).containsExactly(30L, 15L);
        assertThat(timeline.advancingIntervals()).containsExactly(3, 3);
        assertThat(timeline.largestStep()).isEqualTo(15);
        assertThat(timeline.totalApplied()).isEqualTo(45);
    }

    @Test
    void oneAfterTheOtherIsNeverConcurrentHoweverBusyBothAre() {
        ApplyTimeline timeline = new ApplyTimeline(List.of(
                sample(0, 0, 0), sample(1, 100, 0), sample(2, 200, 0), sample(3, 200, 100), sample(4, 200, 200)));

        assertThat(timeline.concurrentIntervals()).isZero();
        assertThat(timeline.concurrentSeconds()).isZero();
        assertThat(timeline.activeSeconds()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void measuresTheFirstAndTheLastWindowAndTheirRatio() {
        // Nothing until 1 s, then 100 events/s until 1,000 events at 11 s, then 50/s until 2,000 at 31 s.
        List<ApplyTimeline.Sample> samples = new ArrayList<>();
        samples.add(sample(0, 0));
        for (int second = 1; second <= 31; second++) {
            long applied = second <= 11 ? (second - 1) * 100L : 1000 + (second - 11) * 50L;
            samples.add(sample(second, applied));
        }
        ApplyTimeline timeline = new ApplyTimeline(samples);

        ApplyTimeline.Window first = timeline.first(500);
        ApplyTimeline.Window last = timeline.last(500);
        assertThat(first.fromSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(first.toSeconds()).isCloseTo(6.0, within(1e-9));
        assertThat(first.perSecond()).isCloseTo(100.0, within(1e-9));
        assertThat(last.fromSeconds()).isCloseTo(21.0, within(1e-9));
        assertThat(last.toSeconds()).isCloseTo(31.0, within(1e-9));
        assertThat(last.perSecond()).isCloseTo(50.0, within(1e-9));
        assertThat(ApplyTimeline.ratio(first, last)).isCloseTo(0.5, within(1e-9));
        assertThat(timeline.overall().events()).isEqualTo(2000);
        assertThat(timeline.overall().seconds()).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void interpolatesAWindowEdgeInsideASamplingInterval() {
        ApplyTimeline timeline = new ApplyTimeline(List.of(sample(0, 0), sample(1, 0), sample(2, 100), sample(3, 200)));

        assertThat(timeline.first(150).toSeconds()).isCloseTo(2.5, within(1e-9));
        assertThat(timeline.last(150).fromSeconds()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void countsFromTheFirstSampleSoThatAnExternalStacksHistoryIsLeftOut() {
        ApplyTimeline timeline = new ApplyTimeline(List.of(sample(0, 5000, 7000), sample(1, 5000, 7000), sample(2, 5050, 7050),
                sample(3, 5100, 7100)));

        assertThat(timeline.appliedPerInstance()).containsExactly(100L, 100L);
        assertThat(timeline.overall().perSecond()).isCloseTo(100.0, within(1e-9));
        assertThat(timeline.first(100).toSeconds()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aWindowLargerThanTheRunIsTheWholeRun() {
        ApplyTimeline timeline = new ApplyTimeline(List.of(sample(0, 0), sample(1, 40), sample(2, 80)));

        assertThat(timeline.first(1000).events()).isEqualTo(80);
        assertThat(timeline.last(1000).fromSeconds()).isCloseTo(0.0, within(1e-9));
        assertThat(ApplyTimeline.ratio(timeline.first(1000), timeline.last(1000))).isCloseTo(1.0, within(1e-9));
    }

    private static ApplyTimeline.Sample sample(double seconds, long... applied) {
        return new ApplyTimeline.Sample(seconds, applied);
    }
}
