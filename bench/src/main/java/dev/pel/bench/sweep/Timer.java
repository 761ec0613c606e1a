package dev.pel.bench.sweep;

import dev.pel.bench.workload.KernelCall;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * Times a call: warm-up until the JIT is done with it ({@link #warmUp}), then {@code reps}
 * samples ({@link #sample}), or up to {@link #MAX_BLOCKS} times as many where they spread widely
 * ({@link #WIDE_SPREAD}), whose median is reported; the sweep takes the samples of a point's
 * contenders in turns, see {@link Sweep}.
 * A sample times a batch of calls sized from the warm-up so that it lasts at least
 * {@link #MIN_SAMPLE_NANOS}: {@code System.nanoTime} has a granularity and a cost of tens of
 * nanoseconds, which would swamp a single small call. The sweep is a quick survey; JMH
 * ({@code pel jmh}) is the precise instrument.
 */
public final class Timer {
    /**
     * Shortest sample: 1 ms, so ten samples span 10 ms rather than a fraction of one (at 50 us a
     * 16-element call's samples all fell inside one scheduler hiccup or none, and the same backend
     * timed twice differed by up to 2x).
     */
    public static final long MIN_SAMPLE_NANOS = 1_000_000;

    /** Length of one warm-up round. */
    static final long ROUND_NANOS = 10_000_000;
    /** Calls before C2 has compiled a small kernel (tiered thresholds are ~5,000 calls and ~15,000 loop trips). */
    static final long MIN_WARMUP_CALLS = 20_000;
    /** A call this long loops enough to have its loop compiled without MIN_WARMUP_CALLS calls. */
    static final long LONG_CALL_NANOS = 100_000;
    /** A round that beats the best so far by less than this fraction does not count as progress. */
    static final double STABLE_GAIN = 0.1;
    /** Rounds in a row without progress before the warm-up may end. */
    static final int PATIENCE = 3;
    /** Warm-up ends after this many times the requested time, or MIN_WARMUP_CAP_NANOS, even without convergence. */
    static final long MAX_WARMUP_FACTOR = 10;
    static final long MIN_WARMUP_CAP_NANOS = 2_000_000_000L;

    /**
     * A point's samples spread widely when, for any of its contenders, the distance between the quartiles
     * is more than this fraction of the median; the point then gets another {@code reps} rounds, up to
     * {@link #MAX_BLOCKS} blocks in all. On a shared 2-vCPU VM some points' samples fall in two groups
     * (a slow phase, the other core taken, a device's 10 or 14 ms): with ten samples the median fell in
     * either group, and one backend timed twice at one point differed by 1.5-2x. The rule looks only at
     * each contender's own spread, never at how contenders compare, so every contender gets the same rounds.
     */
    public static final double WIDE_SPREAD = 0.25;
    /** Most blocks of {@code reps} rounds a point gets. */
    public static final int MAX_BLOCKS = 3;
    /**
     * A block of rounds that took longer than this is not followed by another, however wide the spread: the sweep's
     * time would double. At 16M elements a block took about 8 s at the median point of a full sweep, at 1M 0.4 s.
     */
    public static final long MAX_REPEATED_BLOCK_NANOS = 3_000_000_000L;

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /** Results are folded in here so the JIT cannot drop a call whose result looks unused. */
    private static volatile double sink;

    private final int reps;
    private final long warmupNanos;

    public Timer(int reps, long warmupMillis) {
        if (reps < 1) {
            throw new IllegalArgumentException("reps: must be >= 1, was " + reps);
        }
        if (warmupMillis < 0) {
            throw new IllegalArgumentException("warmup-ms: must be >= 0, was " + warmupMillis);
        }
        this.reps = reps;
        this.warmupNanos = warmupMillis * 1_000_000;
    }

    /**
     * The median time of one call, and how it was sampled.
     *
     * @param batch calls per sample
     */
    public record Timing(double medianNanos, int samples, long batch) {
    }

    /** Samples per point, at least: a block of rounds. */
    public int reps() {
        return reps;
    }

    /** Samples per point at most. */
    public int maxReps() {
        return reps * MAX_BLOCKS;
    }

    /**
     * Warms the call up and returns the batch a sample runs: enough calls to
     * last {@link #MIN_SAMPLE_NANOS}.
     */
    public long warmUp(KernelCall call) {
        double acc = 0;
        long perCall = Long.MAX_VALUE;
        long warmed = 0;
        long calls = 0;
        int stableRounds = 0;
        long cap = Math.max(MAX_WARMUP_FACTOR * warmupNanos, MIN_WARMUP_CAP_NANOS);
        // Warm up in rounds until the time is spent, the JIT has seen enough calls to compile the
        // kernel with C2, and PATIENCE rounds in a row neither beat the best one by STABLE_GAIN nor
        // saw the JIT compile anything. Time alone is not enough: Vector API code runs ~100x slower
        // until C2 compiles it, and on a busy machine it waits in the compile queue meanwhile,
        // running at a steady (slow) speed that looks converged.
        while (warmed < cap && (warmed < warmupNanos || (calls < MIN_WARMUP_CALLS && perCall < LONG_CALL_NANOS)
                || stableRounds < PATIENCE)) {
            long roundCalls = 0;
            long jitBefore = jitMillis();
            long t0 = System.nanoTime();
            long elapsed;
            do {
                acc += call.call();
                roundCalls++;
                elapsed = System.nanoTime() - t0;
            } while (elapsed < ROUND_NANOS);
            warmed += elapsed;
            calls += roundCalls;
            long round = Math.max(1, elapsed / roundCalls);
            boolean jitIdle = jitMillis() == jitBefore;
            stableRounds = jitIdle && round >= perCall * (1 - STABLE_GAIN) ? stableRounds + 1 : 0;
            perCall = Math.min(perCall, round);
        }
        sink = acc;
        return Math.max(1, (MIN_SAMPLE_NANOS + perCall - 1) / perCall);
    }

    /** Most passes {@link #settle} runs before it gives up waiting for the JIT. */
    static final int MAX_SETTLE_PASSES = 5;

    /**
     * Runs each call for one {@link #ROUND_NANOS} round in turn, pass after pass, until a whole pass
     * saw the JIT finish no compilation (at most {@link #MAX_SETTLE_PASSES}); returns the passes run.
     * Warming one contender can undo another's warm-up: the code they share (the facade, the
     * dispatcher, the runtime) meets a new type or branch, is deoptimised, and runs interpreted,
     * with the Vector API code it had inlined, until C2 compiles it again (mul f64 at 16 elements:
     * every Pel contender of the point measured 10-20x slower than at the points around it).
     */
    public int settle(List<KernelCall> calls) {
        double acc = 0;
        int passes = 0;
        boolean quiet = false;
        while (!quiet && passes < MAX_SETTLE_PASSES) {
            long jitBefore = jitMillis();
            for (KernelCall call : calls) {
                long t0 = System.nanoTime();
                do {
                    acc += call.call();
                } while (System.nanoTime() - t0 < ROUND_NANOS);
            }
            passes++;
            quiet = jitMillis() == jitBefore;
        }
        sink = acc;
        return passes;
    }

    /**
     * One sample: nanoseconds per call over a batch of {@code batch} calls, after one untimed call
     * (when contenders take turns, the first call after another's pays for the caches it evicted
     * and the threads it left busy: at 16M elements that made every sample a cold one).
     */
    public double sample(KernelCall call, long batch) {
        double acc = call.call();
        long t0 = System.nanoTime();
        for (long b = 0; b < batch; b++) {
            acc += call.call();
        }
        double perCall = (System.nanoTime() - t0) / (double) batch;
        sink = acc;
        return perCall;
    }

    /** Milliseconds the JIT has spent compiling so far (0 where the JVM does not say). */
    private static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    static double median(double[] values) {
        return quantile(sorted(values), 0.5);
    }

    /**
     * The distance between the quartiles of {@code values}, as a fraction of their median (0 for fewer than two
     * values): a spread that, unlike the range, one outlier does not make wide.
     */
    public static double spread(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double[] s = sorted(values);
        double median = quantile(s, 0.5);
        return median > 0 ? (quantile(s, 0.75) - quantile(s, 0.25)) / median : 0;
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /** The {@code q} quantile of sorted values, interpolated between the two nearest (the median of an even count is their mean). */
    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
