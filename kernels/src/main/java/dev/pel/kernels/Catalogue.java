package dev.pel.kernels;

import dev.pel.kernels.spi.BinaryOp;
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
        list.addAll(ANALYTICS);
        for (KernelSpec k : list) {
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }
}
