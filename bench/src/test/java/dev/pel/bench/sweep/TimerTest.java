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
    void batchesSmallCallsIntoLongerSamples() {
        Timer.Timing t = new Timer(3, 0).measure(() -> 1);
        assertEquals(3, t.samples());
        assertTrue(t.batch() > 1, "a trivial call is batched, batch=" + t.batch());
        assertTrue(t.medianNanos() > 0);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Timer(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Timer(1, -1));
    }
}
