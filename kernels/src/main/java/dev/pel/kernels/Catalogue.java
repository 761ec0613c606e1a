package dev.pel.kernels;

import dev.pel.kernels.analytics.AnalyticsFamily;
import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.dispatch.KernelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kernel's description, declared once: name, flops and arrays moved per element. The
 * dispatcher sizes calls from these; the sweep converts times to GFLOP/s and GB/s with them.
 */
public final class Catalogue {
    private Catalogue() {
    }

    public static final KernelSpec AXPY = new KernelSpec("axpy", 2, 3);
    public static final KernelSpec SCAL = new KernelSpec("scal", 1, 2);
    public static final KernelSpec COPY = new KernelSpec("copy", 0, 2);
    public static final KernelSpec SWAP = new KernelSpec("swap", 0, 4);
    public static final KernelSpec DOT = new KernelSpec("dot", 2, 2);
    public static final KernelSpec NRM2 = new KernelSpec("nrm2", 2, 1);
    public static final KernelSpec ASUM = new KernelSpec("asum", 1, 1);
    public static final KernelSpec IAMAX = new KernelSpec("iamax", 1, 1);

    public static final KernelSpec SUM = new KernelSpec("sum", 1, 1);
    public static final KernelSpec MEAN = new KernelSpec("mean", 1, 1);
    public static final KernelSpec VARIANCE = new KernelSpec("variance", 4, 1);
    public static final KernelSpec MIN = new KernelSpec("min", 1, 1);
    public static final KernelSpec MAX = new KernelSpec("max", 1, 1);

    public static final KernelSpec FMA = new KernelSpec("fma", 2, 4);
    public static final KernelSpec FMA_SCALAR = new KernelSpec("fma-scalar", 2, 2);
    public static final KernelSpec CLAMP = new KernelSpec("clamp", 2, 2);

    // ---- Analytics kernels (Analytics facade) ------------------------------------------------------
    /** Prefix sums: one add per element, x read (twice on parallel backends: totals, then the scan), y written. */
    public static final KernelSpec SCAN_INCLUSIVE = new KernelSpec("scan-inclusive", 1, 3);
    public static final KernelSpec SCAN_EXCLUSIVE = new KernelSpec("scan-exclusive", 1, 3);
    /** Histogram: subtract, multiply, two compares per element, x read once. */
    public static final KernelSpec HISTOGRAM = new KernelSpec("histogram", 4, 1);
    /** Stable sort of n keys (d0 = n): radix passes over keys and a 4-byte permutation, then a gather. */
    public static final KernelSpec SORT = new KernelSpec("sort", new KernelSpec.Cost() {
        @Override
        public double flops(long n, long d1, long d2) {
            return 0;
        }

        @Override
        public double bytes(int elementBytes, long n, long d1, long d2) {
            int passes = elementBytes; // a byte-wide digit per pass over the significant key bytes
            return (double) n * (2.0 * elementBytes + passes * 2.0 * (8 + 4));
        }
    });
    /** CSR y = A x of nnz = d0 nonzeros: per nonzero a value, a column index and a gathered x (row pointers and y not counted). */
    public static final KernelSpec SPMV = new KernelSpec("spmv", new KernelSpec.Cost() {
        @Override
        public double flops(long nnz, long rows, long d2) {
            return 2.0 * nnz;
        }

        @Override
        public double bytes(int elementBytes, long nnz, long rows, long d2) {
            return nnz * (2.0 * elementBytes + 4);
        }
    });
    /** One k-means step with d0 = points, d1 = clusters, d2 = dimensions. */
    public static final KernelSpec KMEANS = new KernelSpec("kmeans-step", new KernelSpec.Cost() {
        @Override
        public double flops(long n, long k, long d) {
            return 3.0 * n * k * d + 2.0 * n * d;
        }

        @Override
        public double bytes(int elementBytes, long n, long k, long d) {
            return elementBytes * (2.0 * n * d + 2.0 * k * d) + 8.0 * n;
        }
    });
    /** Softmax: max, sum of exp, normalise (two exps per element). */
    public static final KernelSpec SOFTMAX = new KernelSpec("softmax", 24, 4);
    public static final KernelSpec LOG_SUM_EXP = new KernelSpec("logsumexp", 12, 2);
    /** Out-of-place transpose of d0 x d1. */
    public static final KernelSpec TRANSPOSE = new KernelSpec("transpose", new KernelSpec.Cost() {
        @Override
        public double flops(long rows, long cols, long d2) {
            return 0;
        }

        @Override
        public double bytes(int elementBytes, long rows, long cols, long d2) {
            return 2.0 * elementBytes * rows * cols;
        }
    });
    /** Filter by a comparison: x read twice (counts, then the stores), y written up to n. */
    public static final KernelSpec COMPACT = new KernelSpec("compact", 1, 3);
    /** The same, writing 4-byte indices. */
    public static final KernelSpec COMPACT_INDEX = new KernelSpec("compact-index", 1, 3);
    /** Radix-2 complex FFT of d0 points: 5 n log2 n flops, each of log2 n passes reads and writes 2n reals. */
    public static final KernelSpec FFT = new KernelSpec("fft", new KernelSpec.Cost() {
        @Override
        public double flops(long n, long d1, long d2) {
            return 5.0 * n * log2(n);
        }

        @Override
        public double bytes(int elementBytes, long n, long d1, long d2) {
            return 4.0 * elementBytes * n * Math.max(1, log2(n));
        }

        private static double log2(long n) {
            return n <= 1 ? 0 : 63 - Long.numberOfLeadingZeros(n);
        }
    });

    /** The analytics kernels, in catalogue order. */
    public static final List<KernelSpec> ANALYTICS = List.of(SCAN_INCLUSIVE, SCAN_EXCLUSIVE, HISTOGRAM, SORT, SPMV, KMEANS, SOFTMAX,
            LOG_SUM_EXP, TRANSPOSE, COMPACT, COMPACT_INDEX, FFT);
    // ---- end of analytics kernels ------------------------------------------------------------------

    private static final Map<UnaryOp, KernelSpec> UNARY = new EnumMap<>(UnaryOp.class);
    private static final Map<BinaryOp, KernelSpec> BINARY = new EnumMap<>(BinaryOp.class);
    private static final Map<BinaryOp, KernelSpec> BINARY_SCALAR = new EnumMap<>(BinaryOp.class);

    static {
        for (UnaryOp op : UnaryOp.values()) {
            double flops = switch (op) {
                case ABS, NEG -> 1;
                case SQRT -> 1;
                case EXP, LOG, TANH -> 10;
                case SIGMOID -> 12;
            };
            UNARY.put(op, new KernelSpec(op.kernelName(), flops, 2));
        }
        for (BinaryOp op : BinaryOp.values()) {
            BINARY.put(op, new KernelSpec(op.kernelName(), 1, 3));
            BINARY_SCALAR.put(op, new KernelSpec(op.kernelName() + "-scalar", 1, 2));
        }
    }

    public static KernelSpec of(UnaryOp op) {
        return UNARY.get(op);
    }

    public static KernelSpec of(BinaryOp op) {
        return BINARY.get(op);
    }

    public static KernelSpec ofScalar(BinaryOp op) {
        return BINARY_SCALAR.get(op);
    }

    // ---- Simulation kernels (the Simulation facade): shaped costs, extents documented per kernel ----

    /** A function of a call's extents. */
    private interface Extents {
        double of(long d0, long d1, long d2);
    }

    /** A shaped cost: flops, and elements read plus written, as functions of the extents. */
    private record Shaped(Extents flopsOf, Extents elementsOf) implements KernelSpec.Cost {
        @Override
        public double flops(long d0, long d1, long d2) {
            return flopsOf.of(d0, d1, d2);
        }

        @Override
        public double bytes(int elementBytes, long d0, long d1, long d2) {
            return elementBytes * elementsOf.of(d0, d1, d2);
        }
    }

    /** 2-D 5-point heat steps; extents (cells, steps): 7 flops and one read and one write per cell-step. */
    public static final KernelSpec HEAT2D = new KernelSpec("heat2d",
            new Shaped((c, s, u) -> 7.0 * c * s, (c, s, u) -> 2.0 * c * s));
    /** 3-D 7-point heat steps; extents (cells, steps): 9 flops per cell-step. */
    public static final KernelSpec HEAT3D = new KernelSpec("heat3d",
            new Shaped((c, s, u) -> 9.0 * c * s, (c, s, u) -> 2.0 * c * s));
    /** All-pairs n-body step; extents (n, n): 20 flops per pair; 7 arrays read, 6 written. */
    public static final KernelSpec NBODY = new KernelSpec("nbody",
            new Shaped((n, m, u) -> 20.0 * n * m, (n, m, u) -> 13.0 * n));
    /** 1-D convolution; extents (n, k): a multiply and an add per tap; x read, out written, the filter. */
    public static final KernelSpec CONVOLVE1D = new KernelSpec("convolve1d",
            new Shaped((n, k, u) -> 2.0 * n * k, (n, k, u) -> 2.0 * n + k));
    /** 2-D convolution; extents (pixels, taps = kw * kh). */
    public static final KernelSpec CONVOLVE2D = new KernelSpec("convolve2d",
            new Shaped((n, k, u) -> 2.0 * n * k, (n, k, u) -> 2.0 * n + k));
    /** Philox4x32-10 words (int32; dispatched as f32): ~20 integer operations per word. */
    public static final KernelSpec PHILOX_BITS = new KernelSpec("philox-bits", 20, 1);
    /** Uniform fill from Philox. */
    public static final KernelSpec UNIFORM = new KernelSpec("uniform", 22, 1);
    /** Normal fill (Box-Muller) from Philox: log, sqrt and a sine or cosine per element. */
    public static final KernelSpec NORMAL = new KernelSpec("normal", 60, 1);
    /** Monte Carlo pi; extent: samples (dispatched as f32; no arrays). */
    public static final KernelSpec MONTE_CARLO_PI = new KernelSpec("montecarlo-pi", 45, 0);
    /** Black-Scholes call and put; S, K, T read, call and put written. */
    public static final KernelSpec BLACK_SCHOLES = new KernelSpec("blackscholes", 90, 5);

    /** The simulation kernels, in catalogue order. */
    public static List<KernelSpec> simulation() {
        return List.of(HEAT2D, HEAT3D, NBODY, CONVOLVE1D, CONVOLVE2D, PHILOX_BITS, UNIFORM, NORMAL, MONTE_CARLO_PI, BLACK_SCHOLES);
    }
    // ---- end of simulation kernels ----

    /** The family that implements a kernel of this catalogue (which backends have it, at which types). */
    public static KernelFamily<?> family(KernelSpec kernel) {
        if (simulation().contains(kernel)) {
            return SimulationKernelSets.SIMULATION;
        }
        if (ANALYTICS.contains(kernel)) {
            return AnalyticsFamily.ANALYTICS;
        }
        if (linalg().containsValue(kernel)) {
            return LinalgKernels.FAMILY;
        }
        return KernelSets.FOUNDATION;
    }

    /** Every kernel by name, in catalogue order. */
    public static Map<String, KernelSpec> all() {
        Map<String, KernelSpec> m = new LinkedHashMap<>();
        List<KernelSpec> list = new ArrayList<>(List.of(AXPY, SCAL, COPY, SWAP, DOT, NRM2, ASUM, IAMAX, SUM, MEAN, VARIANCE,
                MIN, MAX));
        list.addAll(BINARY.values());
        list.addAll(BINARY_SCALAR.values());
        list.add(FMA);
        list.add(FMA_SCALAR);
        list.addAll(UNARY.values());
        list.add(CLAMP);
        list.addAll(simulation()); // simulation kernels
        list.addAll(ANALYTICS);
        list.addAll(linalg().values());
        for (KernelSpec k : list) {
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }

    // ---- dense linear algebra (Linalg): shaped costs over the call's extents -------------------

    /** gemm over (m, n, k): 2mnk flops; reads A (m x k) and B (k x n), reads and writes C (m x n). */
    public static final KernelSpec GEMM = new KernelSpec("gemm", new KernelSpec.Cost() {
        @Override
        public double flops(long m, long n, long k) {
            return 2.0 * m * n * k;
        }

        @Override
        public double bytes(int eb, long m, long n, long k) {
            return (double) eb * ((double) m * k + (double) k * n + 2.0 * m * n);
        }
    });

    /** gemv over (m, n): 2mn flops; reads A and x, reads and writes y. */
    public static final KernelSpec GEMV = new KernelSpec("gemv", new KernelSpec.Cost() {
        @Override
        public double flops(long m, long n, long unused) {
            return 2.0 * m * n;
        }

        @Override
        public double bytes(int eb, long m, long n, long unused) {
            return (double) eb * ((double) m * n + n + 2.0 * m);
        }
    });

    /** ger over (m, n): 2mn flops; reads x and y, reads and writes A. */
    public static final KernelSpec GER = new KernelSpec("ger", new KernelSpec.Cost() {
        @Override
        public double flops(long m, long n, long unused) {
            return 2.0 * m * n;
        }

        @Override
        public double bytes(int eb, long m, long n, long unused) {
            return (double) eb * (2.0 * m * n + m + n);
        }
    });

    /** syrk over (n, k): n(n+1)k flops (one triangle); reads A (n x k), reads and writes a triangle of C. */
    public static final KernelSpec SYRK = new KernelSpec("syrk", new KernelSpec.Cost() {
        @Override
        public double flops(long n, long k, long unused) {
            return (double) n * (n + 1) * k;
        }

        @Override
        public double bytes(int eb, long n, long k, long unused) {
            return (double) eb * ((double) n * k + (double) n * (n + 1));
        }
    });

    /** The dense linear algebra kernels by name. */
    public static Map<String, KernelSpec> linalg() {
        Map<String, KernelSpec> m = new LinkedHashMap<>();
        for (KernelSpec k : List.of(GEMM, GEMV, GER, SYRK)) {
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }
}
