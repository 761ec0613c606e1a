package dev.pel.kernels;

import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.spi.VecF32;
import dev.pel.runtime.DType;
import dev.pel.runtime.dispatch.Calibrator;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.dispatch.Rates;
import dev.pel.runtime.hw.Hardware;
import dev.pel.runtime.memory.FloatArray;
import dev.pel.runtime.spi.Backend;
import java.util.Arrays;

/**
 * Measures a backend's {@link Rates} with the foundation kernels, called by the runtime the first
 * time the backend is a candidate. Float {@code sum} gives the fixed cost (a 16-element call), the
 * in-cache bandwidth (the slope between two in-cache sizes, so the fixed cost cancels) and the
 * main-memory bandwidth (a working set of four last-level caches); {@code exp} on in-cache data
 * gives the arithmetic rate; for a device, the same {@code sum} on a heap array minus the resident
 * one gives the copy rate. Kernels are warmed until their time settles (compiled by the JIT) before
 * anything is timed; each point is the median of a few timings; the measuring stays within the
 * budget the runtime gives. The runtime calls this on a background thread.
 */
public final class KernelCalibrator implements Calibrator {
    private static final KernelSpec SUM = Catalogue.SUM;
    private static final KernelSpec EXP = Catalogue.of(UnaryOp.EXP);
    /** The longest a warm-up may take (a busy machine compiles slowly). */
    static final long WARM_UP_CAP_NANOS = 5_000_000_000L;
    /** Batches of four calls before stability counts: past HotSpot's default tier-4 invocation threshold (5,000). */
    static final int MIN_WARM_UP_BATCHES = 1_500;

    @Override
    public boolean supports(Backend backend) {
        return KernelSets.supports(backend, DType.F32);
    }

    @Override
    public Rates calibrate(Backend backend, int threads, long budgetNanos) {
        KernelSet set = KernelSets.of(backend);
        Hardware hw = Hardware.detect();
        long l2 = hw.cacheBytes(2) > 0 ? hw.cacheBytes(2) : 256 << 10;
        long llc = Math.max(l2, Math.max(hw.cacheBytes(3), 0));
        long cacheBytes = backend.host() ? Math.min(l2 * threads, llc) : l2;
        int small = 16;
        int n1 = (int) Math.max(8192L * threads, 4096);
        int n2 = (int) Math.max(n1 * 4L, cacheBytes / 2 / Float.BYTES);
        long mainBytes = Math.max(32L << 20, Math.min(4 * llc, 256L << 20));
        if (backend.host()) {
            mainBytes = Math.min(mainBytes, Runtime.getRuntime().maxMemory() / 8); // measured on the heap: leave room
        }
        int n3 = (int) Math.max(n2 * 2L, Math.min(Integer.MAX_VALUE - 64, mainBytes / Float.BYTES));

        try (FloatArray big = FloatArray.allocate(backend.host() ? n2 : n3); FloatArray out = FloatArray.allocate(n2)) {
            fill(big, n2);
            // Host backends are timed on heap arrays, the common case (their off-heap loops read main memory more
            // slowly); a device on off-heap arrays kept resident, so no copy is timed.
            VecF32 x = backend.host() ? VecF32.heap(heapCopy(big, n2, n3), 0, 1) : vec(big);
            VecF32 o2 = backend.host() ? VecF32.heap(new float[n2], 0, 1) : vec(out);
            // Every size timed below takes its own path (a 16-element call is all tail): each is warmed.
            warmUp(() -> {
                for (int i = 0; i < 8; i++) {
                    set.sum(small, x, threads);
                }
                set.sum(n1, x, threads);
                set.unary(UnaryOp.EXP, n1, x, o2, threads);
            });
            long deadline = System.nanoTime() + budgetNanos;
            double tSmall = median(() -> set.sum(small, x, threads), backend.host() ? 256 : 4, deadline);
            double t1 = median(() -> set.sum(n1, x, threads), 16, deadline);
            double t2 = median(() -> set.sum(n2, x, threads), 4, deadline);
            double b1 = SUM.cost().bytes(Float.BYTES, n1, 1, 1);
            double b2 = SUM.cost().bytes(Float.BYTES, n2, 1, 1);
            double cacheBw = t2 > t1 ? (b2 - b1) / (t2 - t1) : b2 / t2;
            double launch = Math.max(tSmall, t1 - b1 / cacheBw);
            double tExp = median(() -> set.unary(UnaryOp.EXP, n2, x, o2, threads), 2, deadline);
            double flops = EXP.cost().flops(n2, 1, 1) / Math.max(1, tExp - launch);
            double t3 = median(() -> set.sum(n3, x, threads), 1, deadline + budgetNanos / 2);
            double b3 = SUM.cost().bytes(Float.BYTES, n3, 1, 1);
            double memBw = Math.min(cacheBw, b3 / Math.max(1, t3 - launch));
            double link = 8; // bytes/ns: used only by devices, measured below
            if (!backend.host()) {
                float[] heap = new float[n2];
                VecF32 h2 = VecF32.heap(heap, 0, 1);
                double tHeap = median(() -> set.sum(n2, h2, threads), 2, deadline + budgetNanos / 2);
                // A device sharing host memory copies at memory speed: the difference can vanish in the noise.
                link = Math.min(b2 / Math.max(1, tHeap - t2), 4 * cacheBw);
            }
            return new Rates(launch, cacheBw, memBw, cacheBytes, flops, link);
        }
    }

    /** Off-heap operands: host backends read them at heap speed, a device keeps them resident (no copies timed). */
    private static VecF32 vec(FloatArray a) {
        return VecF32.offHeap(a, 0, 1);
    }

    /** A heap array of n elements whose first m are the off-heap array's. */
    private static float[] heapCopy(FloatArray a, int m, int n) {
        float[] h = new float[n];
        java.lang.foreign.MemorySegment.copy(a.segment(), java.lang.foreign.ValueLayout.JAVA_FLOAT, 0, h, 0, m);
        return h;
    }

    /** Varied values where exp is timed; the rest stays zero (a sum's time does not depend on values). */
    private static void fill(FloatArray a, long n) {
        var seg = a.segment();
        for (long i = 0; i < n; i++) {
            seg.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i, (float) ((i * 0x9E3779B97F4A7C15L >>> 40) * 0x1p-24 - 0.5));
        }
    }

    /**
     * Runs the calls until their time settles (the JIT has compiled them: the Vector API is orders of
     * magnitude slower interpreted) or {@link #WARM_UP_CAP_NANOS} passes. Not part of the measuring budget:
     * any first use of these kernels pays it once.
     */
    private static void warmUp(Runnable calls) {
        long end = System.nanoTime() + WARM_UP_CAP_NANOS;
        double[] last = new double[8];
        for (int i = 0; System.nanoTime() < end; i++) {
            last[i % last.length] = time(calls, 4);
            // Interpreted and first-tier code have plateaus of their own: stability alone is not enough.
            if (i >= MIN_WARM_UP_BATCHES) {
                double lo = Arrays.stream(last).min().orElseThrow();
                double hi = Arrays.stream(last).max().orElseThrow();
                if (hi <= 1.05 * lo) {
                    return;
                }
            }
        }
    }

    /** Nanoseconds per call over a batch of {@code reps} calls. */
    private static double time(Runnable call, int reps) {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            call.run();
        }
        return (System.nanoTime() - t0) / (double) reps;
    }

    /** The median of five batch timings of {@code batch} calls each, three when the deadline has passed. */
    private static double median(Runnable call, int batch, long deadline) {
        double[] t = new double[5];
        int k = 0;
        while (k < t.length) {
            t[k++] = time(call, batch);
            if (k >= 3 && System.nanoTime() > deadline) { // three at least: one timing of a shared machine is a guess
                break;
            }
        }
        Arrays.sort(t, 0, k);
        return t[k / 2];
    }
}
