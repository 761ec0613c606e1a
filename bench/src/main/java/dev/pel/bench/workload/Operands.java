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
    private final ArraysF32 f32; // null unless dtype is F32
    private final ArraysF64 f64; // null unless dtype is F64
    private boolean nextScaleUp = true;

    private Operands(DType dtype, int n, long seed) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.n = n;
        this.seed = seed;
        SplittableRandom rng = new SplittableRandom(seed);
        f32 = dtype == DType.F32 ? new ArraysF32(n, rng) : null;
        f64 = dtype == DType.F32 ? null : new ArraysF64(n, rng);
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
            f32.reset();
        } else {
            f64.reset();
        }
        nextScaleUp = true;
    }

    /** The factor for the next scal call: {@link #SCALE}, then 1/SCALE, and so on. */
    public double nextScale() {
        double s = nextScaleUp ? SCALE : 1 / SCALE;
        nextScaleUp = !nextScaleUp;
        return s;
    }

    // @twin-begin F64
    public double[] xF64() {
        requireType(DType.F64);
        return f64.x;
    }

    public double[] yF64() {
        requireType(DType.F64);
        return f64.y;
    }

    /** The third input (created on first use). */
    public double[] zF64() {
        requireType(DType.F64);
        if (f64.z == null) {
            SplittableRandom rng = new SplittableRandom(seed + 1);
            f64.zOriginal = new double[n];
            for (int i = 0; i < n; i++) {
                f64.zOriginal[i] = (double) rng.nextDouble(-1, 1);
            }
            f64.z = f64.zOriginal.clone();
        }
        return f64.z;
    }

    /** The output of element-wise kernels (created on first use, NaN until written). */
    public double[] outF64() {
        requireType(DType.F64);
        if (f64.out == null) {
            f64.out = new double[n];
            Arrays.fill(f64.out, Double.NaN);
        }
        return f64.out;
    }

    /** The arrays of F64 operands: x and y drawn at construction, z and the output on first use. */
    private static final class ArraysF64 {
        final double[] xOriginal;
        final double[] yOriginal;
        final double[] x;
        final double[] y;
        double[] zOriginal;
        double[] z;
        double[] out;

        ArraysF64(int n, SplittableRandom rng) {
            xOriginal = new double[n];
            yOriginal = new double[n];
            for (int i = 0; i < n; i++) {
                xOriginal[i] = (double) rng.nextDouble(-1, 1);
                yOriginal[i] = (double) rng.nextDouble(-1, 1);
            }
            x = xOriginal.clone();
            y = yOriginal.clone();
        }

        void reset() {
            System.arraycopy(xOriginal, 0, x, 0, x.length);
            System.arraycopy(yOriginal, 0, y, 0, y.length);
            if (z != null) {
                System.arraycopy(zOriginal, 0, z, 0, z.length);
            }
            if (out != null) {
                Arrays.fill(out, Double.NaN);
            }
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    public float[] xF32() {
        requireType(DType.F32);
        return f32.x;
    }

    public float[] yF32() {
        requireType(DType.F32);
        return f32.y;
    }

    /** The third input (created on first use). */
    public float[] zF32() {
        requireType(DType.F32);
        if (f32.z == null) {
            SplittableRandom rng = new SplittableRandom(seed + 1);
            f32.zOriginal = new float[n];
            for (int i = 0; i < n; i++) {
                f32.zOriginal[i] = (float) rng.nextDouble(-1, 1);
            }
            f32.z = f32.zOriginal.clone();
        }
        return f32.z;
    }

    /** The output of element-wise kernels (created on first use, NaN until written). */
    public float[] outF32() {
        requireType(DType.F32);
        if (f32.out == null) {
            f32.out = new float[n];
            Arrays.fill(f32.out, Float.NaN);
        }
        return f32.out;
    }

    /** The arrays of F32 operands: x and y drawn at construction, z and the output on first use. */
    private static final class ArraysF32 {
        final float[] xOriginal;
        final float[] yOriginal;
        final float[] x;
        final float[] y;
        float[] zOriginal;
        float[] z;
        float[] out;

        ArraysF32(int n, SplittableRandom rng) {
            xOriginal = new float[n];
            yOriginal = new float[n];
            for (int i = 0; i < n; i++) {
                xOriginal[i] = (float) rng.nextDouble(-1, 1);
                yOriginal[i] = (float) rng.nextDouble(-1, 1);
            }
            x = xOriginal.clone();
            y = yOriginal.clone();
        }

        void reset() {
            System.arraycopy(xOriginal, 0, x, 0, x.length);
            System.arraycopy(yOriginal, 0, y, 0, y.length);
            if (z != null) {
                System.arraycopy(zOriginal, 0, z, 0, z.length);
            }
            if (out != null) {
                Arrays.fill(out, Float.NaN);
            }
        }
    }
    // @twin-end

    /** Current value of x[i], widened to double. */
    public double x(int i) {
        return dtype == DType.F32 ? f32.x[i] : f64.x[i];
    }

    /** Current value of y[i], widened to double. */
    public double y(int i) {
        return dtype == DType.F32 ? f32.y[i] : f64.y[i];
    }

    /** Current value of out[i], widened to double. */
    public double out(int i) {
        return dtype == DType.F32 ? outF32()[i] : outF64()[i];
    }

    /** Generated value of x[i], widened to double. */
    public double xOriginal(int i) {
        return dtype == DType.F32 ? f32.xOriginal[i] : f64.xOriginal[i];
    }

    /** Generated value of y[i], widened to double. */
    public double yOriginal(int i) {
        return dtype == DType.F32 ? f32.yOriginal[i] : f64.yOriginal[i];
    }

    /** Generated value of z[i], widened to double. */
    public double zOriginal(int i) {
        if (dtype == DType.F32) {
            zF32();
            return f32.zOriginal[i];
        }
        zF64();
        return f64.zOriginal[i];
    }

    private void requireType(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("operands hold " + dtype.label() + ", not " + wanted.label());
        }
    }
}

