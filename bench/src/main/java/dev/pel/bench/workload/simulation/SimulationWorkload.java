package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.WrongResultException;
import dev.pel.kernels.SimulationKernelSets;
import dev.pel.runtime.DType;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.spi.Backend;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A simulation kernel of the {@code Simulation} facade as a sweep {@link Workload}. A problem has a
 * <em>shape</em>, the kernel's own extents ({@link #shape}: e.g. heat2d {nx, ny}, convolve2d
 * {w, h, kw, kh}); the sweep size n picks a shape so that the work grows about linearly with n,
 * and the JMH benchmark ({@code SimulationBenchmark}) asks for TornadoVM's shapes directly through
 * {@link #prepare(DType, int[], long)}.
 *
 * <p>Every instance keeps the seeded original inputs, restores them and fills the outputs with NaN
 * whenever a call is bound ({@link Workload.Instance#bind}), so each contender of a point starts
 * from the same state, an element a backend leaves unwritten fails the check, and nothing a
 * previous contender left behind is taken for this one's result. The float64 reference is computed
 * once per instance, on the first check, and shared by the point's contenders. Timed calls repeat
 * the bound call without restoring anything: the kernels that only write outputs give the same
 * result each time; n-body, which updates in place, goes on simulating (its work does not depend
 * on the positions), and only the first call, the checked one, starts from the seeded state.
 */
public abstract class SimulationWorkload implements Workload {
    private final String name;
    private final KernelSpec spec;

    SimulationWorkload(String name, KernelSpec spec) {
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
        if (!name.equals(spec.name())) {
            throw new IllegalArgumentException("workload " + name + " measures catalogue kernel " + spec.name());
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final KernelSpec spec() {
        return spec;
    }

    /** The problem's shape at sweep size n (see each workload's class comment for the mapping). */
    public abstract int[] shape(long n);

    /** The extents (d0, d1, d2) the catalogue's cost function takes for a problem of this shape. */
    public abstract long[] extentsOf(int[] shape);

    /** Operands of a problem of this shape, drawn from seed. */
    public abstract Instance prepare(DType dtype, int[] shape, long seed);

    @Override
    public final long[] extents(long n) {
        return extentsOf(shape(n));
    }

    @Override
    public final Instance prepare(DType dtype, long n, long seed) {
        return prepare(dtype, shape(n), seed);
    }

    /** Element types the kernel has; the random bits and Monte Carlo pi are typeless and swept as f32 only. */
    protected boolean hasType(DType dtype) {
        return true;
    }

    /** The simulation kernel family says, for the types this kernel has. */
    @Override
    public final boolean supports(Backend backend, DType dtype) {
        return hasType(dtype) && SimulationKernelSets.SIMULATION.supports(backend, dtype);
    }

    /** Why the backend does not run this workload at dtype. */
    public final String whyNot(Backend backend, DType dtype) {
        if (!hasType(dtype)) {
            return name + " has no " + dtype.label() + " variant (its results are integers; it is measured as f32)";
        }
        return SimulationKernelSets.SIMULATION.whyNot(backend, dtype);
    }

    // ---- helpers shared by the workloads ----

    /** floor(sqrt(n)), exactly. */
    static int isqrt(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) {
            r--;
        }
        while ((r + 1) * (r + 1) <= n) {
            r++;
        }
        return (int) r;
    }

    /** floor(cbrt(n)), exactly. */
    static int icbrt(long n) {
        long r = (long) Math.cbrt((double) n);
        while (r * r * r > n) {
            r--;
        }
        while ((r + 1) * (r + 1) * (r + 1) <= n) {
            r++;
        }
        return (int) r;
    }

    /** The sweep size as a shape extent, at least 1. */
    static int count(long n) {
        if (n < 1 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n: must be in [1, " + (Integer.MAX_VALUE - 8) + "], was " + n);
        }
        return (int) n;
    }

    static void requireShape(String workload, int[] shape, int length) {
        if (shape.length != length) {
            throw new IllegalArgumentException("shape: " + workload + " takes " + length + " extents, was " + Arrays.toString(shape));
        }
        for (int e : shape) {
            if (e < 1) {
                throw new IllegalArgumentException("shape: every extent of " + workload + " must be >= 1, was "
                        + Arrays.toString(shape));
            }
        }
    }

    /** n values uniform in [lo, hi), each rounded once to the element type (so the reference sees what the kernel sees). */
    static double[] data(DType t, SplittableRandom r, int n, double lo, double hi) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double v = lo + (hi - lo) * r.nextDouble();
            d[i] = t == DType.F32 ? (float) v : v;
        }
        return d;
    }

    static float[] f32(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** {@code v} as the element type sees it. */
    static double typed(DType t, double v) {
        return t == DType.F32 ? (float) v : v;
    }

    static void copy(double[] from, float[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = (float) from[i];
        }
    }

    /**
     * The worst element of a check: the one that exceeds its bound by the largest factor. Elements
     * within their bound, and NaN where NaN is expected, pass; a NaN (an unwritten element) where a
     * number is expected fails.
     */
    static final class Worst {
        private final String prefix;
        private double worstRatio = 1;
        private String worst;
        private long failures;

        /** {@code prefix}: who gave the result and for which point, e.g. "cpu-simd gave a wrong result for heat2d f32 n=1024 (seed 42)". */
        Worst(String prefix) {
            this.prefix = prefix;
        }

        void check(String array, long i, double expected, double got, double bound) {
            double diff = Math.abs(got - expected);
            if (diff <= bound) {
                return;
            }
            failures++;
            double ratio = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / Math.max(bound, Double.MIN_VALUE);
            if (worst == null || ratio > worstRatio) {
                worstRatio = ratio;
                worst = String.format(Locale.ROOT, "%s[%d] got %s, float64 reference %s, tolerance %s", array, i, got, expected,
                        bound == 0 ? "exact" : bound);
            }
        }

        /** @throws WrongResultException naming the worst element and how many failed */
        void done() {
            if (failures > 0) {
                throw new WrongResultException(String.format(Locale.ROOT, "%s: %s (%d element(s) outside the tolerance)", prefix, worst,
                        failures));
            }
        }
    }

    /** "who gave a wrong result for kernel dtype shape ... (seed ...)": the start of every message. */
    final String prefix(String who, DType dtype, int[] shape, long seed) {
        return String.format(Locale.ROOT, "%s gave a wrong result for %s %s shape %s (seed %d)", who, name, dtype.label(),
                describe(shape), seed);
    }

    /** The shape for messages and benchmark labels, e.g. {@code 1024x1024}. */
    public String describe(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
