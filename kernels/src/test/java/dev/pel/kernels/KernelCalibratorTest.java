package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.testing.BackendArgs;
import dev.pel.runtime.dispatch.Rates;
import dev.pel.runtime.spi.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The calibrator measures every backend (a sanity check of what it reports, never of speed: the
 * machines are shared). Rates must be finite, positive and internally consistent.
 */
class KernelCalibratorTest {

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(BackendArgs.class)
    void measuresFinitePositiveRates(BackendArgs.Target target) {
        Backend b = target.runtime().forcedBackend().orElseThrow();
        KernelCalibrator c = new KernelCalibrator();
        assertTrue(c.supports(b));
        for (int threads : b.maxThreads() > 1 ? new int[] {1, b.maxThreads()} : new int[] {1}) {
            long t0 = System.nanoTime();
            Rates r = c.calibrate(b, threads, 100_000_000L);
            long took = System.nanoTime() - t0;
            String what = b.name() + " x" + threads + ": " + r;
            assertTrue(c.warmUpNanos() > 0 && c.warmUpNanos() <= took, "the warm-up is part of the call: " + c.warmUpNanos()
                    + " of " + took + " ns, " + what);
            assertTrue(Double.isFinite(r.launchNs()) && r.launchNs() > 0, what);
            assertTrue(Double.isFinite(r.cacheBytesPerNs()) && r.cacheBytesPerNs() > 0, what);
            assertTrue(r.memoryBytesPerNs() <= r.cacheBytesPerNs(), "main memory is not faster than cache: " + what);
            assertTrue(r.cacheBytes() > 0, what);
            assertTrue(Double.isFinite(r.flopsPerNs()) && r.flopsPerNs() > 0, what);
            assertTrue(Double.isFinite(r.linkBytesPerNs()) && r.linkBytesPerNs() > 0, what);
        }
        c.finished(b);
    }

    @Test
    void mainMemorySetIsTailFreePastTheCachesAndWithinItsBound() {
        long cache = 512 << 10;
        long max = 32L << 20;
        // a fast backend: the call-length target passes the bound, which holds
        int fast = KernelCalibrator.mainElements(new KernelCalibrator.Partial(150, 70, 9, 0), cache, max);
        assertEquals(max / Float.BYTES, fast);
        // a slow one: a call of about a millisecond, past eight times the caches, cut to whole blocks
        int slow = KernelCalibrator.mainElements(new KernelCalibrator.Partial(180_000, 3.1, 2, 0), cache, max);
        assertEquals(0, slow % KernelCalibrator.TAIL_FREE, "timed sizes take no loop tail: " + slow);
        assertTrue((long) slow * Float.BYTES >= 8 * cache - KernelCalibrator.TAIL_FREE * Float.BYTES, "past the caches: " + slow);
        assertTrue((long) slow * Float.BYTES <= max, "within the bound: " + slow);
        double callNanos = KernelCalibrator.MAIN_CALL_LAUNCHES * 180_000.0;
        assertEquals(3.1 * callNanos / Float.BYTES, slow, KernelCalibrator.TAIL_FREE, "eight launches' worth at the cache rate");
    }
}
