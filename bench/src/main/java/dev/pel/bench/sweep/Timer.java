package dev.pel.bench.sweep;

import dev.pel.bench.workload.KernelCall;
import java.util.Arrays;

/**
 * Times a call: warm-up for a fixed time, then {@code reps} samples whose median is reported.
 * A sample times a batch of calls sized from the warm-up so that it lasts at least
 * {@link #MIN_SAMPLE_NANOS}: {@code System.nanoTime} has a granularity and a cost of tens of
 * nanoseconds, which would swamp a single small call. The sweep is a quick survey; JMH
 * ({@code pel jmh}) is the precise instrument.
 */
public final class Timer {
    /** Shortest sample: ~1000x the cost of a nanoTime pair. */
    static final long MIN_SAMPLE_NANOS = 50_000;

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

    public Timing measure(KernelCall call) {
        double acc = 0;
        long calls = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            acc += call.call();
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < warmupNanos);
        long perCall = Math.max(1, elapsed / calls);
        long batch = Math.max(1, (MIN_SAMPLE_NANOS + perCall - 1) / perCall);

        double[] samples = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            for (long b = 0; b < batch; b++) {
                acc += call.call();
            }
            samples[r] = (System.nanoTime() - t0) / (double) batch;
        }
        sink = acc;
        return new Timing(median(samples), reps, batch);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
