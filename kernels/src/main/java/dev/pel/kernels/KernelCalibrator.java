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
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Measures a backend's {@link Rates} with the foundation kernels, called by the runtime the first
 * time the backend is a candidate. A float streaming kernel ({@link Streaming}: {@code scal} in place
 * on a host backend, {@code sum} on a device) gives the fixed cost (a 16-element call), the in-cache
 * bandwidth (the slope between two in-cache sizes, so the fixed cost cancels) and the main-memory
 * bandwidth (a working set well past the variant's caches); {@code exp} on in-cache data gives the
 * arithmetic rate; for a device, the same {@code sum} on a heap array minus the resident one gives
 * the copy rate. Each point is the median of a few timings, within the budget the runtime
 * gives; the runtime calls this on a background thread, one variant after another.
 *
 * <p>Before timing, the kernels are warmed: on a host backend until the JIT has compiled them (the
 * Vector API runs orders of magnitude slower interpreted), on a device until its programs are built
 * and a launch takes a steady time. Warming is bounded (a rate measured on code the JIT has not
 * finished with is pessimistic; the online learning believes "faster than modelled" at once) and
 * reported apart from the measuring: it is the compilation any first use of the kernels pays.
 * The measured working sets are reused by the next variant of the same backend.
 */
public final class KernelCalibrator implements Calibrator {
    private static final KernelSpec EXP = Catalogue.of(UnaryOp.EXP);
    /** The longest a host warm-up may take (a busy machine compiles slowly: 0.2 s did not suffice with both cores taken). */
    static final long WARM_UP_CAP_NANOS = 3_000_000_000L;
    /** The longest a device warm-up may take after its first call (which builds programs, however long that takes). */
    static final long DEVICE_WARM_UP_CAP_NANOS = 500_000_000L;
    /**
     * Host warm-up batches before stability counts: 500 batches call the streaming kernel 4,500 times and
     * run its loops far past HotSpot's tier-4 thresholds (5,000 calls or 15,000 calls and back-edges).
     */
    static final int MIN_WARM_UP_BATCHES = 500;
    /** Two measuring passes agree when each rate is within this fraction of the other's. */
    static final double AGREEMENT = 0.25;
    static final int MAX_PASSES = 8;
    /** Elements of the warm-up's exp calls: few, so the calls made before C2 has compiled exp are quick. */
    static final int WARM_UP_EXP = 1024;
    /** A timed batch's length is about this (or a single call, if that takes longer). */
    static final long BATCH_NANOS = 50_000L;
    /** Length of one warm-up round. */
    static final long ROUND_NANOS = 5_000_000L;
    /** Warm-up rounds in a row without progress before the measuring starts (see {@link #JIT_PATIENCE}). */
    static final int PATIENCE = 4;
    /**
     * The same for a host backend's next variant, whose kernels the first one left compiled: its two-thread rounds
     * vary by 2-5x on a shared 2-core machine (the workers' hand-off), so waiting for four steady ones took 50 ms
     * and taught nothing the measuring's own agreement test ({@link #AGREEMENT}) does not check.
     */
    static final int NEXT_PATIENCE = 2;
    /** Warm-up batches of a host backend's next variant before stability counts: its new code is the hand-off only. */
    static final int NEXT_MIN_BATCHES = 50;
    /**
     * Rounds in a row without progress and without a finished JIT compilation, where the JIT is
     * watched: one C2 compilation of a vector kernel can outlast four quiet rounds (20 ms) on a busy
     * machine, and a warm-up that stopped then timed interpreted code (1.2 GB/s for 70 GB/s).
     */
    static final int JIT_PATIENCE = 6;
    /**
     * A round is quiet when the JIT finished at most this much compiling during it: the process's other threads
     * keep C1 busy with small methods of their own (formatting, streams: a millisecond a round was seen), which
     * held the warm-up 100 ms past the point the kernels had been fast and steady; a vector kernel's C2
     * compilation takes 5-40 ms.
     */
    static final long QUIET_JIT_MILLIS = 1;
    /** The largest "main memory" working set: enough to leave every cache level but the last of big servers. */
    static final long MAX_MAIN_BYTES = 64L << 20;
    /**
     * A host's main-memory working set in multiples of its last-level cache: four is past it whatever the replacement policy. Not
     * more: a scal call over 64 MiB took 9 ms at 15 GB/s, and its six timings per variant were half of cpu-simd's
     * measuring on a 2-core machine with an 8 MiB L3.
     */
    static final int MAIN_LLC_MULTIPLE = 4;
    /**
     * A main-memory call should take about this long on the backend, or {@link #MAIN_CALL_LAUNCHES} launches if
     * longer, so that the fixed cost taken off it is a small part: a slow backend is timed on less. Not more:
     * memory first touched costs more than reading it (2.7 ms per MiB was measured on a VM), and a 5 ms call at
     * PoCL's rate spent 130 ms of its calibration on faulting in 40 MiB.
     */
    static final long MAIN_CALL_NANOS = 1_000_000L;
    static final int MAIN_CALL_LAUNCHES = 8;
    /** Every timed size is a multiple of this many elements: of any vector's lanes. */
    static final int TAIL_FREE = 1024;
    /** The elements past a vector loop's end that the warm-up adds to one small call, so that user calls' tails are compiled. */
    static final int WARM_UP_TAIL = 3;
    /** Bytes a compiled call may allocate besides a quarter byte per element: its lambdas, where C2 keeps them. */
    static final long ALLOCATION_SLACK = 512;
    /**
     * Elements between the two views of a host's in-cache working sets: 8 bytes, the JVM's object alignment. A heap
     * array's data starts at 0 or 8 modulo 16 bytes as allocation falls, and on a machine that splits its vectors into
     * 16-byte halves (Zen 1), a vector loop runs at half speed where they straddle cache lines: {@code scal} in L1/L2
     * at 62-78 GB/s with the data 16-byte aligned, 30-38 GB/s otherwise (exp, arithmetic-bound, 8.8 and 8.9 GFLOP/s).
     * One view of one array gave cpu-simd's cache rate as 36 or 70 GB/s from process to process, as the array fell; of
     * two views 8 bytes apart exactly one is aligned there, and the mean of their times, 47-50 GB/s, is what a heap
     * array's call takes on average.
     */
    static final int ALIGNMENT_SHIFT = 2;

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    /** Counts a thread's allocations, where the JVM does (HotSpot): see {@link #loopsCompiled}. */
    private static final com.sun.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean()
            instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported() ? t : null;

    private long warmUpNanos;
    private Backend lastBackend;
    private float[] scratch = new float[0]; // the host in-cache working set, kept for the backend's next variant
    /** The host main-memory working set, allocated beside the first host warm-up and kept until {@link #idle}. */
    private FutureTask<float[]> mainSet;

    @Override
    public boolean supports(Backend backend) {
        return KernelSets.supports(backend, DType.F32);
    }

    @Override
    public long warmUpNanos() {
        return warmUpNanos;
    }

    @Override
    public void finished(Backend backend) {
        scratch = new float[0];
        lastBackend = null;
    }

    @Override
    public void idle() {
        mainSet = null;
    }

    @Override
    public Rates calibrate(Backend backend, int threads, long budgetNanos) {
        KernelSet set = KernelSets.of(backend);
        Hardware hw = Hardware.detect();
        long l2 = hw.cacheBytes(2) > 0 ? hw.cacheBytes(2) : 256 << 10;
        long llc = Math.max(l2, Math.max(hw.cacheBytes(3), 0));
        long cacheBytes = backend.host() ? Math.min(l2 * threads, llc) : l2;
        // Where discovery found no last-level cache, the largest set: a guess too small would time a cache as memory.
        long hostMainBytes = hw.cacheBytes(3) > 0 ? Math.min(MAX_MAIN_BYTES, MAIN_LLC_MULTIPLE * llc) : MAX_MAIN_BYTES;
        int small = 16;
        int n1 = (int) Math.max(8192L * threads, 4096);
        int n2 = (int) Math.max(n1 * 4L, cacheBytes / 2 / Float.BYTES / TAIL_FREE * TAIL_FREE);
        boolean firstVariant = backend != lastBackend;
        if (firstVariant) {
            scratch = new float[0]; // another backend: its working sets are its own
            lastBackend = backend;
        }
        Streaming st = Streaming.of(backend);
        long started = System.nanoTime();
        long deadline = started + budgetNanos;
        if (backend.host()) {
            FutureTask<float[]> main = mainSet != null ? mainSet : (mainSet = allocateBeside((int) (hostMainBytes / Float.BYTES)));
            int length = n2 + ALIGNMENT_SHIFT;
            float[] heap = scratch.length >= length ? scratch : (scratch = filled(length));
            float[] out = new float[length];
            VecF32[] xs = alignmentViews(heap);
            VecF32[] os = alignmentViews(out);
            warmUpNanos = warmUp(st, set, xs[0], os[0], small, n1, threads, firstVariant ? Warming.HOST_FIRST : Warming.HOST_NEXT);
            Partial p = settled(st, set, xs, os, small, n1, n2, threads, deadline);
            int n3 = mainElements(p, cacheBytes, hostMainBytes);
            VecF32 big = VecF32.heap(join(main), 0, 1); // zeros: the kernel's time does not depend on the values
            double t3 = median(() -> st.run(set, n3, big, threads), 1, deadline);
            double memBw = Math.min(p.cacheBw, st.bytes(n3) / Math.max(1, t3 - p.launch));
            return new Rates(p.launch, p.cacheBw, memBw, cacheBytes, p.flops, 8); // link: used only by devices
        }
        // A device: off-heap operands kept resident, so no copy is timed but the one the link rate comes from.
        try (FloatArray in = FloatArray.allocate(n2); FloatArray out = FloatArray.allocate(n2)) {
            fill(in, n2);
            VecF32 x = VecF32.offHeap(in, 0, 1);
            VecF32 o = VecF32.offHeap(out, 0, 1);
            warmUpNanos = warmUp(st, set, x, o, small, n1, threads, Warming.DEVICE);
            Partial p = settled(st, set, new VecF32[] {x}, new VecF32[] {o}, small, n1, n2, threads, deadline); // aligned off-heap
            int n3 = mainElements(p, cacheBytes, MAX_MAIN_BYTES);
            double memBw;
            try (FloatArray main = FloatArray.allocate(n3)) {
                VecF32 m = VecF32.offHeap(main, 0, 1);
                st.run(set, n3, m, threads); // the first use of a buffer allocates it on the device
                double t3 = median(() -> st.run(set, n3, m, threads), 1, deadline);
                memBw = Math.min(p.cacheBw, st.bytes(n3) / Math.max(1, t3 - p.launch));
            }
            float[] heap = new float[n2];
            VecF32 h2 = VecF32.heap(heap, 0, 1);
            double tHeap = median(() -> st.run(set, n2, h2, threads), 1, deadline);
            double b2 = st.bytes(n2);
            // A device sharing host memory copies at memory speed: the difference can vanish in the noise.
            double link = Math.min(b2 / Math.max(1, tHeap - p.t2), 4 * p.cacheBw);
            return new Rates(p.launch, p.cacheBw, memBw, cacheBytes, p.flops, link);
        }
    }

    /**
     * The streaming kernel timed for the fixed cost and the bandwidths. A device reads with {@code sum}: on a heap
     * array only the operand crosses the link, once. A host backend scales in place by -1 (exact, and never the
     * identity a compiler may drop): C2 compiles the vector sum's fixed-order reduction, and the Vector API's
     * fallbacks its interpreted calls ran, in about 450 ms on a 2-core machine before the sum was fast; scal took
     * 160 ms (cpu-simd's whole calibration went from 500-750 ms to 330-355 ms with the working set below).
     */
    private enum Streaming {
        SUM(Catalogue.SUM) {
            @Override
            void run(KernelSet set, long n, VecF32 x, int threads) {
                set.sum(n, x, threads);
            }
        },
        SCAL(Catalogue.SCAL) {
            @Override
            void run(KernelSet set, long n, VecF32 x, int threads) {
                set.scal(n, -1f, x, threads);
            }
        };

        private final KernelSpec spec;

        Streaming(KernelSpec spec) {
            this.spec = spec;
        }

        abstract void run(KernelSet set, long n, VecF32 x, int threads);

        double bytes(long n) {
            return spec.cost().bytes(Float.BYTES, n, 1, 1);
        }

        static Streaming of(Backend backend) {
            return backend.host() ? SCAL : SUM;
        }
    }

    /** What the in-cache timings give: fixed cost, cache bandwidth, arithmetic rate, and the n2 call's time. */
    record Partial(double launch, double cacheBw, double flops, double t2) {
    }

    /**
     * The in-cache measurements, repeated until two passes in a row agree within
     * {@link #AGREEMENT} (code the JIT is still compiling keeps getting faster; a warm-up cannot see
     * the compile queue), at most {@link #MAX_PASSES} passes or until the deadline; of the last two,
     * the better value of each rate (timing noise only ever slows a call down, and it comes and goes:
     * a two-thread launch of 95-113 us, the helper's core taken, was timed in about one pass of two on
     * a 2-core VM, 1 us in the others; such passes seldom agree, and the last pass alone, kept when
     * the passes ran out, was the slow one in two calibrations of six).
     */
    private static Partial settled(Streaming st, KernelSet set, VecF32[] xs, VecF32[] os, int small, int n1, int n2, int threads,
            long deadline) {
        Partial prev = measureInCache(st, set, xs, os, small, n1, n2, threads, deadline);
        Partial best = prev;
        for (int pass = 1; pass < MAX_PASSES; pass++) {
            Partial p = measureInCache(st, set, xs, os, small, n1, n2, threads, deadline);
            best = best(prev, p);
            boolean agree = agree(p.launch, prev.launch) && agree(p.cacheBw, prev.cacheBw) && agree(p.flops, prev.flops);
            if (agree || System.nanoTime() > deadline) {
                break;
            }
            prev = p;
        }
        return best;
    }

    /** Each rate at the better of its two values (the shorter time, the higher rate). */
    static Partial best(Partial a, Partial b) {
        return new Partial(Math.min(a.launch, b.launch), Math.max(a.cacheBw, b.cacheBw), Math.max(a.flops, b.flops),
                Math.min(a.t2, b.t2));
    }

    private static boolean agree(double a, double b) {
        return Math.max(a, b) <= (1 + AGREEMENT) * Math.min(a, b);
    }

    /**
     * One pass of the in-cache timings; each but the 16-element call's is the mean over the views {@code xs[k]},
     * {@code os[k]} of the working sets (see {@link #ALIGNMENT_SHIFT}).
     */
    private static Partial measureInCache(Streaming st, KernelSet set, VecF32[] xs, VecF32[] os, int small, int n1, int n2,
            int threads, long deadline) {
        double tSmall = median(() -> st.run(set, small, xs[0], threads), 64, deadline);
        double t1 = meanOver(xs.length, k -> median(() -> st.run(set, n1, xs[k], threads), 8, deadline));
        double t2 = meanOver(xs.length, k -> median(() -> st.run(set, n2, xs[k], threads), 2, deadline));
        // exp over the n2 working set, so that the call's time dwarfs its fixed cost: at n1 the launch taken off was most of it,
        // and two threads read 181 GFLOP/s on a 2-core machine whose one thread does 43.
        double tExp = meanOver(xs.length, k -> median(() -> set.unary(UnaryOp.EXP, n2, xs[k], os[k], threads), 2, deadline));
        return pass(tSmall, t1, t2, tExp, st.bytes(n1), st.bytes(n2), EXP.cost().flops(n2, 1, 1));
    }

    /** Views of {@code a} at its start and {@link #ALIGNMENT_SHIFT} elements on: each reaches {@code a.length - ALIGNMENT_SHIFT} elements. */
    static VecF32[] alignmentViews(float[] a) {
        return new VecF32[] {VecF32.heap(a, 0, 1), VecF32.heap(a, ALIGNMENT_SHIFT, 1)};
    }

    /** The mean of {@code time.applyAsDouble(k)} over k in [0, views). */
    private static double meanOver(int views, java.util.function.IntToDoubleFunction time) {
        double sum = 0;
        for (int k = 0; k < views; k++) {
            sum += time.applyAsDouble(k);
        }
        return sum / views;
    }

    /**
     * One pass's rates from its timings: the 16-element call ({@code tSmall}), the streaming kernel over {@code b1} and
     * {@code b2} bytes ({@code t1}, {@code t2}), and exp's {@code expFlops} over the n2 set ({@code tExp}).
     */
    static Partial pass(double tSmall, double t1, double t2, double tExp, double b1, double b2, double expFlops) {
        // The slope cancels the fixed cost, but a t1 inflated by a late worker makes it absurd (2 TB/s was seen):
        // it is at most what n2 alone shows once the 16-element call's time is taken off.
        // (On a device whose launch hides the transfer, t2 - tSmall can vanish: at most 10x the plain rate b2 / t2.)
        double average = beyond(b2, t2, tSmall);
        double cacheBw = t2 > t1 ? Math.min((b2 - b1) / (t2 - t1), average) : average;
        double launch = Math.max(tSmall, t1 - b1 / cacheBw);
        // The 16-element call's time comes off exp's, not the launch: a launch inflated by a helper thread late to t1's
        // calls, and not to exp's, made two threads 3-4x faster than one at arithmetic (29-41 GFLOP/s against 9.5).
        double flops = beyond(expFlops, tExp, tSmall);
        return new Partial(launch, cacheBw, flops, t2);
    }

    /** The rate of {@code work} done in {@code t} beyond a fixed {@code fixed}, at most ten times the plain rate. */
    private static double beyond(double work, double t, double fixed) {
        return work / Math.max(0.1 * t, t - fixed);
    }

    /**
     * Allocates {@code n} floats on a helper thread while the caller warms up: first touch of fresh memory can
     * cost more than the warm-up (2.7 ms per MiB, 170 ms for 64 MiB, was measured on a VM) and needs no JIT,
     * which is what the warm-up waits for.
     */
    private static FutureTask<float[]> allocateBeside(int n) {
        FutureTask<float[]> task = new FutureTask<>(() -> new float[n]);
        Thread.ofPlatform().daemon().name("pel-calibrate-memory").start(task);
        return task;
    }

    private static float[] join(FutureTask<float[]> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while allocating the main-memory working set", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("allocating the main-memory working set: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Elements of the main-memory working set: past the variant's caches, a call of about MAIN_CALL_NANOS, at most
     * {@code maxBytes}; a multiple of {@link #TAIL_FREE}, so that the timed call takes the vector loop only, which the
     * warm-up compiled (a tail the warm-up never took deoptimised the kernel mid-measurement: 7 GB/s timed for 15).
     */
    static int mainElements(Partial p, long cacheBytes, long maxBytes) {
        double callNanos = Math.max(MAIN_CALL_NANOS, MAIN_CALL_LAUNCHES * p.launch);
        long bytes = Math.min(maxBytes, Math.max(8 * cacheBytes, (long) (p.cacheBw * callNanos)));
        long n = Math.min(Integer.MAX_VALUE - 64, bytes / Float.BYTES);
        return (int) Math.max(TAIL_FREE, n - n % TAIL_FREE);
    }

    /** n varied values (exp is timed on them). */
    private static float[] filled(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = value(i);
        }
        return a;
    }

    private static void fill(FloatArray a, long n) {
        var seg = a.segment();
        for (long i = 0; i < n; i++) {
            seg.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i, value(i));
        }
    }

    private static float value(long i) {
        return (float) ((i * 0x9E3779B97F4A7C15L >>> 40) * 0x1p-24 - 0.5);
    }

    /**
     * What a warm-up waits for. The first variant of a host backend waits for the JIT to go quiet
     * (code waiting for C2 runs at a steady, slow speed, so time alone is not enough); its next
     * variant runs the kernels that are compiled by then and waits for steady times only (its own
     * new code, the worker pool's hand-off, is small and the learning corrects a slightly slow
     * start); a device's launch time is the driver's, which the JIT hardly changes.
     */
    private enum Warming {
        HOST_FIRST, HOST_NEXT, DEVICE
    }

    /**
     * Runs every size and kernel timed later (a 16-element call is all tail: its own path) in rounds
     * of {@link #ROUND_NANOS}, until {@link #PATIENCE} rounds ({@link #NEXT_PATIENCE} on a host backend's next
     * variant) in a row neither beat the best round by a tenth nor (on a backend's first host variant,
     * {@link #JIT_PATIENCE} rounds) saw the JIT finish more than {@link #QUIET_JIT_MILLIS} of compiling, and
     * on a host the timed kernels' loops allocate nothing ({@link #loopsCompiled}), or the cap passes. On a
     * device the first call builds its programs and is not capped.
     * Returns the time spent.
     */
    private static long warmUp(Streaming st, KernelSet set, VecF32 x, VecF32 o, int small, int n1, int threads, Warming warming) {
        boolean host = warming != Warming.DEVICE;
        Runnable calls = () -> {
            for (int i = 0; i < 7; i++) {
                st.run(set, small, x, threads);
            }
            st.run(set, small + WARM_UP_TAIL, x, threads);
            st.run(set, n1, x, threads);
            set.unary(UnaryOp.EXP, WARM_UP_EXP, x, o, threads);
        };
        long t0 = System.nanoTime();
        if (!host) {
            calls.run(); // builds (or loads) the programs
        }
        long end = System.nanoTime() + (host ? WARM_UP_CAP_NANOS : DEVICE_WARM_UP_CAP_NANOS);
        int minBatches = switch (warming) {
            case HOST_FIRST -> MIN_WARM_UP_BATCHES;
            case HOST_NEXT -> NEXT_MIN_BATCHES;
            case DEVICE -> 3;
        };
        int patience = switch (warming) {
            case HOST_FIRST -> JIT_PATIENCE;
            case HOST_NEXT -> NEXT_PATIENCE;
            case DEVICE -> PATIENCE;
        };
        double best = Double.POSITIVE_INFINITY;
        int batches = 0;
        int stable = 0;
        while (System.nanoTime() < end) {
            if (batches >= minBatches && stable >= patience) {
                if (!host || loopsCompiled(st, set, x, o, n1, threads)) {
                    break;
                }
                stable = 0; // a loop still runs the fallbacks: wait for its compilation, and for the quiet after it
            }
            long jit = jitMillis();
            long r0 = System.nanoTime();
            int n = 0;
            do {
                calls.run();
                n++;
            } while (System.nanoTime() - r0 < ROUND_NANOS);
            double perBatch = (System.nanoTime() - r0) / (double) n;
            batches += n;
            boolean quiet = warming != Warming.HOST_FIRST || jitMillis() - jit <= QUIET_JIT_MILLIS;
            // A busy JIT starts the count again, even without progress: while the kernels run interpreted it compiles
            // the Vector API's fallbacks they call, and quiet rounds between those busy ones, had they been kept, added up
            // to a warm-up that ended with exp still interpreted (0.2 GFLOP/s measured for 60).
            stable = quiet && perBatch >= 0.9 * best ? stable + 1 : 0;
            best = Math.min(best, perBatch);
        }
        return System.nanoTime() - t0;
    }

    /**
     * Whether the streaming kernel's and exp's vector loops run compiled: they then allocate nothing, where the Vector
     * API's Java fallbacks, which run until C2 has compiled a loop, allocate a vector object per operation (about 18
     * bytes per element). Quiet rounds are not proof: a C2 compilation counts only once finished, and one of 70 ms
     * (a caller of the kernels, inlining them) let six quiet rounds pass with exp not yet compiled, which was then
     * timed at 0.3-0.4 GFLOP/s for 9.3, in one calibration of 15-20 on a 2-core VM. True where the JVM does not
     * count a thread's allocations.
     */
    private static boolean loopsCompiled(Streaming st, KernelSet set, VecF32 x, VecF32 o, int n1, int threads) {
        long a = allocatedBytes();
        st.run(set, n1, x, threads);
        long b = allocatedBytes();
        set.unary(UnaryOp.EXP, WARM_UP_EXP, x, o, threads);
        long c = allocatedBytes();
        return a < 0 || (allocatesLikeCompiled(b - a, n1) && allocatesLikeCompiled(c - b, WARM_UP_EXP));
    }

    /**
     * Whether a call over {@code elements} that allocated {@code bytes} ran compiled vector loops: at most
     * {@link #ALLOCATION_SLACK} bytes and a quarter byte per element (on a 2-core VM: 0-184 bytes compiled; 131 KB
     * for 8192 elements of scal and 16 KB for 1024 of exp with the kernels still in C1 code, 1.3 MB and 384 KB when
     * interpreted).
     */
    static boolean allocatesLikeCompiled(long bytes, long elements) {
        return bytes <= ALLOCATION_SLACK + elements / 4;
    }

    /** Bytes this thread has allocated so far, or -1 where the JVM does not say (then {@link #loopsCompiled} holds). */
    private static long allocatedBytes() {
        return THREADS != null ? THREADS.getCurrentThreadAllocatedBytes() : -1;
    }

    /** Milliseconds the JIT has spent compiling so far (0 where the JVM does not say). */
    private static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    /** Nanoseconds per call over a batch of {@code reps} calls. */
    private static double time(Runnable call, int reps) {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            call.run();
        }
        return (System.nanoTime() - t0) / (double) reps;
    }

    /**
     * The median of five batch timings, three when the deadline has passed. A batch is as many calls
     * as take about {@link #BATCH_NANOS} by a first timing, at most {@code maxBatch}: a 60 ns host call
     * needs a batch to rise above the clock's granularity, a 50 us device launch does not.
     */
    private static double median(Runnable call, int maxBatch, long deadline) {
        // A first call sizes the batch; where it can only be one call (a main-memory pass: 4 ms), it is not made.
        int batch = maxBatch == 1 ? 1 : (int) Math.max(1, Math.min(maxBatch, BATCH_NANOS / Math.max(1, time(call, 1))));
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
