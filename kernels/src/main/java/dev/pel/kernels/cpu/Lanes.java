package dev.pel.kernels.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * A vector's lanes summed in one fixed order: folded by halves (lane j += lane j + half), as the
 * canonical reductions fold their accumulators. {@code reduceLanes(ADD)} leaves the order to the
 * implementation, and it differs within one JVM: the interpreter adds lane after lane, C2 (since
 * JDK 24 on x86) in a tree, so the same call gave other bits once compiled.
 *
 * <p>The lanes are stored to a scratch array the caller holds (one per thread, {@link #f64()}) and
 * folded in scalars. Folding whole vectors with {@code slice} or {@code rearrange} is many intrinsics
 * deep: where C2 ran out of inlining depth for them, the Java fallback ran (~2 us per call, and
 * a vector payload allocated per step). An array allocated per sum was garbage in inner loops (2.5 KB
 * per 32 x 32 gemv), and on a VM where memory touched for the first time costs 2.7 ms per MiB the
 * gemv took 8 us instead of 0.7 while the heap grew.
 */
public final class Lanes {
    /** The most lanes a float or double vector can have (2048-bit SVE: 64 floats). */
    private static final int MAX_LANES = 64;
    private static final ThreadLocal<double[]> F64 = ThreadLocal.withInitial(() -> new double[MAX_LANES]);
    private static final ThreadLocal<float[]> F32 = ThreadLocal.withInitial(() -> new float[MAX_LANES]);

    private Lanes() {
    }

    /** This thread's scratch for {@link #sum(DoubleVector, double[])}: fetch it once per call, not per sum. */
    public static double[] f64() {
        return F64.get();
    }

    /** This thread's scratch for {@link #sum(FloatVector, float[])}. */
    public static float[] f32() {
        return F32.get();
    }

    /** The lanes of {@code v} summed by halves; {@code scratch} (at least as long as v) is overwritten. */
    public static double sum(DoubleVector v, double[] scratch) {
        v.intoArray(scratch, 0);
        return fold(scratch, v.length());
    }

    /** The lanes of {@code v} summed by halves; {@code scratch} (at least as long as v) is overwritten. */
    public static float sum(FloatVector v, float[] scratch) {
        v.intoArray(scratch, 0);
        return fold(scratch, v.length());
    }

    /** {@code a[0..l)} (l a power of two) summed by halves in place: a[j] += a[j + half] for j < half. */
    public static double fold(double[] a, int l) {
        for (int half = l / 2; half > 0; half >>= 1) {
            for (int j = 0; j < half; j++) {
                a[j] += a[j + half];
            }
        }
        return a[0];
    }

    /** {@code a[0..l)} (l a power of two) summed by halves in place: a[j] += a[j + half] for j < half. */
    public static float fold(float[] a, int l) {
        for (int half = l / 2; half > 0; half >>= 1) {
            for (int j = 0; j < half; j++) {
                a[j] += a[j + half];
            }
        }
        return a[0];
    }
}
