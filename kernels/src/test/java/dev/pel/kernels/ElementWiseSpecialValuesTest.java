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
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-picked inputs that random data almost never hits, repeated with a period prime to the lane
 * count so each lands in every lane and in the loop tail: fma inputs where rounding twice (the
 * product first, or the whole in double then to float) gives a different answer than rounding
 * once; signed zeros through clamp, abs, neg, sqrt and division; and the edges of exp, log, tanh
 * and sigmoid (overflow, subnormal results, saturation).
 */
@Tag("simd-width")
class ElementWiseSpecialValuesTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                int l = Sizes.lanes(t);
                for (int n : new TreeSet<>(List.of(1, l - 1, l + 1, 4 * l + 3, 263))) {
                    for (Storage s : List.of(Storage.HEAP, Storage.VIEW)) {
                        out.add(Arguments.of(target, t, n, s));
                    }
                }
            }
        }
        return out.stream();
    }

    /** n values cycling through {@code pattern}, from a phase so that n = 1 does not always see the first. */
    private static double[] cycle(DType t, double[] pattern, int n, int phase) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Reference.round(t, pattern[(i + phase) % pattern.length]);
        }
        return v;
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void fmaRoundsOnceEvenWhereRoundingTwiceDiffers(Target target, DType t, int n, Storage s) {
        ElementWise ew = ElementWise.on(target.runtime(t));
        // x*y lands exactly halfway between two neighbours of the element type and z tips it upwards:
        // once-rounded goes up; rounding the product (or the sum in double, for f32) first goes to even.
        // f32: (1+2^-12)^2 = 1 + 2^-11 + 2^-24; f64: (1+2^-26)(1+2^-27) = 1 + 2^-26 + 2^-27 + 2^-53
        double hx = t == DType.F32 ? 0x1p-12 : 0x1p-26;
        double hy = t == DType.F32 ? 0x1p-12 : 0x1p-27;
        double tiny = t == DType.F32 ? 0x1p-80 : 0x1p-200;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        for (int i = 0; i < n; i++) {
            double sign = i % 3 == 1 ? -1 : 1;
            xs[i] = sign * (1 + hx);
            ys[i] = 1 + hy;
            zs[i] = sign * tiny;
        }
        Case c = new Case(target.name(), t, n, s.label() + " fma trap", 0);
        try (GuardedArray x = GuardedArray.of(t, s, xs); GuardedArray y = GuardedArray.of(t, s, ys);
                GuardedArray z = GuardedArray.of(t, s, zs); GuardedArray out = GuardedArray.create(t, s, n)) {
            long[] o0 = out.snapshot();
            CallRecord before = PelRuntime.lastCall();
            x.fma(ew, y, z, out);
            Checks.ran(c, "fma", before);
            Checks.output(c, "fma(x, y, z)", out, o0, n, i -> i, i -> Reference.fma(t, xs[i], ys[i], zs[i]), Checks.exact(t),
                    "exact: one rounding", i -> "x=" + c.fmt(xs[i]) + " y=" + c.fmt(ys[i]) + " z=" + c.fmt(zs[i]));
            before = PelRuntime.lastCall();
            y.fmaScalar(ew, 1 + hx, tiny, out);
            Checks.ran(c, "fma-scalar", before);
            Checks.output(c, "fma(y, a, b)", out, o0, n, i -> i, i -> Reference.fma(t, ys[i], 1 + hx, tiny), Checks.exact(t),
                    "exact: one rounding", i -> "x=" + c.fmt(ys[i]) + " a=" + c.fmt(1 + hx) + " b=" + c.fmt(tiny));
        }
    }

    private static final double[] ZEROS_AND_FRIENDS = {5, -0.0, Double.NaN, 0.0, -5, Double.MIN_VALUE, Double.NEGATIVE_INFINITY,
        -Double.MIN_VALUE, Double.POSITIVE_INFINITY, 0.5, -0.0, 0.0, -0.25};

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void signedZerosAndNaNThroughExactOperations(Target target, DType t, int n, Storage s) {
        ElementWise ew = ElementWise.on(target.runtime(t));
        double[] xs = cycle(t, ZEROS_AND_FRIENDS, n, n % ZEROS_AND_FRIENDS.length);
        double[] ys = cycle(t, ZEROS_AND_FRIENDS, n, (n + 4) % ZEROS_AND_FRIENDS.length);
        Case c = new Case(target.name(), t, n, s.label() + " zeros", 0);
        try (GuardedArray x = GuardedArray.of(t, s, xs); GuardedArray y = GuardedArray.of(t, s, ys);
                GuardedArray out = GuardedArray.create(t, s, n)) {
            long[] o0 = out.snapshot();
            for (double[] bounds : new double[][] {{-0.0, 0.0}, {0.0, 0.0}, {-0.0, -0.0}, {-1, 1}, {0.25, 0.25}}) {
                double lo = Reference.round(t, bounds[0]);
                double hi = Reference.round(t, bounds[1]);
                CallRecord before = PelRuntime.lastCall();
                x.clamp(ew, lo, hi, out);
                Checks.ran(c, "clamp", before);
                Checks.output(c, "clamp(x, " + lo + ", " + hi + ")", out, o0, n, i -> i, i -> Reference.clamp(t, xs[i], lo, hi),
                        Checks.exact(t), "exact", i -> "x=" + c.fmt(xs[i]));
            }
            for (UnaryOp op : List.of(UnaryOp.ABS, UnaryOp.NEG, UnaryOp.SQRT)) {
                CallRecord before = PelRuntime.lastCall();
                x.unary(ew, op, out);
                Checks.ran(c, op.kernelName(), before);
                Checks.output(c, op.kernelName(), out, o0, n, i -> i, i -> Reference.unary(t, op, xs[i]), Checks.exact(t), "exact",
                        i -> "x=" + c.fmt(xs[i]));
            }
            for (BinaryOp op : BinaryOp.values()) {
                CallRecord before = PelRuntime.lastCall();
                x.binary(ew, op, y, out);
                Checks.ran(c, op.kernelName(), before);
                Checks.output(c, op.kernelName(), out, o0, n, i -> i, i -> Reference.binary(t, op, xs[i], ys[i]), Checks.exact(t),
                        "exact", i -> "x=" + c.fmt(xs[i]) + " y=" + c.fmt(ys[i]));
            }
            for (double sc : new double[] {-0.0, 0.0, Double.POSITIVE_INFINITY}) {
                for (BinaryOp op : List.of(BinaryOp.SUB, BinaryOp.DIV)) {
                    CallRecord before = PelRuntime.lastCall();
                    x.binaryScalar(ew, op, sc, true, out);
                    Checks.ran(c, op.kernelName() + "-scalar", before);
                    Checks.output(c, sc + " " + op.kernelName() + " x", out, o0, n, i -> i, i -> Reference.binary(t, op, sc, xs[i]),
                            Checks.exact(t), "exact", i -> "x=" + c.fmt(xs[i]));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void transcendentalEdges(Target target, DType t, int n, Storage s) {
        ElementWise ew = ElementWise.on(target.runtime(t));
        boolean f32 = t == DType.F32;
        List<Object[]> edges = List.of(
                new Object[] {UnaryOp.EXP, f32 ? new double[] {-103.5, -100, -87.5, -87.3, 88.72, 88.73, 0x1p-30, -0.0, 1}
                    : new double[] {-745.1, -740, -708.5, -708.3, 709.78, 709.79, 0x1p-60, -0.0, 1}},
                new Object[] {UnaryOp.LOG, f32 ? new double[] {Float.MIN_VALUE, 0x1p-127, Float.MAX_VALUE, 1 + 0x1p-23, 1 - 0x1p-24, 0.0, -0.0, 2}
                    : new double[] {Double.MIN_VALUE, 0x1p-1023, Double.MAX_VALUE, 1 + 0x1p-52, 1 - 0x1p-53, 0.0, -0.0, 2}},
                new Object[] {UnaryOp.TANH, f32 ? new double[] {0x1p-140, -0x1p-30, 0.55, -8.5, 9.1, 19, -0.0, 0x1p-12}
                    : new double[] {0x1p-1060, -0x1p-60, 0.55, -19, 19.1, 23, -0.0, 0x1p-27}},
                new Object[] {UnaryOp.SIGMOID, f32 ? new double[] {-104, -100, -95, -88.8, -87, 16.7, 17, 89, 0x1p-30, -0.0}
                    : new double[] {-709, -700, -37, -36.7, 36.7, 37.5, 0x1p-60, -0.0}});
        for (Object[] e : edges) {
            UnaryOp op = (UnaryOp) e[0];
            double[] xs = cycle(t, (double[]) e[1], n, n % ((double[]) e[1]).length);
            Case c = new Case(target.name(), t, n, s.label() + " " + op.kernelName() + " edges", Data.seed(op));
            try (GuardedArray x = GuardedArray.of(t, s, xs); GuardedArray out = GuardedArray.create(t, s, n)) {
                long[] o0 = out.snapshot();
                CallRecord before = PelRuntime.lastCall();
                x.unary(ew, op, out);
                Checks.ran(c, op.kernelName(), before);
                Checks.output(c, op.kernelName(), out, o0, n, i -> i, i -> Reference.unary(t, op, xs[i]),
                        Checks.ulps(t, Tolerances.ulps(op)), Tolerances.ulps(op) + " ulp", i -> "x=" + c.fmt(xs[i]));
            }
        }
    }
}
