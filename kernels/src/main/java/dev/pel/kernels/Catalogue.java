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
}
