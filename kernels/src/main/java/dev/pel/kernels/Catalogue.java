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

    /** The dense linear algebra kernels by name (kept apart from {@link #all()}, whose kernels are per-element). */
    public static Map<String, KernelSpec> linalg() {
        Map<String, KernelSpec> m = new LinkedHashMap<>();
        for (KernelSpec k : List.of(GEMM, GEMV, GER, SYRK)) {
            m.put(k.name(), k);
        }
        return Collections.unmodifiableMap(m);
    }
}
