package dev.pel.kernels.cpu;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.cpu.WorkerPool;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code cpu-simd} kernels: Vector API loops over the preferred species, split across the
 * runtime's worker pool in runs of whole {@link Blocking#BLOCK blocks}.
 *
 * <p>Every loop exists twice: over heap arrays (the hand-written one) and over {@code MemorySegment}s
 * (generated from it, the {@code @segment} region), because Vector API loads from a heap segment
 * ran several times slower than from the array, and staging off-heap data through heap scratch
 * cost two to three extra passes. Heap operands run the array loops; a call with any off-heap
 * operand runs the segment loops. Non-unit strides take the scalar reference loop on one thread.
 *
 * <p>Reductions follow the canonical order of {@link Blocking}: fixed blocks, 64 accumulators per
 * block folded by halves, block values combined pairwise in double; the result is the same for any
 * thread count, vector width, and on OpenCL.
 */
public final class SimdKernelSet implements KernelSet {
    private static final int BLOCK = Blocking.BLOCK;
    /** Elements per call of a segment loop: any length that fits an int; large enough to amortise. */
    private static final long SEGMENT_CHUNK = 1 << 20;
    private static final ByteOrder NATIVE_ORDER = ByteOrder.nativeOrder();
    private static final ScalarKernelSet SCALAR = ScalarKernelSet.INSTANCE;

    private final WorkerPool pool;

    public SimdKernelSet(SimdBackend backend) {
        this.pool = backend.pool();
    }

    @FunctionalInterface
    private interface RangeTask {
        void run(long lo, long hi);
    }

    @FunctionalInterface
    private interface BlockValue {
        /*wide*/double apply(long lo, int len);
    }

    @FunctionalInterface
    private interface BlockPair {
        void apply(long lo, int len, /*wide*/double[] first, /*wide*/double[] second, int block);
    }

    /** Tasks per thread: several, so a thread that gets no CPU (a busy core) leaves its share to the others. */
    private static final int TASKS_PER_THREAD = 4;

    /** Runs task over [0, n) cut into contiguous runs of whole blocks, shared by up to {@code threads} threads. */
    private void parallel(long n, int threads, RangeTask task) {
        long blocks = Blocking.blocks(n);
        int tasks = threads <= 1 ? 1 : (int) Math.max(1, Math.min((long) threads * TASKS_PER_THREAD, blocks));
        if (tasks == 1) {
            task.run(0, n);
            return;
        }
        pool.run(tasks, t -> {
            long b0 = blocks * t / tasks;
            long b1 = blocks * (t + 1) / tasks;
            task.run(b0 * BLOCK, Math.min(n, b1 * BLOCK));
        });
    }

    /** One value per block, in block order. */
    private /*wide*/double[] perBlock(long n, int threads, BlockValue f) {
        /*wide*/double[] out = new /*wide*/double[(int) Blocking.blocks(n)];
        parallel(n, threads, (lo, hi) -> {
            for (long c = lo; c < hi; c += BLOCK) {
                out[(int) (c / BLOCK)] = f.apply(c, (int) Math.min(BLOCK, hi - c));
            }
        });
        return out;
    }

    /** Two values per block, in block order. */
    private void perBlock(long n, int threads, /*wide*/double[] first, /*wide*/double[] second, BlockPair f) {
        parallel(n, threads, (lo, hi) -> {
            for (long c = lo; c < hi; c += BLOCK) {
                f.apply(c, (int) Math.min(BLOCK, hi - c), first, second, (int) (c / BLOCK));
            }
        });
    }

    /** Pairwise sum of the block values; a single block skips the allocation. */
    private /*wide*/double sumOfBlocks(long n, int threads, BlockValue f) {
        if (n <= BLOCK) {
            return n == 0 ? 0 : 0 + f.apply(0, (int) n);
        }
        /*wide*/double[] p = perBlock(n, threads, f);
        return Blocking.pairwise(p, 0, p.length);
    }

    // @twin-begin F64
    private static final VectorSpecies<Double> SPECIES_F64 = DoubleVector.SPECIES_PREFERRED;
    /**
     * The canonical reductions' species: the preferred one while four of its vectors fit in the
     * accumulators (every machine up to 512 bits), else 512 bits, so a pass never covers more than them.
     */
    private static final VectorSpecies<Double> REDUCE_F64 = 4 * SPECIES_F64.length() <= Blocking.ACCUMULATORS
            ? SPECIES_F64 : DoubleVector.SPECIES_512;
    /** Accumulators one pass covers: four vectors. */
    private static final int PASS_F64 = 4 * REDUCE_F64.length();
    private static final ValueLayout.OfDouble LAYOUT_F64 = ValueLayout.JAVA_DOUBLE;
    /** Per-thread scratch blocks: swap's exchange buffers and nrm2's rescaled block. */
    private static final ThreadLocal<double[][]> SCRATCH_F64 = ThreadLocal.withInitial(() -> new double[2][BLOCK]);
    /** Per-thread accumulators of a block, which the passes store into (an array per block was most of a small reduction's garbage). */
    private static final ThreadLocal<double[]> ACCUMULATORS_F64 = ThreadLocal.withInitial(() -> new double[Blocking.ACCUMULATORS]);

    @FunctionalInterface
    private interface Loop1F64 {
        void run(double[] x, int xo, double[] o, int oo, int len);
    }

    @FunctionalInterface
    private interface Loop2F64 {
        void run(double[] x, int xo, double[] y, int yo, double[] o, int oo, int len);
    }

    @FunctionalInterface
    private interface Loop3F64 {
        void run(double[] x, int xo, double[] y, int yo, double[] z, int zo, double[] o, int oo, int len);
    }

    @FunctionalInterface
    private interface Seg1F64 {
        void run(MemorySegment x, long xo, MemorySegment o, long oo, int len);
    }

    @FunctionalInterface
    private interface Seg2F64 {
        void run(MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment o, long oo, int len);
    }

    @FunctionalInterface
    private interface Seg3F64 {
        void run(MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment z, long zo, MemorySegment o, long oo, int len);
    }

    @FunctionalInterface
    private interface BlockF64 {
        /*wide*/double apply(double[] x, int xo, int len);
    }

    @FunctionalInterface
    private interface SegBlockF64 {
        /*wide*/double apply(MemorySegment x, long xo, int len);
    }

    private static boolean heap(VecF64 v) {
        return v.heap() != null;
    }

    private static int off(VecF64 v, long c) {
        return (int) (v.start() + c);
    }

    /** The operand's memory as a segment: its own for off-heap data, a heap segment over the array otherwise. */
    private static MemorySegment mem(VecF64 v) {
        return v.heap() != null ? MemorySegment.ofArray(v.heap()) : v.segment();
    }

    /**
     * Heap arrays run the array loops over each thread's whole range; as soon as one operand is
     * off-heap the segment loops run instead, in chunks of {@link #SEGMENT_CHUNK} (int lengths).
     */
    private void map1(long n, int threads, VecF64 x, VecF64 out, Loop1F64 loop, Seg1F64 seg) {
        if (heap(x) && heap(out)) {
            parallel(n, threads, (lo, hi) -> loop.run(x.heap(), off(x, lo), out.heap(), off(out, lo), (int) (hi - lo)));
            return;
        }
        MemorySegment xs = mem(x);
        MemorySegment os = mem(out);
        parallel(n, threads, (lo, hi) -> {
            for (long c = lo; c < hi; c += SEGMENT_CHUNK) {
                seg.run(xs, x.start() + c, os, out.start() + c, (int) Math.min(SEGMENT_CHUNK, hi - c));
            }
        });
    }

    private void map2(long n, int threads, VecF64 x, VecF64 y, VecF64 out, Loop2F64 loop, Seg2F64 seg) {
        if (heap(x) && heap(y) && heap(out)) {
            parallel(n, threads, (lo, hi) -> loop.run(x.heap(), off(x, lo), y.heap(), off(y, lo), out.heap(), off(out, lo),
                    (int) (hi - lo)));
            return;
        }
        MemorySegment xs = mem(x);
        MemorySegment ys = mem(y);
        MemorySegment os = mem(out);
        parallel(n, threads, (lo, hi) -> {
            for (long c = lo; c < hi; c += SEGMENT_CHUNK) {
                seg.run(xs, x.start() + c, ys, y.start() + c, os, out.start() + c, (int) Math.min(SEGMENT_CHUNK, hi - c));
            }
        });
    }

    private void map3(long n, int threads, VecF64 x, VecF64 y, VecF64 z, VecF64 out, Loop3F64 loop, Seg3F64 seg) {
        if (heap(x) && heap(y) && heap(z) && heap(out)) {
            parallel(n, threads, (lo, hi) -> loop.run(x.heap(), off(x, lo), y.heap(), off(y, lo), z.heap(), off(z, lo),
                    out.heap(), off(out, lo), (int) (hi - lo)));
            return;
        }
        MemorySegment xs = mem(x);
        MemorySegment ys = mem(y);
        MemorySegment zs = mem(z);
        MemorySegment os = mem(out);
        parallel(n, threads, (lo, hi) -> {
            for (long c = lo; c < hi; c += SEGMENT_CHUNK) {
                seg.run(xs, x.start() + c, ys, y.start() + c, zs, z.start() + c, os, out.start() + c,
                        (int) Math.min(SEGMENT_CHUNK, hi - c));
            }
        });
    }

    /** A per-block reduction of one operand: the array loop for heap data, the segment loop otherwise. */
    private static BlockValue block(VecF64 x, BlockF64 f, SegBlockF64 fs) {
        if (heap(x)) {
            return (lo, len) -> f.apply(x.heap(), off(x, lo), len);
        }
        MemorySegment xs = x.segment();
        return (lo, len) -> fs.apply(xs, x.start() + lo, len);
    }

    @Override
    public void axpy(long n, double a, VecF64 x, VecF64 y, int threads) {
        if (!x.unit() || !y.unit()) {
            SCALAR.axpy(n, a, x, y, 1);
            return;
        }
        map2(n, threads, x, y, y, (xa, xo, ya, yo, o, oo, len) -> axpyLoop(a, xa, xo, ya, yo, o, oo, len),
                (xs, xo, ys, yo, os, oo, len) -> axpyLoopSegF64(a, xs, xo, ys, yo, os, oo, len));
    }


    @Override
    public void scal(long n, double a, VecF64 x, int threads) {
        if (!x.unit()) {
            SCALAR.scal(n, a, x, 1);
            return;
        }
        map1(n, threads, x, x, (xa, xo, o, oo, len) -> scalarLoop(BinaryOp.MUL, xa, xo, a, false, o, oo, len),
                (xs, xo, os, oo, len) -> scalarLoopSegF64(BinaryOp.MUL, xs, xo, a, false, os, oo, len));
    }

    @Override
    public void copy(long n, VecF64 x, VecF64 y, int threads) {
        if (!x.unit() || !y.unit()) {
            SCALAR.copy(n, x, y, 1);
            return;
        }
        map1(n, threads, x, y, (xa, xo, o, oo, len) -> System.arraycopy(xa, xo, o, oo, len),
                (xs, xo, os, oo, len) -> MemorySegment.copy(xs, LAYOUT_F64, xo * Double.BYTES, os, LAYOUT_F64, oo * Double.BYTES, len));
    }

    @Override
    public void swap(long n, VecF64 x, VecF64 y, int threads) {
        if (!x.unit() || !y.unit()) {
            SCALAR.swap(n, x, y, 1);
            return;
        }
        parallel(n, threads, (lo, hi) -> {
            double[][] s = SCRATCH_F64.get();
            for (long c = lo; c < hi; c += BLOCK) {
                int len = (int) Math.min(BLOCK, hi - c);
                x.load(c, s[0], len);
                y.load(c, s[1], len);
                x.store(c, s[1], len);
                y.store(c, s[0], len);
            }
        });
    }

    @Override
    public double dot(long n, VecF64 x, VecF64 y, int threads) {
        if (!x.unit() || !y.unit()) {
            return SCALAR.dot(n, x, y, 1);
        }
        if (heap(x) && heap(y)) {
            return (double) sumOfBlocks(n, threads, (lo, len) -> dotBlock(x.heap(), off(x, lo), y.heap(), off(y, lo), len));
        }
        MemorySegment xs = mem(x);
        MemorySegment ys = mem(y);
        return (double) sumOfBlocks(n, threads, (lo, len) -> dotBlockSegF64(xs, x.start() + lo, ys, y.start() + lo, len));
    }

    @Override
    public double asum(long n, VecF64 x, int threads) {
        if (!x.unit()) {
            return SCALAR.asum(n, x, 1);
        }
        return (double) sumOfBlocks(n, threads, block(x, (xa, xo, len) -> sumBlock(xa, xo, len, true),
                (xs, xo, len) -> sumBlockSegF64(xs, xo, len, true)));
    }

    @Override
    public double sum(long n, VecF64 x, int threads) {
        return (double) wideSum(n, x, threads);
    }

    private /*wide*/double wideSum(long n, VecF64 x, int threads) {
        if (!x.unit()) {
            return SCALAR.sum(n, x, 1);
        }
        return sumOfBlocks(n, threads, block(x, (xa, xo, len) -> sumBlock(xa, xo, len, false),
                (xs, xo, len) -> sumBlockSegF64(xs, xo, len, false)));
    }

    /**
     * The canonical fold of a block's accumulators: a[j] += a[j + half] for j < half, halving from
     * ACCUMULATORS / 2, whole vectors while half >= lanes, then within one vector ({@link Lanes#fold}).
     * The same IEEE adds as a scalar fold, so the bits match OpenCL's.
     */
    private static double fold(double[] a) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        for (int half = Blocking.ACCUMULATORS / 2; half >= l; half >>= 1) {
            for (int j = 0; j < half; j += l) {
                DoubleVector.fromArray(s, a, j).add(DoubleVector.fromArray(s, a, j + half)).intoArray(a, j);
            }
        }
        return Lanes.fold(a, l); // a[0..l) holds the last vector
    }

    @Override
    public double mean(long n, VecF64 x, int threads) {
        return (double) (wideSum(n, x, threads) / n);
    }

    @Override
    public double variance(long n, VecF64 x, int ddof, int threads) {
        if (!x.unit()) {
            return SCALAR.variance(n, x, ddof, 1);
        }
        if (n <= ddof) {
            return Double.NaN; //F32: return Float.NaN;
        }
        int blocks = (int) Blocking.blocks(n);
        /*wide*/double[] means = new /*wide*/double[blocks];
        /*wide*/double[] m2s = new /*wide*/double[blocks];
        if (heap(x)) {
            perBlock(n, threads, means, m2s, (lo, len, mean, m2, b) -> varianceBlock(x.heap(), off(x, lo), len, mean, m2, b));
        } else {
            MemorySegment xs = x.segment();
            perBlock(n, threads, means, m2s, (lo, len, mean, m2, b) -> varianceBlockSegF64(xs, x.start() + lo, len, mean, m2, b));
        }
        return (double) (Blocking.combineVariance(n, means, m2s) / (n - ddof));
    }


    @Override
    public double min(long n, VecF64 x, int threads) {
        if (!x.unit()) {
            return SCALAR.min(n, x, 1);
        }
        /*wide*/double[] p = perBlock(n, threads, block(x, (xa, xo, len) -> extremumBlock(xa, xo, len, false, false),
                (xs, xo, len) -> extremumBlockSegF64(xs, xo, len, false, false)));
        return (double) Blocking.fold(p, false);
    }

    @Override
    public double max(long n, VecF64 x, int threads) {
        if (!x.unit()) {
            return SCALAR.max(n, x, 1);
        }
        /*wide*/double[] p = perBlock(n, threads, block(x, (xa, xo, len) -> extremumBlock(xa, xo, len, true, false),
                (xs, xo, len) -> extremumBlockSegF64(xs, xo, len, true, false)));
        return (double) Blocking.fold(p, true);
    }


    @Override
    public double nrm2(long n, VecF64 x, int threads) {
        if (!x.unit()) {
            return SCALAR.nrm2(n, x, 1);
        }
        if (n == 0) {
            return 0;
        }
        int blocks = (int) Blocking.blocks(n);
        /*wide*/double[] sumsq = new /*wide*/double[blocks];
        /*wide*/double[] amax = new /*wide*/double[blocks];
        double[] xh = x.heap();
        MemorySegment xs = mem(x);
        perBlock(n, threads, sumsq, amax, (lo, len, sq, mx, b) -> {
            if (xh != null) {
                sq[b] = dotBlock(xh, off(x, lo), xh, off(x, lo), len);
                mx[b] = extremumBlock(xh, off(x, lo), len, true, true);
            } else {
                sq[b] = dotBlockSegF64(xs, x.start() + lo, xs, x.start() + lo, len);
                mx[b] = extremumBlockSegF64(xs, x.start() + lo, len, true, true);
            }
        });
        /*wide*/double big = Blocking.fold(amax, true);
        if (/*wide*/Double.isNaN(big) || big == /*wide*/Double.POSITIVE_INFINITY) {
            return (double) big;
        }
        /*wide*/double total = Blocking.pairwise(sumsq, 0, blocks);
        // Unscaled squares are exact enough unless some overflowed or the largest is so small that
        // squares lost precision to underflow; then redo the sum on values scaled by a power of two.
        if (total != /*wide*/Double.POSITIVE_INFINITY && big >= Blocking.NRM2_TINY_F64) {
            return (double) Math.sqrt(total);
        }
        // Clamped so that 2^-exp stays representable when the largest value is subnormal.
        int exp = Math.max(Math.getExponent(big), -1000); //F32: int exp = Math.max(Math.getExponent(big), -120);
        double scale = Math.scalb((double) 1, -exp);
        /*wide*/double scaled = sumOfBlocks(n, threads, (lo, len) -> {
            double[] w = SCRATCH_F64.get()[1];
            if (xh != null) {
                scalarLoop(BinaryOp.MUL, xh, off(x, lo), scale, false, w, 0, len);
            } else {
                scalarLoopSegF64(BinaryOp.MUL, xs, x.start() + lo, scale, false, MemorySegment.ofArray(w), 0, len);
            }
            return dotBlock(w, 0, w, 0, len);
        });
        return (double) Math.scalb(Math.sqrt(scaled), exp);
    }

    @Override
    public long iamax(long n, VecF64 x, int threads) {
        if (!x.unit()) {
            return SCALAR.iamax(n, x, 1);
        }
        if (n == 0) {
            return -1;
        }
        /*wide*/double[] p = perBlock(n, threads, block(x, (xa, xo, len) -> extremumBlock(xa, xo, len, true, true),
                (xs, xo, len) -> extremumBlockSegF64(xs, xo, len, true, true)));
        /*wide*/double big = Blocking.fold(p, true);
        double target = (double) big;
        // The first block whose maximum is the target holds the answer: scan only that one.
        for (int b = 0; b < p.length; b++) {
            if (p[b] == big || (/*wide*/Double.isNaN(big) && /*wide*/Double.isNaN(p[b]))) {
                long lo = (long) b * BLOCK;
                int len = (int) Math.min(BLOCK, n - lo);
                return lo + (heap(x) ? firstIndexOf(x.heap(), off(x, lo), len, target)
                        : firstIndexOfSegF64(x.segment(), x.start() + lo, len, target));
            }
        }
        throw new IllegalStateException("iamax: maximum " + big + " not found");
    }


    @Override
    public void unary(UnaryOp op, long n, VecF64 x, VecF64 out, int threads) {
        if (!x.unit() || !out.unit()) {
            SCALAR.unary(op, n, x, out, 1);
            return;
        }
        map1(n, threads, x, out, (xa, xo, o, oo, len) -> unaryLoop(op, xa, xo, o, oo, len),
                (xs, xo, os, oo, len) -> unaryLoopSegF64(op, xs, xo, os, oo, len));
    }


    @Override
    public void binary(BinaryOp op, long n, VecF64 x, VecF64 y, VecF64 out, int threads) {
        if (!x.unit() || !y.unit() || !out.unit()) {
            SCALAR.binary(op, n, x, y, out, 1);
            return;
        }
        map2(n, threads, x, y, out, (xa, xo, ya, yo, o, oo, len) -> binaryLoop(op, xa, xo, ya, yo, o, oo, len),
                (xs, xo, ys, yo, os, oo, len) -> binaryLoopSegF64(op, xs, xo, ys, yo, os, oo, len));
    }


    @Override
    public void binaryScalar(BinaryOp op, long n, VecF64 x, double c, boolean scalarFirst, VecF64 out, int threads) {
        if (!x.unit() || !out.unit()) {
            SCALAR.binaryScalar(op, n, x, c, scalarFirst, out, 1);
            return;
        }
        map1(n, threads, x, out, (xa, xo, o, oo, len) -> scalarLoop(op, xa, xo, c, scalarFirst, o, oo, len),
                (xs, xo, os, oo, len) -> scalarLoopSegF64(op, xs, xo, c, scalarFirst, os, oo, len));
    }


    @Override
    public void fma(long n, VecF64 x, VecF64 y, VecF64 z, VecF64 out, int threads) {
        if (!x.unit() || !y.unit() || !z.unit() || !out.unit()) {
            SCALAR.fma(n, x, y, z, out, 1);
            return;
        }
        map3(n, threads, x, y, z, out, SimdKernelSet::fmaLoop, SimdKernelSet::fmaLoopSegF64);
    }


    @Override
    public void fmaScalar(long n, VecF64 x, double a, double b, VecF64 out, int threads) {
        if (!x.unit() || !out.unit()) {
            SCALAR.fmaScalar(n, x, a, b, out, 1);
            return;
        }
        map1(n, threads, x, out, (xa, xo, o, oo, len) -> fmaScalarLoop(xa, xo, a, b, o, oo, len),
                (xs, xo, o, oo, len) -> fmaScalarLoopSegF64(xs, xo, a, b, o, oo, len));
    }

    @Override
    public void clamp(long n, VecF64 x, double lo, double hi, VecF64 out, int threads) {
        if (!x.unit() || !out.unit()) {
            SCALAR.clamp(n, x, lo, hi, out, 1);
            return;
        }
        map1(n, threads, x, out, (xa, xo, o, oo, len) -> clampLoop(xa, xo, lo, hi, o, oo, len),
                (xs, xo, o, oo, len) -> clampLoopSegF64(xs, xo, lo, hi, o, oo, len));
    }

    // Loops over heap arrays, and their generated off-heap twins below.
    // @segment-begin
    private static void axpyLoop(double a, double[] x, int xo, double[] y, int yo, double[] o, int oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        DoubleVector va = DoubleVector.broadcast(s, a);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            va.fma(DoubleVector.fromArray(s, x, xo + i), DoubleVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
        }
        for (; i < len; i++) {
            o[oo + i] = Math.fma(a, x[xo + i], y[yo + i]);
        }
    }

    private static /*wide*/double sumBlock(double[] x, int xo, int len, boolean abs) {
        return abs ? absSumBlock(x, xo, len) : plainSumBlock(x, xo, len);
    }

    // One block reduced in the canonical order shared with the OpenCL kernels: element k of the block
    // goes to accumulator k % ACCUMULATORS, each accumulator adds its elements in increasing k (fused
    // for dot), and the accumulators are folded by halves (see fold). The passes hold four vectors of
    // consecutive accumulators each, so FMA latency stays hidden; the tail (fewer than ACCUMULATORS
    // elements after whole groups) goes to accumulators 0, 1, ... with the same IEEE operations.
    // One small method per operation, each with its own call path: a single method switching on the
    // operation grew to 17-22 KB of C2 code, shared its branch profile between kernels, and every
    // kernel that took a new branch deoptimised it for the others, which then ran interpreted Vector
    // API code (100-1000x slower) until C2 compiled it again.

    private static /*wide*/double plainSumBlock(double[] x, int xo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            sumPass(x, xo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += x[xo + k];
        }
        return fold(a);
    }

    private static /*wide*/double absSumBlock(double[] x, int xo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            absSumPass(x, xo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += Math.abs(x[xo + k]);
        }
        return fold(a);
    }

    private static /*wide*/double dotBlock(double[] x, int xo, double[] y, int yo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            dotPass(x, xo + o, y, yo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] = Math.fma(x[xo + k], y[yo + k], a[k - full]);
        }
        return fold(a);
    }

    /** The deviations from {@code shift} summed (variance's compensation term). */
    private static /*wide*/double devBlock(double[] x, int xo, int len, double shift) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            devPass(x, xo + o, full, shift, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += x[xo + k] - shift;
        }
        return fold(a);
    }

    /** The squared deviations from {@code shift} summed. */
    private static /*wide*/double devSqBlock(double[] x, int xo, int len, double shift) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            devSqPass(x, xo + o, full, shift, a, o);
        }
        for (int k = full; k < len; k++) {
            double d = x[xo + k] - shift;
            a[k - full] = Math.fma(d, d, a[k - full]);
        }
        return fold(a);
    }

    /** Accumulators o..o+4L of a block: x from xo (already offset by o), stride 64, into a[o..]. */
    private static void sumPass(double[] x, int xo, int full, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(DoubleVector.fromArray(s, x, xo + i));
            a1 = a1.add(DoubleVector.fromArray(s, x, xo + i + l));
            a2 = a2.add(DoubleVector.fromArray(s, x, xo + i + 2 * l));
            a3 = a3.add(DoubleVector.fromArray(s, x, xo + i + 3 * l));
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void absSumPass(double[] x, int xo, int full, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(DoubleVector.fromArray(s, x, xo + i).abs());
            a1 = a1.add(DoubleVector.fromArray(s, x, xo + i + l).abs());
            a2 = a2.add(DoubleVector.fromArray(s, x, xo + i + 2 * l).abs());
            a3 = a3.add(DoubleVector.fromArray(s, x, xo + i + 3 * l).abs());
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void dotPass(double[] x, int xo, double[] y, int yo, int full, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = DoubleVector.fromArray(s, x, xo + i).fma(DoubleVector.fromArray(s, y, yo + i), a0);
            a1 = DoubleVector.fromArray(s, x, xo + i + l).fma(DoubleVector.fromArray(s, y, yo + i + l), a1);
            a2 = DoubleVector.fromArray(s, x, xo + i + 2 * l).fma(DoubleVector.fromArray(s, y, yo + i + 2 * l), a2);
            a3 = DoubleVector.fromArray(s, x, xo + i + 3 * l).fma(DoubleVector.fromArray(s, y, yo + i + 3 * l), a3);
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void devPass(double[] x, int xo, int full, double shift, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector m = DoubleVector.broadcast(s, shift);
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(DoubleVector.fromArray(s, x, xo + i).sub(m));
            a1 = a1.add(DoubleVector.fromArray(s, x, xo + i + l).sub(m));
            a2 = a2.add(DoubleVector.fromArray(s, x, xo + i + 2 * l).sub(m));
            a3 = a3.add(DoubleVector.fromArray(s, x, xo + i + 3 * l).sub(m));
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void devSqPass(double[] x, int xo, int full, double shift, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector m = DoubleVector.broadcast(s, shift);
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            DoubleVector d0 = DoubleVector.fromArray(s, x, xo + i).sub(m);
            DoubleVector d1 = DoubleVector.fromArray(s, x, xo + i + l).sub(m);
            DoubleVector d2 = DoubleVector.fromArray(s, x, xo + i + 2 * l).sub(m);
            DoubleVector d3 = DoubleVector.fromArray(s, x, xo + i + 3 * l).sub(m);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
            a2 = d2.fma(d2, a2);
            a3 = d3.fma(d3, a3);
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    /**
     * Two canonical passes over one cache-resident block: its mean m, then the squared deviations
     * and the deviations from m (the corrected two-pass term), combined in double on the host side
     * exactly as the OpenCL kernel's (m, ss, comp) are.
     */
    private static void varianceBlock(double[] x, int xo, int len, /*wide*/double[] means, /*wide*/double[] m2s, int b) {
        double m = (double) sumBlock(x, xo, len, false) / len;
        /*wide*/double ss = devSqBlock(x, xo, len, m);
        /*wide*/double comp = devBlock(x, xo, len, m);
        means[b] = Blocking.blockMean(m, comp, len);
        m2s[b] = Blocking.blockM2(ss, comp, len);
    }

    /** min or max (of |x| when {@code abs}) of one block; NaN propagates as in {@link Math#min}. */
    private static /*wide*/double extremumBlock(double[] x, int xo, int len, boolean max, boolean abs) {
        VectorSpecies<Double> s = SPECIES_F64;
        int l = s.length();
        double first = abs ? Math.abs(x[xo]) : x[xo];
        DoubleVector a0 = DoubleVector.broadcast(s, first);
        DoubleVector a1 = a0;
        int i = 0;
        for (; i <= len - 2 * l; i += 2 * l) {
            DoubleVector v0 = DoubleVector.fromArray(s, x, xo + i);
            DoubleVector v1 = DoubleVector.fromArray(s, x, xo + i + l);
            if (abs) {
                v0 = v0.abs();
                v1 = v1.abs();
            }
            a0 = max ? a0.max(v0) : a0.min(v0);
            a1 = max ? a1.max(v1) : a1.min(v1);
        }
        DoubleVector a = max ? a0.max(a1) : a0.min(a1);
        double r = a.reduceLanes(max ? VectorOperators.MAX : VectorOperators.MIN);
        if (a.test(VectorOperators.IS_NAN).anyTrue()) {
            r = Double.NaN; //F32: r = Float.NaN;
        }
        for (; i < len; i++) {
            double v = abs ? Math.abs(x[xo + i]) : x[xo + i];
            r = max ? Math.max(r, v) : Math.min(r, v);
        }
        return r;
    }

    /** First i in [0, len) with |x[xo+i]| == target, or x[xo+i] NaN when target is NaN. */
    private static int firstIndexOf(double[] x, int xo, int len, double target) {
        VectorSpecies<Double> s = SPECIES_F64;
        boolean nan = Double.isNaN(target);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            DoubleVector v = DoubleVector.fromArray(s, x, xo + i);
            VectorMask<Double> hit = nan ? v.test(VectorOperators.IS_NAN) : v.abs().compare(VectorOperators.EQ, target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < len; i++) {
            double v = Math.abs(x[xo + i]);
            if (nan ? Double.isNaN(v) : v == target) {
                return i;
            }
        }
        return -1;
    }

    private static void unaryLoop(UnaryOp op, double[] x, int xo, double[] o, int oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int l = s.length();
        int ub = s.loopBound(len);
        int i = 0;
        switch (op) {
            case ABS -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).abs().intoArray(o, oo + i);
                }
            }
            case NEG -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).neg().intoArray(o, oo + i);
                }
            }
            case SQRT -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).sqrt().intoArray(o, oo + i);
                }
            }
            case EXP -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).lanewise(VectorOperators.EXP).intoArray(o, oo + i);
                }
            }
            case LOG -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).lanewise(VectorOperators.LOG).intoArray(o, oo + i);
                }
            }
            case TANH -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).lanewise(VectorOperators.TANH).intoArray(o, oo + i);
                }
            }
            case SIGMOID -> {
                // 1/(1+e) for x >= 0, e/(1+e) below, with e = exp(-|x|): exp never overflows.
                DoubleVector one = DoubleVector.broadcast(s, (double) 1);
                for (; i < ub; i += l) {
                    DoubleVector v = DoubleVector.fromArray(s, x, xo + i);
                    DoubleVector e = v.abs().neg().lanewise(VectorOperators.EXP);
                    DoubleVector num = one.blend(e, v.compare(VectorOperators.LT, (double) 0));
                    num.div(one.add(e)).intoArray(o, oo + i);
                }
            }
        }
        for (; i < len; i++) {
            o[oo + i] = op.apply(x[xo + i]);
        }
    }

    private static void binaryLoop(BinaryOp op, double[] x, int xo, double[] y, int yo, double[] o, int oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int l = s.length();
        int ub = s.loopBound(len);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).add(DoubleVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
                }
            }
            case SUB -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).sub(DoubleVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
                }
            }
            case MUL -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).mul(DoubleVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
                }
            }
            case DIV -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).div(DoubleVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
                }
            }
        }
        for (; i < len; i++) {
            o[oo + i] = op.apply(x[xo + i], y[yo + i]);
        }
    }

    private static void scalarLoop(BinaryOp op, double[] x, int xo, double c, boolean first, double[] o, int oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int l = s.length();
        int ub = s.loopBound(len);
        DoubleVector vc = DoubleVector.broadcast(s, c);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).add(vc).intoArray(o, oo + i);
                }
            }
            case MUL -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromArray(s, x, xo + i).mul(vc).intoArray(o, oo + i);
                }
            }
            case SUB -> {
                for (; i < ub; i += l) {
                    DoubleVector v = DoubleVector.fromArray(s, x, xo + i);
                    (first ? vc.sub(v) : v.sub(vc)).intoArray(o, oo + i);
                }
            }
            case DIV -> {
                for (; i < ub; i += l) {
                    DoubleVector v = DoubleVector.fromArray(s, x, xo + i);
                    (first ? vc.div(v) : v.div(vc)).intoArray(o, oo + i);
                }
            }
        }
        for (; i < len; i++) {
            o[oo + i] = first ? op.apply(c, x[xo + i]) : op.apply(x[xo + i], c);
        }
    }

    private static void fmaLoop(double[] x, int xo, double[] y, int yo, double[] z, int zo, double[] o, int oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            DoubleVector.fromArray(s, x, xo + i).fma(DoubleVector.fromArray(s, y, yo + i), DoubleVector.fromArray(s, z, zo + i))
                    .intoArray(o, oo + i);
        }
        for (; i < len; i++) {
            o[oo + i] = Math.fma(x[xo + i], y[yo + i], z[zo + i]);
        }
    }

    private static void fmaScalarLoop(double[] x, int xo, double a, double b, double[] o, int oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        DoubleVector va = DoubleVector.broadcast(s, a);
        DoubleVector vb = DoubleVector.broadcast(s, b);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            DoubleVector.fromArray(s, x, xo + i).fma(va, vb).intoArray(o, oo + i);
        }
        for (; i < len; i++) {
            o[oo + i] = Math.fma(x[xo + i], a, b);
        }
    }

    private static void clampLoop(double[] x, int xo, double lo, double hi, double[] o, int oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            DoubleVector.fromArray(s, x, xo + i).max(lo).min(hi).intoArray(o, oo + i);
        }
        for (; i < len; i++) {
            o[oo + i] = Math.min(Math.max(x[xo + i], lo), hi);
        }
    }
    // @segment-end
    // @segment-generated from the array loops above by TwinGenerator: do not edit
    private static void axpyLoopSegF64(double a, MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment o, long oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        DoubleVector va = DoubleVector.broadcast(s, a);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            va.fma(DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER), DoubleVector.fromMemorySegment(s, y, (yo + i) * (long) Double.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F64, oo + i, Math.fma(a, x.getAtIndex(LAYOUT_F64, xo + i), y.getAtIndex(LAYOUT_F64, yo + i)));
        }
    }

    private static /*wide*/double sumBlockSegF64(MemorySegment x, long xo, int len, boolean abs) {
        return abs ? absSumBlockSegF64(x, xo, len) : plainSumBlockSegF64(x, xo, len);
    }

    // One block reduced in the canonical order shared with the OpenCL kernels: element k of the block
    // goes to accumulator k % ACCUMULATORS, each accumulator adds its elements in increasing k (fused
    // for dot), and the accumulators are folded by halves (see fold). The passes hold four vectors of
    // consecutive accumulators each, so FMA latency stays hidden; the tail (fewer than ACCUMULATORS
    // elements after whole groups) goes to accumulators 0, 1, ... with the same IEEE operations.
    // One small method per operation, each with its own call path: a single method switching on the
    // operation grew to 17-22 KB of C2 code, shared its branch profile between kernels, and every
    // kernel that took a new branch deoptimised it for the others, which then ran interpreted Vector
    // API code (100-1000x slower) until C2 compiled it again.

    private static /*wide*/double plainSumBlockSegF64(MemorySegment x, long xo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            sumPassSegF64(x, xo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += x.getAtIndex(LAYOUT_F64, xo + k);
        }
        return fold(a);
    }

    private static /*wide*/double absSumBlockSegF64(MemorySegment x, long xo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            absSumPassSegF64(x, xo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += Math.abs(x.getAtIndex(LAYOUT_F64, xo + k));
        }
        return fold(a);
    }

    private static /*wide*/double dotBlockSegF64(MemorySegment x, long xo, MemorySegment y, long yo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            dotPassSegF64(x, xo + o, y, yo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] = Math.fma(x.getAtIndex(LAYOUT_F64, xo + k), y.getAtIndex(LAYOUT_F64, yo + k), a[k - full]);
        }
        return fold(a);
    }

    /** The deviations from {@code shift} summed (variance's compensation term). */
    private static /*wide*/double devBlockSegF64(MemorySegment x, long xo, int len, double shift) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            devPassSegF64(x, xo + o, full, shift, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += x.getAtIndex(LAYOUT_F64, xo + k) - shift;
        }
        return fold(a);
    }

    /** The squared deviations from {@code shift} summed. */
    private static /*wide*/double devSqBlockSegF64(MemorySegment x, long xo, int len, double shift) {
        int full = len - len % Blocking.ACCUMULATORS;
        double[] a = ACCUMULATORS_F64.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F64) {
            devSqPassSegF64(x, xo + o, full, shift, a, o);
        }
        for (int k = full; k < len; k++) {
            double d = x.getAtIndex(LAYOUT_F64, xo + k) - shift;
            a[k - full] = Math.fma(d, d, a[k - full]);
        }
        return fold(a);
    }

    /** Accumulators o..o+4L of a block: x from xo (already offset by o), stride 64, into a[o..]. */
    private static void sumPassSegF64(MemorySegment x, long xo, int full, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER));
            a1 = a1.add(DoubleVector.fromMemorySegment(s, x, (xo + i + l) * (long) Double.BYTES, NATIVE_ORDER));
            a2 = a2.add(DoubleVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Double.BYTES, NATIVE_ORDER));
            a3 = a3.add(DoubleVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Double.BYTES, NATIVE_ORDER));
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void absSumPassSegF64(MemorySegment x, long xo, int full, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).abs());
            a1 = a1.add(DoubleVector.fromMemorySegment(s, x, (xo + i + l) * (long) Double.BYTES, NATIVE_ORDER).abs());
            a2 = a2.add(DoubleVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Double.BYTES, NATIVE_ORDER).abs());
            a3 = a3.add(DoubleVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Double.BYTES, NATIVE_ORDER).abs());
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void dotPassSegF64(MemorySegment x, long xo, MemorySegment y, long yo, int full, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).fma(DoubleVector.fromMemorySegment(s, y, (yo + i) * (long) Double.BYTES, NATIVE_ORDER), a0);
            a1 = DoubleVector.fromMemorySegment(s, x, (xo + i + l) * (long) Double.BYTES, NATIVE_ORDER).fma(DoubleVector.fromMemorySegment(s, y, (yo + i + l) * (long) Double.BYTES, NATIVE_ORDER), a1);
            a2 = DoubleVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Double.BYTES, NATIVE_ORDER).fma(DoubleVector.fromMemorySegment(s, y, (yo + i + 2 * l) * (long) Double.BYTES, NATIVE_ORDER), a2);
            a3 = DoubleVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Double.BYTES, NATIVE_ORDER).fma(DoubleVector.fromMemorySegment(s, y, (yo + i + 3 * l) * (long) Double.BYTES, NATIVE_ORDER), a3);
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void devPassSegF64(MemorySegment x, long xo, int full, double shift, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector m = DoubleVector.broadcast(s, shift);
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).sub(m));
            a1 = a1.add(DoubleVector.fromMemorySegment(s, x, (xo + i + l) * (long) Double.BYTES, NATIVE_ORDER).sub(m));
            a2 = a2.add(DoubleVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Double.BYTES, NATIVE_ORDER).sub(m));
            a3 = a3.add(DoubleVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Double.BYTES, NATIVE_ORDER).sub(m));
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void devSqPassSegF64(MemorySegment x, long xo, int full, double shift, double[] a, int o) {
        VectorSpecies<Double> s = REDUCE_F64;
        int l = s.length();
        DoubleVector m = DoubleVector.broadcast(s, shift);
        DoubleVector a0 = DoubleVector.zero(s);
        DoubleVector a1 = DoubleVector.zero(s);
        DoubleVector a2 = DoubleVector.zero(s);
        DoubleVector a3 = DoubleVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            DoubleVector d0 = DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).sub(m);
            DoubleVector d1 = DoubleVector.fromMemorySegment(s, x, (xo + i + l) * (long) Double.BYTES, NATIVE_ORDER).sub(m);
            DoubleVector d2 = DoubleVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Double.BYTES, NATIVE_ORDER).sub(m);
            DoubleVector d3 = DoubleVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Double.BYTES, NATIVE_ORDER).sub(m);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
            a2 = d2.fma(d2, a2);
            a3 = d3.fma(d3, a3);
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    /**
     * Two canonical passes over one cache-resident block: its mean m, then the squared deviations
     * and the deviations from m (the corrected two-pass term), combined in double on the host side
     * exactly as the OpenCL kernel's (m, ss, comp) are.
     */
    private static void varianceBlockSegF64(MemorySegment x, long xo, int len, /*wide*/double[] means, /*wide*/double[] m2s, int b) {
        double m = (double) sumBlockSegF64(x, xo, len, false) / len;
        /*wide*/double ss = devSqBlockSegF64(x, xo, len, m);
        /*wide*/double comp = devBlockSegF64(x, xo, len, m);
        means[b] = Blocking.blockMean(m, comp, len);
        m2s[b] = Blocking.blockM2(ss, comp, len);
    }

    /** min or max (of |x| when {@code abs}) of one block; NaN propagates as in {@link Math#min}. */
    private static /*wide*/double extremumBlockSegF64(MemorySegment x, long xo, int len, boolean max, boolean abs) {
        VectorSpecies<Double> s = SPECIES_F64;
        int l = s.length();
        double first = abs ? Math.abs(x.getAtIndex(LAYOUT_F64, xo)) : x.getAtIndex(LAYOUT_F64, xo);
        DoubleVector a0 = DoubleVector.broadcast(s, first);
        DoubleVector a1 = a0;
        int i = 0;
        for (; i <= len - 2 * l; i += 2 * l) {
            DoubleVector v0 = DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER);
            DoubleVector v1 = DoubleVector.fromMemorySegment(s, x, (xo + i + l) * (long) Double.BYTES, NATIVE_ORDER);
            if (abs) {
                v0 = v0.abs();
                v1 = v1.abs();
            }
            a0 = max ? a0.max(v0) : a0.min(v0);
            a1 = max ? a1.max(v1) : a1.min(v1);
        }
        DoubleVector a = max ? a0.max(a1) : a0.min(a1);
        double r = a.reduceLanes(max ? VectorOperators.MAX : VectorOperators.MIN);
        if (a.test(VectorOperators.IS_NAN).anyTrue()) {
            r = Double.NaN; //F32: r = Float.NaN;
        }
        for (; i < len; i++) {
            double v = abs ? Math.abs(x.getAtIndex(LAYOUT_F64, xo + i)) : x.getAtIndex(LAYOUT_F64, xo + i);
            r = max ? Math.max(r, v) : Math.min(r, v);
        }
        return r;
    }

    /** First i in [0, len) with |x.getAtIndex(LAYOUT_F64, xo+i)| == target, or x.getAtIndex(LAYOUT_F64, xo+i) NaN when target is NaN. */
    private static int firstIndexOfSegF64(MemorySegment x, long xo, int len, double target) {
        VectorSpecies<Double> s = SPECIES_F64;
        boolean nan = Double.isNaN(target);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            DoubleVector v = DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER);
            VectorMask<Double> hit = nan ? v.test(VectorOperators.IS_NAN) : v.abs().compare(VectorOperators.EQ, target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < len; i++) {
            double v = Math.abs(x.getAtIndex(LAYOUT_F64, xo + i));
            if (nan ? Double.isNaN(v) : v == target) {
                return i;
            }
        }
        return -1;
    }

    private static void unaryLoopSegF64(UnaryOp op, MemorySegment x, long xo, MemorySegment o, long oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int l = s.length();
        int ub = s.loopBound(len);
        int i = 0;
        switch (op) {
            case ABS -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).abs().intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case NEG -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).neg().intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case SQRT -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).sqrt().intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case EXP -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).lanewise(VectorOperators.EXP).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case LOG -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).lanewise(VectorOperators.LOG).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case TANH -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).lanewise(VectorOperators.TANH).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case SIGMOID -> {
                // 1/(1+e) for x >= 0, e/(1+e) below, with e = exp(-|x|): exp never overflows.
                DoubleVector one = DoubleVector.broadcast(s, (double) 1);
                for (; i < ub; i += l) {
                    DoubleVector v = DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER);
                    DoubleVector e = v.abs().neg().lanewise(VectorOperators.EXP);
                    DoubleVector num = one.blend(e, v.compare(VectorOperators.LT, (double) 0));
                    num.div(one.add(e)).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F64, oo + i, op.apply(x.getAtIndex(LAYOUT_F64, xo + i)));
        }
    }

    private static void binaryLoopSegF64(BinaryOp op, MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment o, long oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int l = s.length();
        int ub = s.loopBound(len);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).add(DoubleVector.fromMemorySegment(s, y, (yo + i) * (long) Double.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case SUB -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).sub(DoubleVector.fromMemorySegment(s, y, (yo + i) * (long) Double.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case MUL -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).mul(DoubleVector.fromMemorySegment(s, y, (yo + i) * (long) Double.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case DIV -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).div(DoubleVector.fromMemorySegment(s, y, (yo + i) * (long) Double.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F64, oo + i, op.apply(x.getAtIndex(LAYOUT_F64, xo + i), y.getAtIndex(LAYOUT_F64, yo + i)));
        }
    }

    private static void scalarLoopSegF64(BinaryOp op, MemorySegment x, long xo, double c, boolean first, MemorySegment o, long oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int l = s.length();
        int ub = s.loopBound(len);
        DoubleVector vc = DoubleVector.broadcast(s, c);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).add(vc).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case MUL -> {
                for (; i < ub; i += l) {
                    DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).mul(vc).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case SUB -> {
                for (; i < ub; i += l) {
                    DoubleVector v = DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER);
                    (first ? vc.sub(v) : v.sub(vc)).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
            case DIV -> {
                for (; i < ub; i += l) {
                    DoubleVector v = DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER);
                    (first ? vc.div(v) : v.div(vc)).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
                }
            }
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F64, oo + i, first ? op.apply(c, x.getAtIndex(LAYOUT_F64, xo + i)) : op.apply(x.getAtIndex(LAYOUT_F64, xo + i), c));
        }
    }

    private static void fmaLoopSegF64(MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment z, long zo, MemorySegment o, long oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).fma(DoubleVector.fromMemorySegment(s, y, (yo + i) * (long) Double.BYTES, NATIVE_ORDER), DoubleVector.fromMemorySegment(s, z, (zo + i) * (long) Double.BYTES, NATIVE_ORDER))
                    .intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F64, oo + i, Math.fma(x.getAtIndex(LAYOUT_F64, xo + i), y.getAtIndex(LAYOUT_F64, yo + i), z.getAtIndex(LAYOUT_F64, zo + i)));
        }
    }

    private static void fmaScalarLoopSegF64(MemorySegment x, long xo, double a, double b, MemorySegment o, long oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        DoubleVector va = DoubleVector.broadcast(s, a);
        DoubleVector vb = DoubleVector.broadcast(s, b);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).fma(va, vb).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F64, oo + i, Math.fma(x.getAtIndex(LAYOUT_F64, xo + i), a, b));
        }
    }

    private static void clampLoopSegF64(MemorySegment x, long xo, double lo, double hi, MemorySegment o, long oo, int len) {
        VectorSpecies<Double> s = SPECIES_F64;
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            DoubleVector.fromMemorySegment(s, x, (xo + i) * (long) Double.BYTES, NATIVE_ORDER).max(lo).min(hi).intoMemorySegment(o, (oo + i) * (long) Double.BYTES, NATIVE_ORDER);
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F64, oo + i, Math.min(Math.max(x.getAtIndex(LAYOUT_F64, xo + i), lo), hi));
        }
    }
    // @segment-end

    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private static final VectorSpecies<Float> SPECIES_F32 = FloatVector.SPECIES_PREFERRED;
    /**
     * The canonical reductions' species: the preferred one while four of its vectors fit in the
     * accumulators (every machine up to 512 bits), else 512 bits, so a pass never covers more than them.
     */
    private static final VectorSpecies<Float> REDUCE_F32 = 4 * SPECIES_F32.length() <= Blocking.ACCUMULATORS
            ? SPECIES_F32 : FloatVector.SPECIES_512;
    /** Accumulators one pass covers: four vectors. */
    private static final int PASS_F32 = 4 * REDUCE_F32.length();
    private static final ValueLayout.OfFloat LAYOUT_F32 = ValueLayout.JAVA_FLOAT;
    /** Per-thread scratch blocks: swap's exchange buffers and nrm2's rescaled block. */
    private static final ThreadLocal<float[][]> SCRATCH_F32 = ThreadLocal.withInitial(() -> new float[2][BLOCK]);
    /** Per-thread accumulators of a block, which the passes store into (an array per block was most of a small reduction's garbage). */
    private static final ThreadLocal<float[]> ACCUMULATORS_F32 = ThreadLocal.withInitial(() -> new float[Blocking.ACCUMULATORS]);

    @FunctionalInterface
    private interface Loop1F32 {
        void run(float[] x, int xo, float[] o, int oo, int len);
    }

    @FunctionalInterface
    private interface Loop2F32 {
        void run(float[] x, int xo, float[] y, int yo, float[] o, int oo, int len);
    }

    @FunctionalInterface
    private interface Loop3F32 {
        void run(float[] x, int xo, float[] y, int yo, float[] z, int zo, float[] o, int oo, int len);
    }

    @FunctionalInterface
    private interface Seg1F32 {
        void run(MemorySegment x, long xo, MemorySegment o, long oo, int len);
    }

    @FunctionalInterface
    private interface Seg2F32 {
        void run(MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment o, long oo, int len);
    }

    @FunctionalInterface
    private interface Seg3F32 {
        void run(MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment z, long zo, MemorySegment o, long oo, int len);
    }

    @FunctionalInterface
    private interface BlockF32 {
        /*wide*/double apply(float[] x, int xo, int len);
    }

    @FunctionalInterface
    private interface SegBlockF32 {
        /*wide*/double apply(MemorySegment x, long xo, int len);
    }

    private static boolean heap(VecF32 v) {
        return v.heap() != null;
    }

    private static int off(VecF32 v, long c) {
        return (int) (v.start() + c);
    }

    /** The operand's memory as a segment: its own for off-heap data, a heap segment over the array otherwise. */
    private static MemorySegment mem(VecF32 v) {
        return v.heap() != null ? MemorySegment.ofArray(v.heap()) : v.segment();
    }

    /**
     * Heap arrays run the array loops over each thread's whole range; as soon as one operand is
     * off-heap the segment loops run instead, in chunks of {@link #SEGMENT_CHUNK} (int lengths).
     */
    private void map1(long n, int threads, VecF32 x, VecF32 out, Loop1F32 loop, Seg1F32 seg) {
        if (heap(x) && heap(out)) {
            parallel(n, threads, (lo, hi) -> loop.run(x.heap(), off(x, lo), out.heap(), off(out, lo), (int) (hi - lo)));
            return;
        }
        MemorySegment xs = mem(x);
        MemorySegment os = mem(out);
        parallel(n, threads, (lo, hi) -> {
            for (long c = lo; c < hi; c += SEGMENT_CHUNK) {
                seg.run(xs, x.start() + c, os, out.start() + c, (int) Math.min(SEGMENT_CHUNK, hi - c));
            }
        });
    }

    private void map2(long n, int threads, VecF32 x, VecF32 y, VecF32 out, Loop2F32 loop, Seg2F32 seg) {
        if (heap(x) && heap(y) && heap(out)) {
            parallel(n, threads, (lo, hi) -> loop.run(x.heap(), off(x, lo), y.heap(), off(y, lo), out.heap(), off(out, lo),
                    (int) (hi - lo)));
            return;
        }
        MemorySegment xs = mem(x);
        MemorySegment ys = mem(y);
        MemorySegment os = mem(out);
        parallel(n, threads, (lo, hi) -> {
            for (long c = lo; c < hi; c += SEGMENT_CHUNK) {
                seg.run(xs, x.start() + c, ys, y.start() + c, os, out.start() + c, (int) Math.min(SEGMENT_CHUNK, hi - c));
            }
        });
    }

    private void map3(long n, int threads, VecF32 x, VecF32 y, VecF32 z, VecF32 out, Loop3F32 loop, Seg3F32 seg) {
        if (heap(x) && heap(y) && heap(z) && heap(out)) {
            parallel(n, threads, (lo, hi) -> loop.run(x.heap(), off(x, lo), y.heap(), off(y, lo), z.heap(), off(z, lo),
                    out.heap(), off(out, lo), (int) (hi - lo)));
            return;
        }
        MemorySegment xs = mem(x);
        MemorySegment ys = mem(y);
        MemorySegment zs = mem(z);
        MemorySegment os = mem(out);
        parallel(n, threads, (lo, hi) -> {
            for (long c = lo; c < hi; c += SEGMENT_CHUNK) {
                seg.run(xs, x.start() + c, ys, y.start() + c, zs, z.start() + c, os, out.start() + c,
                        (int) Math.min(SEGMENT_CHUNK, hi - c));
            }
        });
    }

    /** A per-block reduction of one operand: the array loop for heap data, the segment loop otherwise. */
    private static BlockValue block(VecF32 x, BlockF32 f, SegBlockF32 fs) {
        if (heap(x)) {
            return (lo, len) -> f.apply(x.heap(), off(x, lo), len);
        }
        MemorySegment xs = x.segment();
        return (lo, len) -> fs.apply(xs, x.start() + lo, len);
    }

    @Override
    public void axpy(long n, float a, VecF32 x, VecF32 y, int threads) {
        if (!x.unit() || !y.unit()) {
            SCALAR.axpy(n, a, x, y, 1);
            return;
        }
        map2(n, threads, x, y, y, (xa, xo, ya, yo, o, oo, len) -> axpyLoop(a, xa, xo, ya, yo, o, oo, len),
                (xs, xo, ys, yo, os, oo, len) -> axpyLoopSegF32(a, xs, xo, ys, yo, os, oo, len));
    }


    @Override
    public void scal(long n, float a, VecF32 x, int threads) {
        if (!x.unit()) {
            SCALAR.scal(n, a, x, 1);
            return;
        }
        map1(n, threads, x, x, (xa, xo, o, oo, len) -> scalarLoop(BinaryOp.MUL, xa, xo, a, false, o, oo, len),
                (xs, xo, os, oo, len) -> scalarLoopSegF32(BinaryOp.MUL, xs, xo, a, false, os, oo, len));
    }

    @Override
    public void copy(long n, VecF32 x, VecF32 y, int threads) {
        if (!x.unit() || !y.unit()) {
            SCALAR.copy(n, x, y, 1);
            return;
        }
        map1(n, threads, x, y, (xa, xo, o, oo, len) -> System.arraycopy(xa, xo, o, oo, len),
                (xs, xo, os, oo, len) -> MemorySegment.copy(xs, LAYOUT_F32, xo * Float.BYTES, os, LAYOUT_F32, oo * Float.BYTES, len));
    }

    @Override
    public void swap(long n, VecF32 x, VecF32 y, int threads) {
        if (!x.unit() || !y.unit()) {
            SCALAR.swap(n, x, y, 1);
            return;
        }
        parallel(n, threads, (lo, hi) -> {
            float[][] s = SCRATCH_F32.get();
            for (long c = lo; c < hi; c += BLOCK) {
                int len = (int) Math.min(BLOCK, hi - c);
                x.load(c, s[0], len);
                y.load(c, s[1], len);
                x.store(c, s[1], len);
                y.store(c, s[0], len);
            }
        });
    }

    @Override
    public float dot(long n, VecF32 x, VecF32 y, int threads) {
        if (!x.unit() || !y.unit()) {
            return SCALAR.dot(n, x, y, 1);
        }
        if (heap(x) && heap(y)) {
            return (float) sumOfBlocks(n, threads, (lo, len) -> dotBlock(x.heap(), off(x, lo), y.heap(), off(y, lo), len));
        }
        MemorySegment xs = mem(x);
        MemorySegment ys = mem(y);
        return (float) sumOfBlocks(n, threads, (lo, len) -> dotBlockSegF32(xs, x.start() + lo, ys, y.start() + lo, len));
    }

    @Override
    public float asum(long n, VecF32 x, int threads) {
        if (!x.unit()) {
            return SCALAR.asum(n, x, 1);
        }
        return (float) sumOfBlocks(n, threads, block(x, (xa, xo, len) -> sumBlock(xa, xo, len, true),
                (xs, xo, len) -> sumBlockSegF32(xs, xo, len, true)));
    }

    @Override
    public float sum(long n, VecF32 x, int threads) {
        return (float) wideSum(n, x, threads);
    }

    private /*wide*/double wideSum(long n, VecF32 x, int threads) {
        if (!x.unit()) {
            return SCALAR.sum(n, x, 1);
        }
        return sumOfBlocks(n, threads, block(x, (xa, xo, len) -> sumBlock(xa, xo, len, false),
                (xs, xo, len) -> sumBlockSegF32(xs, xo, len, false)));
    }

    /**
     * The canonical fold of a block's accumulators: a[j] += a[j + half] for j < half, halving from
     * ACCUMULATORS / 2, whole vectors while half >= lanes, then within one vector ({@link Lanes#fold}).
     * The same IEEE adds as a scalar fold, so the bits match OpenCL's.
     */
    private static float fold(float[] a) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        for (int half = Blocking.ACCUMULATORS / 2; half >= l; half >>= 1) {
            for (int j = 0; j < half; j += l) {
                FloatVector.fromArray(s, a, j).add(FloatVector.fromArray(s, a, j + half)).intoArray(a, j);
            }
        }
        return Lanes.fold(a, l); // a[0..l) holds the last vector
    }

    @Override
    public float mean(long n, VecF32 x, int threads) {
        return (float) (wideSum(n, x, threads) / n);
    }

    @Override
    public float variance(long n, VecF32 x, int ddof, int threads) {
        if (!x.unit()) {
            return SCALAR.variance(n, x, ddof, 1);
        }
        if (n <= ddof) {
            return Float.NaN;
        }
        int blocks = (int) Blocking.blocks(n);
        /*wide*/double[] means = new /*wide*/double[blocks];
        /*wide*/double[] m2s = new /*wide*/double[blocks];
        if (heap(x)) {
            perBlock(n, threads, means, m2s, (lo, len, mean, m2, b) -> varianceBlock(x.heap(), off(x, lo), len, mean, m2, b));
        } else {
            MemorySegment xs = x.segment();
            perBlock(n, threads, means, m2s, (lo, len, mean, m2, b) -> varianceBlockSegF32(xs, x.start() + lo, len, mean, m2, b));
        }
        return (float) (Blocking.combineVariance(n, means, m2s) / (n - ddof));
    }


    @Override
    public float min(long n, VecF32 x, int threads) {
        if (!x.unit()) {
            return SCALAR.min(n, x, 1);
        }
        /*wide*/double[] p = perBlock(n, threads, block(x, (xa, xo, len) -> extremumBlock(xa, xo, len, false, false),
                (xs, xo, len) -> extremumBlockSegF32(xs, xo, len, false, false)));
        return (float) Blocking.fold(p, false);
    }

    @Override
    public float max(long n, VecF32 x, int threads) {
        if (!x.unit()) {
            return SCALAR.max(n, x, 1);
        }
        /*wide*/double[] p = perBlock(n, threads, block(x, (xa, xo, len) -> extremumBlock(xa, xo, len, true, false),
                (xs, xo, len) -> extremumBlockSegF32(xs, xo, len, true, false)));
        return (float) Blocking.fold(p, true);
    }


    @Override
    public float nrm2(long n, VecF32 x, int threads) {
        if (!x.unit()) {
            return SCALAR.nrm2(n, x, 1);
        }
        if (n == 0) {
            return 0;
        }
        int blocks = (int) Blocking.blocks(n);
        /*wide*/double[] sumsq = new /*wide*/double[blocks];
        /*wide*/double[] amax = new /*wide*/double[blocks];
        float[] xh = x.heap();
        MemorySegment xs = mem(x);
        perBlock(n, threads, sumsq, amax, (lo, len, sq, mx, b) -> {
            if (xh != null) {
                sq[b] = dotBlock(xh, off(x, lo), xh, off(x, lo), len);
                mx[b] = extremumBlock(xh, off(x, lo), len, true, true);
            } else {
                sq[b] = dotBlockSegF32(xs, x.start() + lo, xs, x.start() + lo, len);
                mx[b] = extremumBlockSegF32(xs, x.start() + lo, len, true, true);
            }
        });
        /*wide*/double big = Blocking.fold(amax, true);
        if (/*wide*/Double.isNaN(big) || big == /*wide*/Double.POSITIVE_INFINITY) {
            return (float) big;
        }
        /*wide*/double total = Blocking.pairwise(sumsq, 0, blocks);
        // Unscaled squares are exact enough unless some overflowed or the largest is so small that
        // squares lost precision to underflow; then redo the sum on values scaled by a power of two.
        if (total != /*wide*/Double.POSITIVE_INFINITY && big >= Blocking.NRM2_TINY_F32) {
            return (float) Math.sqrt(total);
        }
        // Clamped so that 2^-exp stays representable when the largest value is subnormal.
        int exp = Math.max(Math.getExponent(big), -120);
        float scale = Math.scalb((float) 1, -exp);
        /*wide*/double scaled = sumOfBlocks(n, threads, (lo, len) -> {
            float[] w = SCRATCH_F32.get()[1];
            if (xh != null) {
                scalarLoop(BinaryOp.MUL, xh, off(x, lo), scale, false, w, 0, len);
            } else {
                scalarLoopSegF32(BinaryOp.MUL, xs, x.start() + lo, scale, false, MemorySegment.ofArray(w), 0, len);
            }
            return dotBlock(w, 0, w, 0, len);
        });
        return (float) Math.scalb(Math.sqrt(scaled), exp);
    }

    @Override
    public long iamax(long n, VecF32 x, int threads) {
        if (!x.unit()) {
            return SCALAR.iamax(n, x, 1);
        }
        if (n == 0) {
            return -1;
        }
        /*wide*/double[] p = perBlock(n, threads, block(x, (xa, xo, len) -> extremumBlock(xa, xo, len, true, true),
                (xs, xo, len) -> extremumBlockSegF32(xs, xo, len, true, true)));
        /*wide*/double big = Blocking.fold(p, true);
        float target = (float) big;
        // The first block whose maximum is the target holds the answer: scan only that one.
        for (int b = 0; b < p.length; b++) {
            if (p[b] == big || (/*wide*/Double.isNaN(big) && /*wide*/Double.isNaN(p[b]))) {
                long lo = (long) b * BLOCK;
                int len = (int) Math.min(BLOCK, n - lo);
                return lo + (heap(x) ? firstIndexOf(x.heap(), off(x, lo), len, target)
                        : firstIndexOfSegF32(x.segment(), x.start() + lo, len, target));
            }
        }
        throw new IllegalStateException("iamax: maximum " + big + " not found");
    }


    @Override
    public void unary(UnaryOp op, long n, VecF32 x, VecF32 out, int threads) {
        if (!x.unit() || !out.unit()) {
            SCALAR.unary(op, n, x, out, 1);
            return;
        }
        map1(n, threads, x, out, (xa, xo, o, oo, len) -> unaryLoop(op, xa, xo, o, oo, len),
                (xs, xo, os, oo, len) -> unaryLoopSegF32(op, xs, xo, os, oo, len));
    }


    @Override
    public void binary(BinaryOp op, long n, VecF32 x, VecF32 y, VecF32 out, int threads) {
        if (!x.unit() || !y.unit() || !out.unit()) {
            SCALAR.binary(op, n, x, y, out, 1);
            return;
        }
        map2(n, threads, x, y, out, (xa, xo, ya, yo, o, oo, len) -> binaryLoop(op, xa, xo, ya, yo, o, oo, len),
                (xs, xo, ys, yo, os, oo, len) -> binaryLoopSegF32(op, xs, xo, ys, yo, os, oo, len));
    }


    @Override
    public void binaryScalar(BinaryOp op, long n, VecF32 x, float c, boolean scalarFirst, VecF32 out, int threads) {
        if (!x.unit() || !out.unit()) {
            SCALAR.binaryScalar(op, n, x, c, scalarFirst, out, 1);
            return;
        }
        map1(n, threads, x, out, (xa, xo, o, oo, len) -> scalarLoop(op, xa, xo, c, scalarFirst, o, oo, len),
                (xs, xo, os, oo, len) -> scalarLoopSegF32(op, xs, xo, c, scalarFirst, os, oo, len));
    }


    @Override
    public void fma(long n, VecF32 x, VecF32 y, VecF32 z, VecF32 out, int threads) {
        if (!x.unit() || !y.unit() || !z.unit() || !out.unit()) {
            SCALAR.fma(n, x, y, z, out, 1);
            return;
        }
        map3(n, threads, x, y, z, out, SimdKernelSet::fmaLoop, SimdKernelSet::fmaLoopSegF32);
    }


    @Override
    public void fmaScalar(long n, VecF32 x, float a, float b, VecF32 out, int threads) {
        if (!x.unit() || !out.unit()) {
            SCALAR.fmaScalar(n, x, a, b, out, 1);
            return;
        }
        map1(n, threads, x, out, (xa, xo, o, oo, len) -> fmaScalarLoop(xa, xo, a, b, o, oo, len),
                (xs, xo, o, oo, len) -> fmaScalarLoopSegF32(xs, xo, a, b, o, oo, len));
    }

    @Override
    public void clamp(long n, VecF32 x, float lo, float hi, VecF32 out, int threads) {
        if (!x.unit() || !out.unit()) {
            SCALAR.clamp(n, x, lo, hi, out, 1);
            return;
        }
        map1(n, threads, x, out, (xa, xo, o, oo, len) -> clampLoop(xa, xo, lo, hi, o, oo, len),
                (xs, xo, o, oo, len) -> clampLoopSegF32(xs, xo, lo, hi, o, oo, len));
    }

    // Loops over heap arrays, and their generated off-heap twins below.
    // @segment-begin
    private static void axpyLoop(float a, float[] x, int xo, float[] y, int yo, float[] o, int oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        FloatVector va = FloatVector.broadcast(s, a);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            va.fma(FloatVector.fromArray(s, x, xo + i), FloatVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
        }
        for (; i < len; i++) {
            o[oo + i] = Math.fma(a, x[xo + i], y[yo + i]);
        }
    }

    private static /*wide*/double sumBlock(float[] x, int xo, int len, boolean abs) {
        return abs ? absSumBlock(x, xo, len) : plainSumBlock(x, xo, len);
    }

    // One block reduced in the canonical order shared with the OpenCL kernels: element k of the block
    // goes to accumulator k % ACCUMULATORS, each accumulator adds its elements in increasing k (fused
    // for dot), and the accumulators are folded by halves (see fold). The passes hold four vectors of
    // consecutive accumulators each, so FMA latency stays hidden; the tail (fewer than ACCUMULATORS
    // elements after whole groups) goes to accumulators 0, 1, ... with the same IEEE operations.
    // One small method per operation, each with its own call path: a single method switching on the
    // operation grew to 17-22 KB of C2 code, shared its branch profile between kernels, and every
    // kernel that took a new branch deoptimised it for the others, which then ran interpreted Vector
    // API code (100-1000x slower) until C2 compiled it again.

    private static /*wide*/double plainSumBlock(float[] x, int xo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            sumPass(x, xo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += x[xo + k];
        }
        return fold(a);
    }

    private static /*wide*/double absSumBlock(float[] x, int xo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            absSumPass(x, xo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += Math.abs(x[xo + k]);
        }
        return fold(a);
    }

    private static /*wide*/double dotBlock(float[] x, int xo, float[] y, int yo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            dotPass(x, xo + o, y, yo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] = Math.fma(x[xo + k], y[yo + k], a[k - full]);
        }
        return fold(a);
    }

    /** The deviations from {@code shift} summed (variance's compensation term). */
    private static /*wide*/double devBlock(float[] x, int xo, int len, float shift) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            devPass(x, xo + o, full, shift, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += x[xo + k] - shift;
        }
        return fold(a);
    }

    /** The squared deviations from {@code shift} summed. */
    private static /*wide*/double devSqBlock(float[] x, int xo, int len, float shift) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            devSqPass(x, xo + o, full, shift, a, o);
        }
        for (int k = full; k < len; k++) {
            float d = x[xo + k] - shift;
            a[k - full] = Math.fma(d, d, a[k - full]);
        }
        return fold(a);
    }

    /** Accumulators o..o+4L of a block: x from xo (already offset by o), stride 64, into a[o..]. */
    private static void sumPass(float[] x, int xo, int full, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(FloatVector.fromArray(s, x, xo + i));
            a1 = a1.add(FloatVector.fromArray(s, x, xo + i + l));
            a2 = a2.add(FloatVector.fromArray(s, x, xo + i + 2 * l));
            a3 = a3.add(FloatVector.fromArray(s, x, xo + i + 3 * l));
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void absSumPass(float[] x, int xo, int full, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(FloatVector.fromArray(s, x, xo + i).abs());
            a1 = a1.add(FloatVector.fromArray(s, x, xo + i + l).abs());
            a2 = a2.add(FloatVector.fromArray(s, x, xo + i + 2 * l).abs());
            a3 = a3.add(FloatVector.fromArray(s, x, xo + i + 3 * l).abs());
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void dotPass(float[] x, int xo, float[] y, int yo, int full, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = FloatVector.fromArray(s, x, xo + i).fma(FloatVector.fromArray(s, y, yo + i), a0);
            a1 = FloatVector.fromArray(s, x, xo + i + l).fma(FloatVector.fromArray(s, y, yo + i + l), a1);
            a2 = FloatVector.fromArray(s, x, xo + i + 2 * l).fma(FloatVector.fromArray(s, y, yo + i + 2 * l), a2);
            a3 = FloatVector.fromArray(s, x, xo + i + 3 * l).fma(FloatVector.fromArray(s, y, yo + i + 3 * l), a3);
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void devPass(float[] x, int xo, int full, float shift, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector m = FloatVector.broadcast(s, shift);
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(FloatVector.fromArray(s, x, xo + i).sub(m));
            a1 = a1.add(FloatVector.fromArray(s, x, xo + i + l).sub(m));
            a2 = a2.add(FloatVector.fromArray(s, x, xo + i + 2 * l).sub(m));
            a3 = a3.add(FloatVector.fromArray(s, x, xo + i + 3 * l).sub(m));
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void devSqPass(float[] x, int xo, int full, float shift, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector m = FloatVector.broadcast(s, shift);
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            FloatVector d0 = FloatVector.fromArray(s, x, xo + i).sub(m);
            FloatVector d1 = FloatVector.fromArray(s, x, xo + i + l).sub(m);
            FloatVector d2 = FloatVector.fromArray(s, x, xo + i + 2 * l).sub(m);
            FloatVector d3 = FloatVector.fromArray(s, x, xo + i + 3 * l).sub(m);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
            a2 = d2.fma(d2, a2);
            a3 = d3.fma(d3, a3);
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    /**
     * Two canonical passes over one cache-resident block: its mean m, then the squared deviations
     * and the deviations from m (the corrected two-pass term), combined in float on the host side
     * exactly as the OpenCL kernel's (m, ss, comp) are.
     */
    private static void varianceBlock(float[] x, int xo, int len, /*wide*/double[] means, /*wide*/double[] m2s, int b) {
        float m = (float) sumBlock(x, xo, len, false) / len;
        /*wide*/double ss = devSqBlock(x, xo, len, m);
        /*wide*/double comp = devBlock(x, xo, len, m);
        means[b] = Blocking.blockMean(m, comp, len);
        m2s[b] = Blocking.blockM2(ss, comp, len);
    }

    /** min or max (of |x| when {@code abs}) of one block; NaN propagates as in {@link Math#min}. */
    private static /*wide*/double extremumBlock(float[] x, int xo, int len, boolean max, boolean abs) {
        VectorSpecies<Float> s = SPECIES_F32;
        int l = s.length();
        float first = abs ? Math.abs(x[xo]) : x[xo];
        FloatVector a0 = FloatVector.broadcast(s, first);
        FloatVector a1 = a0;
        int i = 0;
        for (; i <= len - 2 * l; i += 2 * l) {
            FloatVector v0 = FloatVector.fromArray(s, x, xo + i);
            FloatVector v1 = FloatVector.fromArray(s, x, xo + i + l);
            if (abs) {
                v0 = v0.abs();
                v1 = v1.abs();
            }
            a0 = max ? a0.max(v0) : a0.min(v0);
            a1 = max ? a1.max(v1) : a1.min(v1);
        }
        FloatVector a = max ? a0.max(a1) : a0.min(a1);
        float r = a.reduceLanes(max ? VectorOperators.MAX : VectorOperators.MIN);
        if (a.test(VectorOperators.IS_NAN).anyTrue()) {
            r = Float.NaN;
        }
        for (; i < len; i++) {
            float v = abs ? Math.abs(x[xo + i]) : x[xo + i];
            r = max ? Math.max(r, v) : Math.min(r, v);
        }
        return r;
    }

    /** First i in [0, len) with |x[xo+i]| == target, or x[xo+i] NaN when target is NaN. */
    private static int firstIndexOf(float[] x, int xo, int len, float target) {
        VectorSpecies<Float> s = SPECIES_F32;
        boolean nan = Float.isNaN(target);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            FloatVector v = FloatVector.fromArray(s, x, xo + i);
            VectorMask<Float> hit = nan ? v.test(VectorOperators.IS_NAN) : v.abs().compare(VectorOperators.EQ, target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < len; i++) {
            float v = Math.abs(x[xo + i]);
            if (nan ? Float.isNaN(v) : v == target) {
                return i;
            }
        }
        return -1;
    }

    private static void unaryLoop(UnaryOp op, float[] x, int xo, float[] o, int oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int l = s.length();
        int ub = s.loopBound(len);
        int i = 0;
        switch (op) {
            case ABS -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).abs().intoArray(o, oo + i);
                }
            }
            case NEG -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).neg().intoArray(o, oo + i);
                }
            }
            case SQRT -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).sqrt().intoArray(o, oo + i);
                }
            }
            case EXP -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).lanewise(VectorOperators.EXP).intoArray(o, oo + i);
                }
            }
            case LOG -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).lanewise(VectorOperators.LOG).intoArray(o, oo + i);
                }
            }
            case TANH -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).lanewise(VectorOperators.TANH).intoArray(o, oo + i);
                }
            }
            case SIGMOID -> {
                // 1/(1+e) for x >= 0, e/(1+e) below, with e = exp(-|x|): exp never overflows.
                FloatVector one = FloatVector.broadcast(s, (float) 1);
                for (; i < ub; i += l) {
                    FloatVector v = FloatVector.fromArray(s, x, xo + i);
                    FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
                    FloatVector num = one.blend(e, v.compare(VectorOperators.LT, (float) 0));
                    num.div(one.add(e)).intoArray(o, oo + i);
                }
            }
        }
        for (; i < len; i++) {
            o[oo + i] = op.apply(x[xo + i]);
        }
    }

    private static void binaryLoop(BinaryOp op, float[] x, int xo, float[] y, int yo, float[] o, int oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int l = s.length();
        int ub = s.loopBound(len);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).add(FloatVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
                }
            }
            case SUB -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).sub(FloatVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
                }
            }
            case MUL -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).mul(FloatVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
                }
            }
            case DIV -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).div(FloatVector.fromArray(s, y, yo + i)).intoArray(o, oo + i);
                }
            }
        }
        for (; i < len; i++) {
            o[oo + i] = op.apply(x[xo + i], y[yo + i]);
        }
    }

    private static void scalarLoop(BinaryOp op, float[] x, int xo, float c, boolean first, float[] o, int oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int l = s.length();
        int ub = s.loopBound(len);
        FloatVector vc = FloatVector.broadcast(s, c);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).add(vc).intoArray(o, oo + i);
                }
            }
            case MUL -> {
                for (; i < ub; i += l) {
                    FloatVector.fromArray(s, x, xo + i).mul(vc).intoArray(o, oo + i);
                }
            }
            case SUB -> {
                for (; i < ub; i += l) {
                    FloatVector v = FloatVector.fromArray(s, x, xo + i);
                    (first ? vc.sub(v) : v.sub(vc)).intoArray(o, oo + i);
                }
            }
            case DIV -> {
                for (; i < ub; i += l) {
                    FloatVector v = FloatVector.fromArray(s, x, xo + i);
                    (first ? vc.div(v) : v.div(vc)).intoArray(o, oo + i);
                }
            }
        }
        for (; i < len; i++) {
            o[oo + i] = first ? op.apply(c, x[xo + i]) : op.apply(x[xo + i], c);
        }
    }

    private static void fmaLoop(float[] x, int xo, float[] y, int yo, float[] z, int zo, float[] o, int oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            FloatVector.fromArray(s, x, xo + i).fma(FloatVector.fromArray(s, y, yo + i), FloatVector.fromArray(s, z, zo + i))
                    .intoArray(o, oo + i);
        }
        for (; i < len; i++) {
            o[oo + i] = Math.fma(x[xo + i], y[yo + i], z[zo + i]);
        }
    }

    private static void fmaScalarLoop(float[] x, int xo, float a, float b, float[] o, int oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        FloatVector va = FloatVector.broadcast(s, a);
        FloatVector vb = FloatVector.broadcast(s, b);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            FloatVector.fromArray(s, x, xo + i).fma(va, vb).intoArray(o, oo + i);
        }
        for (; i < len; i++) {
            o[oo + i] = Math.fma(x[xo + i], a, b);
        }
    }

    private static void clampLoop(float[] x, int xo, float lo, float hi, float[] o, int oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            FloatVector.fromArray(s, x, xo + i).max(lo).min(hi).intoArray(o, oo + i);
        }
        for (; i < len; i++) {
            o[oo + i] = Math.min(Math.max(x[xo + i], lo), hi);
        }
    }
    // @segment-end
    // @segment-generated from the array loops above by TwinGenerator: do not edit
    private static void axpyLoopSegF32(float a, MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment o, long oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        FloatVector va = FloatVector.broadcast(s, a);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            va.fma(FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER), FloatVector.fromMemorySegment(s, y, (yo + i) * (long) Float.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F32, oo + i, Math.fma(a, x.getAtIndex(LAYOUT_F32, xo + i), y.getAtIndex(LAYOUT_F32, yo + i)));
        }
    }

    private static /*wide*/double sumBlockSegF32(MemorySegment x, long xo, int len, boolean abs) {
        return abs ? absSumBlockSegF32(x, xo, len) : plainSumBlockSegF32(x, xo, len);
    }

    // One block reduced in the canonical order shared with the OpenCL kernels: element k of the block
    // goes to accumulator k % ACCUMULATORS, each accumulator adds its elements in increasing k (fused
    // for dot), and the accumulators are folded by halves (see fold). The passes hold four vectors of
    // consecutive accumulators each, so FMA latency stays hidden; the tail (fewer than ACCUMULATORS
    // elements after whole groups) goes to accumulators 0, 1, ... with the same IEEE operations.
    // One small method per operation, each with its own call path: a single method switching on the
    // operation grew to 17-22 KB of C2 code, shared its branch profile between kernels, and every
    // kernel that took a new branch deoptimised it for the others, which then ran interpreted Vector
    // API code (100-1000x slower) until C2 compiled it again.

    private static /*wide*/double plainSumBlockSegF32(MemorySegment x, long xo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            sumPassSegF32(x, xo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += x.getAtIndex(LAYOUT_F32, xo + k);
        }
        return fold(a);
    }

    private static /*wide*/double absSumBlockSegF32(MemorySegment x, long xo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            absSumPassSegF32(x, xo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += Math.abs(x.getAtIndex(LAYOUT_F32, xo + k));
        }
        return fold(a);
    }

    private static /*wide*/double dotBlockSegF32(MemorySegment x, long xo, MemorySegment y, long yo, int len) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            dotPassSegF32(x, xo + o, y, yo + o, full, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] = Math.fma(x.getAtIndex(LAYOUT_F32, xo + k), y.getAtIndex(LAYOUT_F32, yo + k), a[k - full]);
        }
        return fold(a);
    }

    /** The deviations from {@code shift} summed (variance's compensation term). */
    private static /*wide*/double devBlockSegF32(MemorySegment x, long xo, int len, float shift) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            devPassSegF32(x, xo + o, full, shift, a, o);
        }
        for (int k = full; k < len; k++) {
            a[k - full] += x.getAtIndex(LAYOUT_F32, xo + k) - shift;
        }
        return fold(a);
    }

    /** The squared deviations from {@code shift} summed. */
    private static /*wide*/double devSqBlockSegF32(MemorySegment x, long xo, int len, float shift) {
        int full = len - len % Blocking.ACCUMULATORS;
        float[] a = ACCUMULATORS_F32.get(); // overwritten by the passes
        for (int o = 0; o < Blocking.ACCUMULATORS; o += PASS_F32) {
            devSqPassSegF32(x, xo + o, full, shift, a, o);
        }
        for (int k = full; k < len; k++) {
            float d = x.getAtIndex(LAYOUT_F32, xo + k) - shift;
            a[k - full] = Math.fma(d, d, a[k - full]);
        }
        return fold(a);
    }

    /** Accumulators o..o+4L of a block: x from xo (already offset by o), stride 64, into a[o..]. */
    private static void sumPassSegF32(MemorySegment x, long xo, int full, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER));
            a1 = a1.add(FloatVector.fromMemorySegment(s, x, (xo + i + l) * (long) Float.BYTES, NATIVE_ORDER));
            a2 = a2.add(FloatVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Float.BYTES, NATIVE_ORDER));
            a3 = a3.add(FloatVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Float.BYTES, NATIVE_ORDER));
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void absSumPassSegF32(MemorySegment x, long xo, int full, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).abs());
            a1 = a1.add(FloatVector.fromMemorySegment(s, x, (xo + i + l) * (long) Float.BYTES, NATIVE_ORDER).abs());
            a2 = a2.add(FloatVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Float.BYTES, NATIVE_ORDER).abs());
            a3 = a3.add(FloatVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Float.BYTES, NATIVE_ORDER).abs());
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void dotPassSegF32(MemorySegment x, long xo, MemorySegment y, long yo, int full, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).fma(FloatVector.fromMemorySegment(s, y, (yo + i) * (long) Float.BYTES, NATIVE_ORDER), a0);
            a1 = FloatVector.fromMemorySegment(s, x, (xo + i + l) * (long) Float.BYTES, NATIVE_ORDER).fma(FloatVector.fromMemorySegment(s, y, (yo + i + l) * (long) Float.BYTES, NATIVE_ORDER), a1);
            a2 = FloatVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Float.BYTES, NATIVE_ORDER).fma(FloatVector.fromMemorySegment(s, y, (yo + i + 2 * l) * (long) Float.BYTES, NATIVE_ORDER), a2);
            a3 = FloatVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Float.BYTES, NATIVE_ORDER).fma(FloatVector.fromMemorySegment(s, y, (yo + i + 3 * l) * (long) Float.BYTES, NATIVE_ORDER), a3);
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void devPassSegF32(MemorySegment x, long xo, int full, float shift, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector m = FloatVector.broadcast(s, shift);
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            a0 = a0.add(FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).sub(m));
            a1 = a1.add(FloatVector.fromMemorySegment(s, x, (xo + i + l) * (long) Float.BYTES, NATIVE_ORDER).sub(m));
            a2 = a2.add(FloatVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Float.BYTES, NATIVE_ORDER).sub(m));
            a3 = a3.add(FloatVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Float.BYTES, NATIVE_ORDER).sub(m));
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    private static void devSqPassSegF32(MemorySegment x, long xo, int full, float shift, float[] a, int o) {
        VectorSpecies<Float> s = REDUCE_F32;
        int l = s.length();
        FloatVector m = FloatVector.broadcast(s, shift);
        FloatVector a0 = FloatVector.zero(s);
        FloatVector a1 = FloatVector.zero(s);
        FloatVector a2 = FloatVector.zero(s);
        FloatVector a3 = FloatVector.zero(s);
        for (int i = 0; i < full; i += Blocking.ACCUMULATORS) {
            FloatVector d0 = FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).sub(m);
            FloatVector d1 = FloatVector.fromMemorySegment(s, x, (xo + i + l) * (long) Float.BYTES, NATIVE_ORDER).sub(m);
            FloatVector d2 = FloatVector.fromMemorySegment(s, x, (xo + i + 2 * l) * (long) Float.BYTES, NATIVE_ORDER).sub(m);
            FloatVector d3 = FloatVector.fromMemorySegment(s, x, (xo + i + 3 * l) * (long) Float.BYTES, NATIVE_ORDER).sub(m);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
            a2 = d2.fma(d2, a2);
            a3 = d3.fma(d3, a3);
        }
        a0.intoArray(a, o);
        a1.intoArray(a, o + l);
        a2.intoArray(a, o + 2 * l);
        a3.intoArray(a, o + 3 * l);
    }

    /**
     * Two canonical passes over one cache-resident block: its mean m, then the squared deviations
     * and the deviations from m (the corrected two-pass term), combined in float on the host side
     * exactly as the OpenCL kernel's (m, ss, comp) are.
     */
    private static void varianceBlockSegF32(MemorySegment x, long xo, int len, /*wide*/double[] means, /*wide*/double[] m2s, int b) {
        float m = (float) sumBlockSegF32(x, xo, len, false) / len;
        /*wide*/double ss = devSqBlockSegF32(x, xo, len, m);
        /*wide*/double comp = devBlockSegF32(x, xo, len, m);
        means[b] = Blocking.blockMean(m, comp, len);
        m2s[b] = Blocking.blockM2(ss, comp, len);
    }

    /** min or max (of |x| when {@code abs}) of one block; NaN propagates as in {@link Math#min}. */
    private static /*wide*/double extremumBlockSegF32(MemorySegment x, long xo, int len, boolean max, boolean abs) {
        VectorSpecies<Float> s = SPECIES_F32;
        int l = s.length();
        float first = abs ? Math.abs(x.getAtIndex(LAYOUT_F32, xo)) : x.getAtIndex(LAYOUT_F32, xo);
        FloatVector a0 = FloatVector.broadcast(s, first);
        FloatVector a1 = a0;
        int i = 0;
        for (; i <= len - 2 * l; i += 2 * l) {
            FloatVector v0 = FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER);
            FloatVector v1 = FloatVector.fromMemorySegment(s, x, (xo + i + l) * (long) Float.BYTES, NATIVE_ORDER);
            if (abs) {
                v0 = v0.abs();
                v1 = v1.abs();
            }
            a0 = max ? a0.max(v0) : a0.min(v0);
            a1 = max ? a1.max(v1) : a1.min(v1);
        }
        FloatVector a = max ? a0.max(a1) : a0.min(a1);
        float r = a.reduceLanes(max ? VectorOperators.MAX : VectorOperators.MIN);
        if (a.test(VectorOperators.IS_NAN).anyTrue()) {
            r = Float.NaN;
        }
        for (; i < len; i++) {
            float v = abs ? Math.abs(x.getAtIndex(LAYOUT_F32, xo + i)) : x.getAtIndex(LAYOUT_F32, xo + i);
            r = max ? Math.max(r, v) : Math.min(r, v);
        }
        return r;
    }

    /** First i in [0, len) with |x.getAtIndex(LAYOUT_F32, xo+i)| == target, or x.getAtIndex(LAYOUT_F32, xo+i) NaN when target is NaN. */
    private static int firstIndexOfSegF32(MemorySegment x, long xo, int len, float target) {
        VectorSpecies<Float> s = SPECIES_F32;
        boolean nan = Float.isNaN(target);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            FloatVector v = FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER);
            VectorMask<Float> hit = nan ? v.test(VectorOperators.IS_NAN) : v.abs().compare(VectorOperators.EQ, target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < len; i++) {
            float v = Math.abs(x.getAtIndex(LAYOUT_F32, xo + i));
            if (nan ? Float.isNaN(v) : v == target) {
                return i;
            }
        }
        return -1;
    }

    private static void unaryLoopSegF32(UnaryOp op, MemorySegment x, long xo, MemorySegment o, long oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int l = s.length();
        int ub = s.loopBound(len);
        int i = 0;
        switch (op) {
            case ABS -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).abs().intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case NEG -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).neg().intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case SQRT -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).sqrt().intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case EXP -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).lanewise(VectorOperators.EXP).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case LOG -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).lanewise(VectorOperators.LOG).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case TANH -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).lanewise(VectorOperators.TANH).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case SIGMOID -> {
                // 1/(1+e) for x >= 0, e/(1+e) below, with e = exp(-|x|): exp never overflows.
                FloatVector one = FloatVector.broadcast(s, (float) 1);
                for (; i < ub; i += l) {
                    FloatVector v = FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER);
                    FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
                    FloatVector num = one.blend(e, v.compare(VectorOperators.LT, (float) 0));
                    num.div(one.add(e)).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F32, oo + i, op.apply(x.getAtIndex(LAYOUT_F32, xo + i)));
        }
    }

    private static void binaryLoopSegF32(BinaryOp op, MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment o, long oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int l = s.length();
        int ub = s.loopBound(len);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).add(FloatVector.fromMemorySegment(s, y, (yo + i) * (long) Float.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case SUB -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).sub(FloatVector.fromMemorySegment(s, y, (yo + i) * (long) Float.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case MUL -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).mul(FloatVector.fromMemorySegment(s, y, (yo + i) * (long) Float.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case DIV -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).div(FloatVector.fromMemorySegment(s, y, (yo + i) * (long) Float.BYTES, NATIVE_ORDER)).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F32, oo + i, op.apply(x.getAtIndex(LAYOUT_F32, xo + i), y.getAtIndex(LAYOUT_F32, yo + i)));
        }
    }

    private static void scalarLoopSegF32(BinaryOp op, MemorySegment x, long xo, float c, boolean first, MemorySegment o, long oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int l = s.length();
        int ub = s.loopBound(len);
        FloatVector vc = FloatVector.broadcast(s, c);
        int i = 0;
        switch (op) {
            case ADD -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).add(vc).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case MUL -> {
                for (; i < ub; i += l) {
                    FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).mul(vc).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case SUB -> {
                for (; i < ub; i += l) {
                    FloatVector v = FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER);
                    (first ? vc.sub(v) : v.sub(vc)).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
            case DIV -> {
                for (; i < ub; i += l) {
                    FloatVector v = FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER);
                    (first ? vc.div(v) : v.div(vc)).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
                }
            }
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F32, oo + i, first ? op.apply(c, x.getAtIndex(LAYOUT_F32, xo + i)) : op.apply(x.getAtIndex(LAYOUT_F32, xo + i), c));
        }
    }

    private static void fmaLoopSegF32(MemorySegment x, long xo, MemorySegment y, long yo, MemorySegment z, long zo, MemorySegment o, long oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).fma(FloatVector.fromMemorySegment(s, y, (yo + i) * (long) Float.BYTES, NATIVE_ORDER), FloatVector.fromMemorySegment(s, z, (zo + i) * (long) Float.BYTES, NATIVE_ORDER))
                    .intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F32, oo + i, Math.fma(x.getAtIndex(LAYOUT_F32, xo + i), y.getAtIndex(LAYOUT_F32, yo + i), z.getAtIndex(LAYOUT_F32, zo + i)));
        }
    }

    private static void fmaScalarLoopSegF32(MemorySegment x, long xo, float a, float b, MemorySegment o, long oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        FloatVector va = FloatVector.broadcast(s, a);
        FloatVector vb = FloatVector.broadcast(s, b);
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).fma(va, vb).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F32, oo + i, Math.fma(x.getAtIndex(LAYOUT_F32, xo + i), a, b));
        }
    }

    private static void clampLoopSegF32(MemorySegment x, long xo, float lo, float hi, MemorySegment o, long oo, int len) {
        VectorSpecies<Float> s = SPECIES_F32;
        int i = 0;
        for (int ub = s.loopBound(len); i < ub; i += s.length()) {
            FloatVector.fromMemorySegment(s, x, (xo + i) * (long) Float.BYTES, NATIVE_ORDER).max(lo).min(hi).intoMemorySegment(o, (oo + i) * (long) Float.BYTES, NATIVE_ORDER);
        }
        for (; i < len; i++) {
            o.setAtIndex(LAYOUT_F32, oo + i, Math.min(Math.max(x.getAtIndex(LAYOUT_F32, xo + i), lo), hi));
        }
    }
    // @segment-end

    // @twin-end
}
