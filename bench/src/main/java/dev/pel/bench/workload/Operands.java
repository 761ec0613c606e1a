package dev.pel.bench.workload;

import dev.pel.runtime.DType;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The seeded inputs of one sweep point: vectors x and y of n elements, uniform in [-1, 1), in the
 * requested element type. Heap arrays, so Pel and every peer see the same memory. The original
 * values are kept so that {@link #reset()} restores them before each validation, and so that the
 * reference is computed from what the kernel was given.
 *
 * <p>Kernels that write (axpy, scal, copy) are timed repeatedly on the same arrays without a reset:
 * axpy uses a small {@link #AXPY_ALPHA} and scal alternates {@link #SCALE} with its inverse, so the
 * values stay bounded (no overflow, no subnormals) however many times they run.
 */
public final class Operands {
    /** The {@code a} of {@code y = a*x + y}: small, so y grows by at most |x|/1024 per call. */
    public static final double AXPY_ALPHA = 0x1p-10;
    /** The {@code a} of {@code x = a*x} in the first call after a reset; the next call scales by 1/SCALE. */
    public static final double SCALE = 1.25;

    private final DType dtype;
    private final int n;
    private final long seed;
    private final float[] x32;
    private final float[] y32;
    private final float[] x32Original;
    private final float[] y32Original;
    private final double[] x64;
    private final double[] y64;
    private final double[] x64Original;
    private final double[] y64Original;
    private boolean nextScaleUp = true;

    private Operands(DType dtype, int n, long seed) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.n = n;
        this.seed = seed;
        SplittableRandom rng = new SplittableRandom(seed);
        if (dtype == DType.F32) {
            x32Original = new float[n];
            y32Original = new float[n];
            for (int i = 0; i < n; i++) {
                x32Original[i] = (float) rng.nextDouble(-1, 1);
                y32Original[i] = (float) rng.nextDouble(-1, 1);
            }
            x32 = x32Original.clone();
            y32 = y32Original.clone();
            x64 = y64 = x64Original = y64Original = null;
        } else {
            x64Original = new double[n];
            y64Original = new double[n];
            for (int i = 0; i < n; i++) {
                x64Original[i] = rng.nextDouble(-1, 1);
                y64Original[i] = rng.nextDouble(-1, 1);
            }
            x64 = x64Original.clone();
            y64 = y64Original.clone();
            x32 = y32 = x32Original = y32Original = null;
        }
    }

    /**
     * Fresh operands of {@code n} elements drawn from {@code seed}.
     *
     * @throws IllegalArgumentException if n is negative or too large for a Java array
     */
    public static Operands generate(DType dtype, long n, long seed) {
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n: must be in [0, " + (Integer.MAX_VALUE - 8)
                    + "] (heap arrays), was " + n);
        }
        return new Operands(dtype, (int) n, seed);
    }

    public DType dtype() {
        return dtype;
    }

    public int n() {
        return n;
    }

    public long seed() {
        return seed;
    }

    /** Restores x and y to their generated values and the scale alternation to its start. */
    public void reset() {
        if (dtype == DType.F32) {
            System.arraycopy(x32Original, 0, x32, 0, n);
            System.arraycopy(y32Original, 0, y32, 0, n);
        } else {
            System.arraycopy(x64Original, 0, x64, 0, n);
            System.arraycopy(y64Original, 0, y64, 0, n);
        }
        nextScaleUp = true;
    }

    /** The factor for the next scal call: {@link #SCALE}, then 1/SCALE, and so on. */
    public double nextScale() {
        double s = nextScaleUp ? SCALE : 1 / SCALE;
        nextScaleUp = !nextScaleUp;
        return s;
    }

    public float[] xF32() {
        requireType(DType.F32);
        return x32;
    }

    public float[] yF32() {
        requireType(DType.F32);
        return y32;
    }

    public double[] xF64() {
        requireType(DType.F64);
        return x64;
    }

    public double[] yF64() {
        requireType(DType.F64);
        return y64;
    }

    /** Current value of x[i], widened to double. */
    public double x(int i) {
        return dtype == DType.F32 ? x32[i] : x64[i];
    }

    /** Current value of y[i], widened to double. */
    public double y(int i) {
        return dtype == DType.F32 ? y32[i] : y64[i];
    }

    /** Generated value of x[i], widened to double. */
    public double xOriginal(int i) {
        return dtype == DType.F32 ? x32Original[i] : x64Original[i];
    }

    /** Generated value of y[i], widened to double. */
    public double yOriginal(int i) {
        return dtype == DType.F32 ? y32Original[i] : y64Original[i];
    }

    private void requireType(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("operands hold " + dtype.label() + ", not " + wanted.label());
        }
    }
}
