package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.testing.BackendArgs;
import dev.pel.runtime.dispatch.Rates;
import dev.pel.runtime.spi.Backend;
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
}
