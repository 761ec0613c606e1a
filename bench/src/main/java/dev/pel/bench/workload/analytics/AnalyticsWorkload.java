package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.Workload;
import dev.pel.kernels.analytics.AnalyticsFamily;
import dev.pel.runtime.DType;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.spi.Backend;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the analytics workloads share: the name and cost of their catalogue entry, the backends
 * of the analytics kernel family, and operands made from extents, so the sweep (which maps its size
 * n to extents with {@link #extents}) and the JMH benchmark (which asks for published problem
 * sizes) prepare them the same way.
 *
 * <p>Every instance poisons its outputs when a call is bound (NaN, or -1 for counts and indices;
 * the in-place kernels, sort and FFT, get their unsorted or untransformed input back), so a backend
 * that writes nothing, or only part of an output, fails {@link Instance#verify} instead of passing on
 * what an earlier contender left there. The in-place kernels also restore their input inside each
 * call: the measured time includes that copy (documented on each).
 */
public abstract class AnalyticsWorkload implements Workload {
    private final KernelSpec spec;

    AnalyticsWorkload(KernelSpec spec) {
        this.spec = spec;
    }

    /** The catalogue's name of the kernel, which is also the sweep's (CSV, {@code --kernels}). */
    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public KernelSpec spec() {
        return spec;
    }

    /** The analytics family decides: every CPU backend, OpenCL for f32 and for f64 with cl_khr_fp64. */
    @Override
    public boolean supports(Backend backend, DType dtype) {
        return AnalyticsFamily.ANALYTICS.supports(backend, dtype);
    }

    @Override
    public final Instance prepare(DType dtype, long n, long seed) {
        long[] e = extents(n);
        return prepareExtents(dtype, e, seed, String.format(Locale.ROOT, "%s %s n=%d (%s, seed %d)", name(), dtype.label(), n,
                describe(e), seed));
    }

    /** Seeded operands of the given extents (as {@link #extents} returns them), e.g. a published benchmark's size. */
    public final Instance prepareExtents(DType dtype, long[] extents, long seed) {
        return prepareExtents(dtype, extents, seed, String.format(Locale.ROOT, "%s %s (%s, seed %d)", name(), dtype.label(),
                describe(extents), seed));
    }

    /**
     * Seeded operands; {@code point} names them in wrong-result messages.
     */
    abstract Instance prepareExtents(DType dtype, long[] extents, long seed, String point);

    /** The extents in words, e.g. {@code nnz 1000, rows 62}. */
    String describe(long[] e) {
        if (e[1] == 1 && e[2] == 1) {
            return e[0] + " elements";
        }
        return Arrays.stream(e).mapToObj(Long::toString).collect(Collectors.joining(" x "));
    }

    /** An extent as an array length. */
    static int length(String what, long extent) {
        if (extent < 1 || extent > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + ": must be in [1, " + (Integer.MAX_VALUE - 8) + "], was " + extent);
        }
        return (int) extent;
    }

    /** Unit roundoff of the element type: 2^-24 (f32), 2^-53 (f64). */
    static double u(DType t) {
        return t == DType.F32 ? 0x1p-24 : 0x1p-53;
    }

    /** Unit roundoff of the float64 references (their own error is added to every tolerance). */
    static final double U64 = 0x1p-53;
}
