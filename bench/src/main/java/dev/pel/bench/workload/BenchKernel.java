package dev.pel.bench.workload;

import dev.pel.kernels.Catalogue;
import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.DType;
import dev.pel.runtime.dispatch.KernelSpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kernels the sweep and the JMH benchmarks measure (the foundation kernels: BLAS level 1,
 * reductions, and a representative set of element-wise ones), each with its float64 reference and
 * the tolerance a correct implementation meets (STYLE.md, Tests):
 * <ul>
 *   <li>reductions: {@code n * ulp(1) * sum|terms|}, which covers any summation order in the
 *       element type (mean: that over n, plus the quotient's rounding; variance: the same bound
 *       carried through the deviations, see {@link #verify}); min, max and iamax are exact;</li>
 *   <li>axpy: {@code ulp(1) * (|a*x| + |y|)}, which covers a fused or unfused multiply-add; scal:
 *       {@code ulp(1) * |a*x|};</li>
 *   <li>copy, swap, add, mul, fma and clamp: exact (each is one correctly rounded operation, fma
 *       with a single rounding);</li>
 *   <li>exp and sigmoid: within the ulps the implementation promises ({@link Accuracy}: the CPU
 *       backends and the peers, or an OpenCL device) of StrictMath in double rounded to the
 *       element type.</li>
 * </ul>
 */
public enum BenchKernel {
    DOT(Catalogue.DOT, Output.RESULT, Array.X, Array.Y),
    AXPY(Catalogue.AXPY, Output.Y, Array.X, Array.Y),
    SCAL(Catalogue.SCAL, Output.X, Array.X),
    COPY(Catalogue.COPY, Output.Y, Array.X, Array.Y),
    SWAP(Catalogue.SWAP, Output.X_AND_Y, Array.X, Array.Y),
    ASUM(Catalogue.ASUM, Output.RESULT, Array.X),
    NRM2(Catalogue.NRM2, Output.RESULT, Array.X),
    IAMAX(Catalogue.IAMAX, Output.RESULT, Array.X),
    SUM(Catalogue.SUM, Output.RESULT, Array.X),
    MEAN(Catalogue.MEAN, Output.RESULT, Array.X),
    VARIANCE(Catalogue.VARIANCE, Output.RESULT, Array.X),
    MIN(Catalogue.MIN, Output.RESULT, Array.X),
    MAX(Catalogue.MAX, Output.RESULT, Array.X),
    ADD(Catalogue.of(BinaryOp.ADD), Output.OUT, Array.X, Array.Y, Array.OUT),
    MUL(Catalogue.of(BinaryOp.MUL), Output.OUT, Array.X, Array.Y, Array.OUT),
    FMA(Catalogue.FMA, Output.OUT, Array.X, Array.Y, Array.Z, Array.OUT),
    EXP(Catalogue.of(UnaryOp.EXP), Output.OUT, Array.X, Array.OUT),
    SIGMOID(Catalogue.of(UnaryOp.SIGMOID), Output.OUT, Array.X, Array.OUT),
    CLAMP(Catalogue.CLAMP, Output.OUT, Array.X, Array.OUT);

    /** The arrays of {@link Operands} a kernel reads or writes. */
    public enum Array { X, Y, Z, OUT }

    /** Where a kernel leaves its result. */
    private enum Output { RESULT, X, Y, X_AND_Y, OUT }

    private final KernelSpec spec;
    private final Output output;
    private final Set<Array> arrays;

    BenchKernel(KernelSpec spec, Output output, Array first, Array... rest) {
        this.spec = spec;
        this.output = output;
        this.arrays = java.util.Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** The catalogue entry: name, flops and bytes per element. */
    public KernelSpec spec() {
        return spec;
    }

    /** The kernel's name as the catalogue, the command line and the CSV spell it. */
    public String label() {
        return spec.name();
    }

    /** The arrays the kernel uses, in the order x, y, z, out. */
    public Set<Array> arrays() {
        return arrays;
    }

    /**
     * The kernel called {@code name}.
     *
     * @throws IllegalArgumentException naming the kernels that exist
     */
    public static BenchKernel parse(String name) {
        for (BenchKernel k : values()) {
            if (k.label().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("kernel: unknown kernel '" + name + "'; known: " + names());
    }

    /** Every kernel's name, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(BenchKernel::label).collect(Collectors.joining(", "));
    }

    /** {@link #verify(Operands, double, String, Accuracy)} for a CPU backend or a peer. */
    public void verify(Operands in, double result, String who) {
        verify(in, result, who, Accuracy.HOST);
    }

    /**
     * Checks what one call left behind against the float64 reference computed from the operands'
     * generated values. Call it right after {@link Operands#reset()} and exactly one call (for a
     * resident call: after {@link ResidentOperands#store()}).
     *
     * @param result   what the call returned (ignored for kernels that write an array)
     * @param who      the backend or peer that made the call, for the message
     * @param accuracy what the implementation that ran promises for exp and sigmoid
     * @throws WrongResultException naming the kernel, the inputs, the backend and the first bad value
     */
    public void verify(Operands in, double result, String who, Accuracy accuracy) {
        double ulp1 = in.dtype() == DType.F32 ? Math.ulp(1f) : Math.ulp(1d);
        switch (output) {
            case RESULT -> verifyResult(in, result, who, ulp1);
            default -> verifyElements(in, who, ulp1, accuracy);
        }
    }

    private void verifyResult(Operands in, double result, String who, double ulp1) {
        int n = in.n();
        double value;
        double tolerance;
        switch (this) {
            case MIN, MAX -> {
                value = in.xOriginal(0);
                for (int i = 1; i < n; i++) {
                    value = this == MIN ? Math.min(value, in.xOriginal(i)) : Math.max(value, in.xOriginal(i));
                }
                tolerance = 0;
            }
            case IAMAX -> {
                int best = n == 0 ? -1 : 0;
                for (int i = 1; i < n; i++) {
                    if (Math.abs(in.xOriginal(i)) > Math.abs(in.xOriginal(best))) {
                        best = i;
                    }
                }
                value = best;
                tolerance = 0;
            }
            case VARIANCE -> {
                double mean = 0;
                double maxAbs = 0;
                for (int i = 0; i < n; i++) {
                    mean += in.xOriginal(i);
                    maxAbs = Math.max(maxAbs, Math.abs(in.xOriginal(i)));
                }
                mean /= n;
                double sumSq = 0;
                double sumAbsDev = 0;
                for (int i = 0; i < n; i++) {
                    double d = in.xOriginal(i) - mean;
                    sumSq += d * d;
                    sumAbsDev += Math.abs(d);
                }
                value = sumSq / n;
                // Any order of summation: k = n roundings per term. An error delta in the mean costs
                // at most 2 delta sum|d| + n delta^2 in the sum of squares (4 delta sum|d| allows for
                // per-block means combined afterwards), and forming and summing the squares (k+3) u V.
                double k = Math.max(n, 1);
                double delta = k * ulp1 * maxAbs;
                tolerance = ((k + 3) * ulp1 * sumSq + 4 * delta * sumAbsDev + n * delta * delta) / n + ulp1 * value;
            }
            default -> {
                value = 0;
                double magnitude = 0; // sum of |terms|: what the rounding error is proportional to
                for (int i = 0; i < n; i++) {
                    double x = in.xOriginal(i);
                    double term = switch (this) {
                        case DOT -> x * in.yOriginal(i);
                        case ASUM -> Math.abs(x);
                        case NRM2 -> x * x;
                        case SUM, MEAN -> x;
                        default -> throw new AssertionError(this);
                    };
                    value += term;
                    magnitude += Math.abs(term);
                }
                tolerance = Math.max(n, 1) * ulp1 * magnitude;
                if (this == NRM2) {
                    value = Math.sqrt(value);
                    tolerance = Math.max(n, 1) * ulp1 * value;
                } else if (this == MEAN) {
                    value /= n;
                    tolerance = tolerance / n + ulp1 * Math.abs(value);
                }
            }
        }
        if (!(Math.abs(result - value) <= tolerance)) {
            throw new WrongResultException(String.format(Locale.ROOT,
                    "%s gave a wrong result for %s %s n=%d (seed %d): got %s, float64 reference %s, tolerance %s",
                    who, label(), in.dtype().label(), n, in.seed(), result, value, tolerance == 0 ? "exact" : tolerance));
        }
    }

    private void verifyElements(Operands in, String who, double ulp1, Accuracy accuracy) {
        boolean f32 = in.dtype() == DType.F32;
        for (int i = 0; i < in.n(); i++) {
            double x = in.xOriginal(i);
            double y = in.yOriginal(i);
            switch (this) {
                case AXPY -> check(in, who, i, "y", in.y(i), Operands.AXPY_ALPHA * x + y,
                        ulp1 * (Math.abs(Operands.AXPY_ALPHA * x) + Math.abs(y)), 0);
                case SCAL -> check(in, who, i, "x", in.x(i), Operands.SCALE * x, ulp1 * Math.abs(Operands.SCALE * x), 0);
                case COPY -> check(in, who, i, "y", in.y(i), x, 0, 0);
                case SWAP -> {
                    check(in, who, i, "x", in.x(i), y, 0, 0);
                    check(in, who, i, "y", in.y(i), x, 0, 0);
                }
                case ADD -> check(in, who, i, "out", in.out(i), round(f32, x + y), 0, 0);
                case MUL -> check(in, who, i, "out", in.out(i), round(f32, x * y), 0, 0);
                case FMA -> {
                    double z = in.zOriginal(i);
                    double expected = f32 ? Math.fma((float) x, (float) y, (float) z) : Math.fma(x, y, z);
                    check(in, who, i, "out", in.out(i), expected, 0, 0);
                }
                case CLAMP -> check(in, who, i, "out", in.out(i), Math.min(Math.max(x, Operands.CLAMP_LO), Operands.CLAMP_HI),
                        0, 0);
                case EXP -> check(in, who, i, "out", in.out(i), round(f32, StrictMath.exp(x)), 0, accuracy.expUlps());
                case SIGMOID -> check(in, who, i, "out", in.out(i), round(f32, 1 / (1 + StrictMath.exp(-x))), 0,
                        accuracy.sigmoidUlps());
                default -> throw new AssertionError(this);
            }
        }
    }

    /**
     * Accepts {@code got} when it equals {@code expected}, is within {@code tolerance} of it, or
     * within {@code ulps} ulps of the element type.
     */
    private void check(Operands in, String who, int i, String array, double got, double expected, double tolerance, int ulps) {
        if (got == expected || Math.abs(got - expected) <= tolerance
                || (ulps > 0 && ulpDistance(in.dtype(), got, expected) <= ulps)) {
            return;
        }
        String allowed = ulps > 0 ? ulps + " ulp" : tolerance > 0 ? String.valueOf(tolerance) : "exact";
        StringBuilder inputs = new StringBuilder("x=").append(in.xOriginal(i));
        if (arrays.contains(Array.Y)) {
            inputs.append(", y=").append(in.yOriginal(i));
        }
        if (arrays.contains(Array.Z)) {
            inputs.append(", z=").append(in.zOriginal(i));
        }
        throw new WrongResultException(String.format(Locale.ROOT,
                "%s gave a wrong result for %s %s n=%d (seed %d): %s[%d] (%s) got %s, float64 reference %s, tolerance %s",
                who, label(), in.dtype().label(), in.n(), in.seed(), array, i, inputs, got, expected, allowed));
    }

    /** {@code v} rounded once to the element type. */
    private static double round(boolean f32, double v) {
        return f32 ? (float) v : v;
    }

    /** Representable values of the element type between a and b (0 when equal); NaN is infinitely far. */
    static long ulpDistance(DType t, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        long oa = t == DType.F32 ? ordered(Float.floatToRawIntBits((float) a)) : ordered(Double.doubleToRawLongBits(a));
        long ob = t == DType.F32 ? ordered(Float.floatToRawIntBits((float) b)) : ordered(Double.doubleToRawLongBits(b));
        try {
            return Math.abs(Math.subtractExact(oa, ob));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // opposite signs, far apart
        }
    }

    private static long ordered(int bits) {
        long magnitude = bits & 0x7fffffffL;
        return bits < 0 ? -magnitude : magnitude;
    }

    private static long ordered(long bits) {
        long magnitude = bits & Long.MAX_VALUE;
        return bits < 0 ? -magnitude : magnitude;
    }
}
