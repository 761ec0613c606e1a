package dev.pel.bench.workload;

import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.dispatch.KernelSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kernels the sweep and the JMH benchmarks measure, each with its float64 reference and the
 * tolerance a correct implementation meets (STYLE.md, Tests): for reductions
 * {@code n * ulp(1) * sum|terms|}, which covers any summation order in the element type; for
 * element-wise outputs {@code ulp(1) * (|a*x| + |y|)}, which covers a fused or unfused multiply-add.
 */
public enum BenchKernel {
    DOT(Catalogue.DOT, Output.RESULT),
    AXPY(Catalogue.AXPY, Output.Y),
    SCAL(Catalogue.SCAL, Output.X),
    COPY(Catalogue.COPY, Output.Y),
    ASUM(Catalogue.ASUM, Output.RESULT),
    NRM2(Catalogue.NRM2, Output.RESULT),
    SUM(Catalogue.SUM, Output.RESULT);

    /** Where a kernel leaves its result. */
    private enum Output { RESULT, X, Y }

    private final KernelSpec spec;
    private final Output output;

    BenchKernel(KernelSpec spec, Output output) {
        this.spec = spec;
        this.output = output;
    }

    /** The catalogue entry: name, flops and bytes per element. */
    public KernelSpec spec() {
        return spec;
    }

    /** The kernel's name as the catalogue, the command line and the CSV spell it. */
    public String label() {
        return spec.name();
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

    /**
     * Checks what one call left behind against the float64 reference computed from the operands'
     * generated values. Call it right after {@link Operands#reset()} and exactly one call.
     *
     * @param result what the call returned (ignored for kernels that write an array)
     * @param who    the backend or peer that made the call, for the message
     * @throws WrongResultException naming the kernel, the inputs, the backend and the first bad value
     */
    public void verify(Operands in, double result, String who) {
        double ulp1 = in.dtype() == DType.F32 ? Math.ulp(1f) : Math.ulp(1d);
        if (output == Output.RESULT) {
            verifyResult(in, result, who, ulp1);
        } else {
            verifyElements(in, who, ulp1);
        }
    }

    private void verifyResult(Operands in, double result, String who, double ulp1) {
        int n = in.n();
        double value = 0;
        double magnitude = 0; // sum of |terms|: what the rounding error is proportional to
        for (int i = 0; i < n; i++) {
            double x = in.xOriginal(i);
            double term = switch (this) {
                case DOT -> x * in.yOriginal(i);
                case ASUM -> Math.abs(x);
                case NRM2 -> x * x;
                case SUM -> x;
                default -> throw new AssertionError(this);
            };
            value += term;
            magnitude += Math.abs(term);
        }
        if (this == NRM2) {
            value = Math.sqrt(value);
            magnitude = value;
        }
        double tolerance = Math.max(n, 1) * ulp1 * magnitude;
        if (!(Math.abs(result - value) <= tolerance)) {
            throw new WrongResultException(String.format(Locale.ROOT,
                    "%s gave a wrong result for %s %s n=%d (seed %d): got %s, float64 reference %s, tolerance %s",
                    who, label(), in.dtype().label(), n, in.seed(), result, value, tolerance));
        }
    }

    private void verifyElements(Operands in, String who, double ulp1) {
        for (int i = 0; i < in.n(); i++) {
            double x = in.xOriginal(i);
            double y = in.yOriginal(i);
            double expected;
            double magnitude;
            double got;
            switch (this) {
                case AXPY -> {
                    expected = Operands.AXPY_ALPHA * x + y;
                    magnitude = Math.abs(Operands.AXPY_ALPHA * x) + Math.abs(y);
                    got = in.y(i);
                }
                case SCAL -> {
                    expected = Operands.SCALE * x;
                    magnitude = Math.abs(expected);
                    got = in.x(i);
                }
                case COPY -> {
                    expected = x;
                    magnitude = 0; // a copy is exact
                    got = in.y(i);
                }
                default -> throw new AssertionError(this);
            }
            double tolerance = ulp1 * magnitude;
            if (!(Math.abs(got - expected) <= tolerance)) {
                throw new WrongResultException(String.format(Locale.ROOT,
                        "%s gave a wrong result for %s %s n=%d (seed %d): at index %d (x=%s, y=%s) got %s, float64 reference %s,"
                                + " tolerance %s", who, label(), in.dtype().label(), in.n(), in.seed(), i, x, y, got,
                        expected, tolerance));
            }
        }
    }
}
