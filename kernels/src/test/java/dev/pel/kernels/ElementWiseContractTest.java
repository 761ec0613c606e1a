package dev.pel.kernels;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.testing.BackendArgs;
import dev.pel.kernels.testing.BackendArgs.Target;
import dev.pel.kernels.testing.Case;
import dev.pel.kernels.testing.Checks;
import dev.pel.kernels.testing.Data;
import dev.pel.kernels.testing.GuardedArray;
import dev.pel.kernels.testing.GuardedArray.Storage;
import dev.pel.kernels.testing.Reference;
import dev.pel.kernels.testing.Sizes;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.KernelSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The element-wise contract on every backend x element type x size x storage: add, sub, mul, div
 * with a vector or a scalar operand (scalar last, and first for sub and div), fma in both forms,
 * abs, neg, sqrt, exp, log, tanh, sigmoid and clamp, each also in place (the output is one of the
 * inputs). Inputs include NaN, infinities, signed zeros, subnormals and extremes. Outputs start as
 * sentinel NaNs: every element must be written and accepted (exact, or within the ulps of
 * {@link Tolerances}), nothing around a view may change, and inputs that are not the output must
 * not change.
 */
@Tag("simd-width")
class ElementWiseContractTest {

    enum Kind {
        BINARY, SCALAR, SCALAR_FIRST, FMA, FMA_SCALAR, UNARY, CLAMP
    }

    /** Which input is also the output. */
    enum Alias {
        NONE(""), X(" out=x"), Y(" out=y"), Z(" out=z");

        final String label;

        Alias(String label) {
            this.label = label;
        }
    }

    /** One operation variant. */
    record Op(Kind kind, BinaryOp binary, UnaryOp unary, Alias alias) {
        KernelSpec spec() {
            return switch (kind) {
                case BINARY -> Catalogue.of(binary);
                case SCALAR, SCALAR_FIRST -> Catalogue.ofScalar(binary);
                case FMA -> Catalogue.FMA;
                case FMA_SCALAR -> Catalogue.FMA_SCALAR;
                case UNARY -> Catalogue.of(unary);
                case CLAMP -> Catalogue.CLAMP;
            };
        }

        @Override
        public String toString() {
            String base = switch (kind) {
                case BINARY -> binary.kernelName() + "(x, y)";
                case SCALAR -> binary.kernelName() + "(x, s)";
                case SCALAR_FIRST -> binary.kernelName() + "(s, x)";
                case FMA -> "fma(x, y, z)";
                case FMA_SCALAR -> "fma(x, a, b)";
                case UNARY -> unary.kernelName();
                case CLAMP -> "clamp";
            };
            return base + alias.label;
        }
    }

    static List<Op> ops() {
        List<Op> ops = new ArrayList<>();
        for (BinaryOp b : BinaryOp.values()) {
            for (Alias a : List.of(Alias.NONE, Alias.X, Alias.Y)) {
                ops.add(new Op(Kind.BINARY, b, null, a));
            }
            for (Alias a : List.of(Alias.NONE, Alias.X)) {
                ops.add(new Op(Kind.SCALAR, b, null, a));
                if (b == BinaryOp.SUB || b == BinaryOp.DIV) {
                    ops.add(new Op(Kind.SCALAR_FIRST, b, null, a));
                }
            }
        }
        for (Alias a : Alias.values()) {
            ops.add(new Op(Kind.FMA, null, null, a));
        }
        for (Alias a : List.of(Alias.NONE, Alias.X)) {
            ops.add(new Op(Kind.FMA_SCALAR, null, null, a));
            ops.add(new Op(Kind.CLAMP, null, null, a));
            for (UnaryOp u : UnaryOp.values()) {
                ops.add(new Op(Kind.UNARY, null, u, a));
            }
        }
        return ops;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (Op op : ops()) {
                    List<Integer> sizes = Sizes.of(op.spec(), t);
                    for (int k = 0; k < sizes.size(); k++) {
                        int n = sizes.get(k);
                        List<Storage> storages;
                        if (n >= Sizes.LARGE) {
                            if (op.alias() != Alias.NONE) {
                                continue;
                            }
                            storages = List.of(k % 2 == 0 ? Storage.VIEW : Storage.HEAP);
                        } else {
                            storages = op.alias() == Alias.NONE ? List.of(Storage.values()) : List.of(Storage.HEAP, Storage.VIEW);
                        }
                        for (Storage s : storages) {
                            out.add(Arguments.of(target, t, n, s, op));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    private static final double[] SPECIAL_SCALARS = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    /** Mostly an ordinary scalar; in one case of five a special one (division by zero, NaN, infinities). */
    private static double scalar(DType t, SplittableRandom r) {
        return r.nextInt(5) == 0 ? SPECIAL_SCALARS[r.nextInt(SPECIAL_SCALARS.length)] : Data.scalar(t, r);
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3} {4}")
    @MethodSource("cases")
    void elementWise(Target target, DType t, int n, Storage storage, Op op) {
        ElementWise ew = ElementWise.on(target.runtime(t));
        Case c = new Case(target.name(), t, n, storage.label() + " " + op, Data.seed(target.name(), t, n, storage, op));
        SplittableRandom r = Data.random(c.seed());
        double[] x = op.kind() == Kind.UNARY ? Data.forUnary(t, op.unary(), r, n) : Data.forBinary(t, op.binary(), r, n);
        double[] y = Data.forBinary(t, op.binary(), r, n);
        double[] z = Data.forBinary(t, op.binary(), r, n);
        double s1 = scalar(t, r);
        double s2 = scalar(t, r);
        double lo = Math.min(s1, s2);
        double hi = Math.max(s1, s2);
        if (op.kind() == Kind.CLAMP && !(lo <= hi)) { // NaN bounds are rejected (see BadInputTest)
            lo = Reference.round(t, -1.5);
            hi = Reference.round(t, 2.25);
        }
        double clampLo = lo;
        double clampHi = hi;
        boolean needsY = op.kind() == Kind.BINARY || op.kind() == Kind.FMA;
        boolean needsZ = op.kind() == Kind.FMA;

        Map<GuardedArray, String> arrays = new IdentityHashMap<>();
        GuardedArray gx = GuardedArray.of(t, storage, x);
        arrays.put(gx, "x");
        GuardedArray gy = needsY ? GuardedArray.of(t, storage, y) : null;
        GuardedArray gz = needsZ ? GuardedArray.of(t, storage, z) : null;
        GuardedArray out = switch (op.alias()) {
            case NONE -> GuardedArray.create(t, storage, n);
            case X -> gx;
            case Y -> gy;
            case Z -> gz;
        };
        if (gy != null) {
            arrays.put(gy, "y");
        }
        if (gz != null) {
            arrays.put(gz, "z");
        }
        arrays.put(out, "out");
        try {
            Map<GuardedArray, long[]> before = new IdentityHashMap<>();
            arrays.keySet().forEach(g -> before.put(g, g.snapshot()));
            CallRecord last = PelRuntime.lastCall();
            switch (op.kind()) {
                case BINARY -> gx.binary(ew, op.binary(), gy, out);
                case SCALAR -> gx.binaryScalar(ew, op.binary(), s1, false, out);
                case SCALAR_FIRST -> gx.binaryScalar(ew, op.binary(), s1, true, out);
                case FMA -> gx.fma(ew, gy, gz, out);
                case FMA_SCALAR -> gx.fmaScalar(ew, s1, s2, out);
                case UNARY -> gx.unary(ew, op.unary(), out);
                case CLAMP -> gx.clamp(ew, clampLo, clampHi, out);
            }
            Checks.ran(c, op.spec().name(), last);
            for (Map.Entry<GuardedArray, String> e : arrays.entrySet()) {
                if (e.getKey() != out) {
                    Checks.unchanged(c, e.getValue(), e.getKey(), before.get(e.getKey()));
                }
            }
            IntToDoubleFunction expected = switch (op.kind()) {
                case BINARY -> i -> Reference.binary(t, op.binary(), x[i], y[i]);
                case SCALAR -> i -> Reference.binary(t, op.binary(), x[i], s1);
                case SCALAR_FIRST -> i -> Reference.binary(t, op.binary(), s1, x[i]);
                case FMA -> i -> Reference.fma(t, x[i], y[i], z[i]);
                case FMA_SCALAR -> i -> Reference.fma(t, x[i], s1, s2);
                case UNARY -> i -> Reference.unary(t, op.unary(), x[i]);
                case CLAMP -> i -> Reference.clamp(t, x[i], clampLo, clampHi);
            };
            IntFunction<String> inputs = switch (op.kind()) {
                case BINARY -> i -> "x=" + c.fmt(x[i]) + " y=" + c.fmt(y[i]);
                case SCALAR, SCALAR_FIRST -> i -> "x=" + c.fmt(x[i]) + " s=" + c.fmt(s1);
                case FMA -> i -> "x=" + c.fmt(x[i]) + " y=" + c.fmt(y[i]) + " z=" + c.fmt(z[i]);
                case FMA_SCALAR -> i -> "x=" + c.fmt(x[i]) + " a=" + c.fmt(s1) + " b=" + c.fmt(s2);
                case UNARY -> i -> "x=" + c.fmt(x[i]);
                case CLAMP -> i -> "x=" + c.fmt(x[i]) + " lo=" + c.fmt(clampLo) + " hi=" + c.fmt(clampHi);
            };
            int ulps = op.kind() == Kind.UNARY ? Tolerances.ulps(op.unary()) : 0;
            String tolerance = ulps == 0 ? "exact"
                    : ulps + " ulp of StrictMath" + (op.unary() == UnaryOp.SIGMOID ? " (1/(1+exp(-x)) in double)" : "");
            Checks.output(c, "out", out, before.get(out), n, i -> i, expected, Checks.ulps(t, ulps), tolerance, inputs);
        } finally {
            arrays.keySet().forEach(GuardedArray::close);
        }
    }
}
