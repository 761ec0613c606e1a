package dev.pel.kernels.cpu;

/**
 * A vector's lanes summed in one fixed order: folded by halves (lane j += lane j + half), as the
 * canonical reductions fold their accumulators. {@code reduceLanes(ADD)} leaves the order to the
 * implementation, and it differs within one JVM: the interpreter adds lane after lane, C2 (since
 * JDK 24 on x86) in a tree, so the same call gave other bits once compiled.
 *
 * <p>The caller stores the lanes to a scratch array it holds (one per thread, {@link #f64()}) and
 * folds them in scalars: {@code v.intoArray(scratch, 0); Lanes.fold(scratch, v.length())}. Folding
 * whole vectors with {@code slice} or {@code rearrange} is many intrinsics deep: where C2 ran out of
 * inlining depth for them, the Java fallback ran (~2 us per call, and a vector payload allocated per
 * step). An array allocated per sum was garbage in inner loops (2.5 KB per 32 x 32 gemv), and on a
 * VM where memory touched for the first time costs 2.7 ms per MiB the gemv took 8 us instead of 0.7
 * while the heap grew.
 *
 * <p>The lane sums, and the reductions' passes that end in them, keep every vector within one method
 * (this class takes none): C2 inlines at most 15 levels of ordinary methods, and the chain from a
 * user's loop through the facade and a kernel's lambdas reaches that depth. Where the cut fell on a
 * method taking vectors, they were boxed and its body ran the Vector API's Java fallback (asum f64
 * at 1024 elements: 720 ns instead of 160, in one process in three); a cut at a method taking arrays
 * costs a call. {@code VectorBoundaryTest} holds the CPU kernels to it.
 */
public final class Lanes {
    /** The most lanes a float or double vector can have (2048-bit SVE: 64 floats). */
    private static final int MAX_LANES = 64;
    private static final ThreadLocal<double[]> F64 = ThreadLocal.withInitial(() -> new double[MAX_LANES]);
    private static final ThreadLocal<float[]> F32 = ThreadLocal.withInitial(() -> new float[MAX_LANES]);

    private Lanes() {
    }

    /** This thread's scratch for a vector's lanes (at least {@value #MAX_LANES}): fetch it once per call, not per sum. */
    public static double[] f64() {
        return F64.get();
    }

    /** This thread's scratch for a vector's lanes (at least {@value #MAX_LANES}). */
    public static float[] f32() {
        return F32.get();
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
