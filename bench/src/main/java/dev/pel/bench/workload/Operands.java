package dev.pel.bench.workload;

import dev.pel.runtime.DType;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The seeded inputs of one sweep point: vectors x and y of n elements, uniform in [-1, 1), in the
 * requested element type, plus, for the kernels that need them, a third input z (fma) and an
 * output array (element-wise kernels). Heap arrays, so Pel and every peer see the same memory;
 * {@link ResidentOperands} mirrors them off-heap for Pel's resident runs. The original values are
 * kept so that {@link #reset()} restores them before each validation, and so that the reference is
 * computed from what the kernel was given.
 *
 * <p>z and the output are created on first use (their memory is only spent for the kernels that
 * need them): z is drawn from {@code seed + 1}, and the output starts as NaN, which {@link #reset()}
 * restores, so a kernel that leaves an element unwritten fails validation.
 *
 * <p>Kernels that write (axpy, scal, copy, swap) are timed repeatedly on the same arrays without a
 * reset: axpy uses a small {@link #AXPY_ALPHA}, scal alternates {@link #SCALE} with its inverse
 * and swap exchanges x and y back and forth, so the values stay bounded (no overflow, no
 * subnormals) however many times they run. Element-wise kernels write only the output.
 */
public final class Operands {
    /** The {@code a} of {@code y = a*x + y}: small, so y grows by at most |x|/1024 per call. */
    public static final double AXPY_ALPHA = 0x1p-10;
    /** The {@code a} of {@code x = a*x} in the first call after a reset; the next call scales by 1/SCALE. */
    public static final double SCALE = 1.25;
    /** The bounds of {@code clamp}: half the values of x lie outside them. */
    public static final double CLAMP_LO = -0.5;
    public static final double CLAMP_HI = 0.5;

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
    private float[] z32;
    private float[] z32Original;
    private float[] out32;
    private double[] z64;
    private double[] z64Original;
    private double[] out64;
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

    /** Restores x, y and z to their generated values, the output to NaN, and the scale alternation to its start. */
    public void reset() {
        if (dtype == DType.F32) {
            System.arraycopy(x32Original, 0, x32, 0, n);
            System.arraycopy(y32Original, 0, y32, 0, n);
            if (z32 != null) {
                System.arraycopy(z32Original, 0, z32, 0, n);
            }
            if (out32 != null) {
                Arrays.fill(out32, Float.NaN);
            }
        } else {
            System.arraycopy(x64Original, 0, x64, 0, n);
            System.arraycopy(y64Original, 0, y64, 0, n);
            if (z64 != null) {
                System.arraycopy(z64Original, 0, z64, 0, n);
            }
            if (out64 != null) {
                Arrays.fill(out64, Double.NaN);
            }
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

    /** The third input (created on first use). */
    public float[] zF32() {
        requireType(DType.F32);
        if (z32 == null) {
            SplittableRandom rng = new SplittableRandom(seed + 1);
            z32Original = new float[n];
            for (int i = 0; i < n; i++) {
                z32Original[i] = (float) rng.nextDouble(-1, 1);
            }
            z32 = z32Original.clone();
        }
        return z32;
    }

    /** The output of element-wise kernels (created on first use, NaN until written). */
    public float[] outF32() {
        requireType(DType.F32);
        if (out32 == null) {
            out32 = new float[n];
            Arrays.fill(out32, Float.NaN);
        }
        return out32;
    }

    public double[] xF64() {
        requireType(DType.F64);
        return x64;
    }

    public double[] yF64() {
        requireType(DType.F64);
        return y64;
    }

    /** The third input (created on first use). */
    public double[] zF64() {
        requireType(DType.F64);
        if (z64 == null) {
            SplittableRandom rng = new SplittableRandom(seed + 1);
            z64Original = new double[n];
            for (int i = 0; i < n; i++) {
                z64Original[i] = rng.nextDouble(-1, 1);
            }
            z64 = z64Original.clone();
        }
        return z64;
    }

    /** The output of element-wise kernels (created on first use, NaN until written). */
    public double[] outF64() {
        requireType(DType.F64);
        if (out64 == null) {
            out64 = new double[n];
            Arrays.fill(out64, Double.NaN);
        }
        return out64;
    }

    /** Current value of x[i], widened to double. */
    public double x(int i) {
        return dtype == DType.F32 ? x32[i] : x64[i];
    }

    /** Current value of y[i], widened to double. */
    public double y(int i) {
        return dtype == DType.F32 ? y32[i] : y64[i];
    }

    /** Current value of out[i], widened to double. */
    public double out(int i) {
        return dtype == DType.F32 ? outF32()[i] : outF64()[i];
    }

    /** Generated value of x[i], widened to double. */
    public double xOriginal(int i) {
        return dtype == DType.F32 ? x32Original[i] : x64Original[i];
    }

    /** Generated value of y[i], widened to double. */
    public double yOriginal(int i) {
        return dtype == DType.F32 ? y32Original[i] : y64Original[i];
    }

    /** Generated value of z[i], widened to double. */
    public double zOriginal(int i) {
        if (dtype == DType.F32) {
            zF32();
            return z32Original[i];
        }
        zF64();
        return z64Original[i];
    }

    private void requireType(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("operands hold " + dtype.label() + ", not " + wanted.label());
        }
    }
}
