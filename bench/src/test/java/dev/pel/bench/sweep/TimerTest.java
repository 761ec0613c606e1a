package dev.pel.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimerTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2, Timer.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Timer.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void spreadIsTheDistanceBetweenQuartilesOverTheMedian() {
        assertEquals(0, Timer.spread(new double[] {5}));
        assertEquals(0, Timer.spread(new double[] {2, 2, 2, 2}));
        assertEquals(0.5, Timer.spread(new double[] {1, 1, 2}), 1e-12); // quartiles 1 and 1.5, median 1
        assertEquals(0.1, Timer.spread(new double[] {9, 10, 10, 11, 100}), 1e-12); // an outlier does not widen it
        assertEquals(2.0 / 3, Timer.spread(new double[] {2, 1, 2, 1}), 1e-12); // two groups: quartiles 1 and 2, median 1.5
    }

    @Test
    void batchesSmallCallsIntoLongerSamples() {
        Timer timer = new Timer(3, 0);
        long batch = timer.warmUp(() -> 1);
        assertEquals(3, timer.reps());
        assertTrue(batch > 1, "a trivial call is batched, batch=" + batch);
        assertTrue(timer.sample(() -> 1, batch) > 0);
    }

    @Test
    void settleRunsEveryCallInEachPassAndStopsWithinItsBound() {
        Timer timer = new Timer(1, 0);
        long[] counts = new long[2];
        int passes = timer.settle(java.util.List.of(() -> ++counts[0], () -> ++counts[1]));
        assertTrue(passes >= 1 && passes <= Timer.MAX_SETTLE_PASSES, "passes=" + passes);
        // each call runs for a whole round per pass: far more than once per pass
        assertTrue(counts[0] > passes && counts[1] > passes, "calls=" + counts[0] + "/" + counts[1] + ", passes=" + passes);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Timer(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Timer(1, -1));
    }
}
