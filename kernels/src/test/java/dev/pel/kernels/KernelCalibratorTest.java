package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * Two passes of cpu-simd x2 as timed on a 2-core VM (ns; bytes of scal over 16,384 and 131,072 floats, exp's flops
     * over 131,072): in the first the helper thread joined t1's calls 110 us late, which the launch shows and exp's calls
     * did not pay. The arithmetic rate comes from exp's time beyond the 16-element call, so the late helper does not make
     * two threads 3x faster than one (taking the launch off exp's time gave 29 GFLOP/s); and of the last two passes,
     * each rate's better value stands, so the launch is the second pass's.
     */
    @Test
    void aLateHelperInflatesNeitherTheArithmeticRateNorTheSettledLaunch() {
        double b1 = 131_072;
        double b2 = 1_048_576;
        double expFlops = 1_310_720;
        KernelCalibrator.Partial late = KernelCalibrator.pass(416, 112_821, 30_197, 154_269, b1, b2, expFlops);
        assertTrue(late.launch() > 100_000, "the late helper is in this pass's launch: " + late);
        assertEquals(expFlops / (154_269 - 416), late.flops(), 1e-9, "exp's time less the 16-element call's: " + late);
        assertTrue(late.flops() < 9.0, "not inflated by the launch: " + late);

        KernelCalibrator.Partial onTime = KernelCalibrator.pass(390, 4_682, 29_536, 145_903, b1, b2, expFlops);
        KernelCalibrator.Partial settled = KernelCalibrator.best(late, onTime);
        assertEquals(onTime.launch(), settled.launch(), "the shorter launch: " + settled);
        assertTrue(onTime.launch() < 2_000, "on time: " + onTime);
        assertEquals(Math.max(late.flops(), onTime.flops()), settled.flops());
        assertEquals(Math.max(late.cacheBw(), onTime.cacheBw()), settled.cacheBw());
        assertEquals(Math.min(late.t2(), onTime.t2()), settled.t2());
    }

    /**
     * The warm-up ends only once the timed loops allocate like compiled code: the Vector API's fallbacks allocate a vector
     * per operation. Allocations seen on a 2-core VM (cpu-simd, 8192 elements of scal, 1024 of exp).
     */
    @Test
    void onlyCompiledVectorLoopsPassTheAllocationTest() {
        assertTrue(KernelCalibrator.allocatesLikeCompiled(0, 1024), "nothing allocated");
        assertTrue(KernelCalibrator.allocatesLikeCompiled(184, 16_384), "the two-thread path's lambdas");
        assertFalse(KernelCalibrator.allocatesLikeCompiled(16_440, 1024), "exp in C1 code");
        assertFalse(KernelCalibrator.allocatesLikeCompiled(131_216, 8192), "scal in C1 code");
        assertFalse(KernelCalibrator.allocatesLikeCompiled(1_291_376, 8192), "scal interpreted");
    }

    /**
     * A host's in-cache timings run on two views of each working set, 8 bytes apart: the JVM aligns objects to 8 bytes, so
     * a heap array's data starts at 0 or 8 modulo 16, and of the two views exactly one is 16-byte aligned.
     */
    @Test
    void inCacheViewsAreOneObjectAlignmentApart() {
        float[] a = new float[1024 + KernelCalibrator.ALIGNMENT_SHIFT];
        var views = KernelCalibrator.alignmentViews(a);
        assertEquals(2, views.length);
        assertEquals(0, views[0].start());
        assertEquals(8, (views[1].start() - views[0].start()) * Float.BYTES, "bytes between the views");
        for (var v : views) {
            assertTrue(v.heap() == a && v.stride() == 1, "a unit-stride view of the array");
        }
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
