package dev.pel.kernels.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * A vector's lanes summed in one fixed order: folded by halves (lane j += lane j + half), as the
 * canonical reductions fold their accumulators. {@code reduceLanes(ADD)} leaves the order to the
 * implementation, and it differs within one JVM: the interpreter adds lane after lane, C2 (since
 * JDK 24 on x86) in a tree, so the same call gave other bits once compiled.
 */
public final class Lanes {
    // The lanes are stored and folded in scalars: the same IEEE adds as folding whole vectors with
    // slice, but slice is many intrinsics deep, and where C2 ran out of inlining depth for them it
    // fell back to Java code that cost ~2 us per call (a 1024-element dot took 2-3 us, not 0.2 us,
    // depending on what had been compiled before).
    private Lanes() {
    }

    public static double sum(DoubleVector v) {
        double[] a = new double[v.length()];
        v.intoArray(a, 0);
        for (int half = a.length / 2; half > 0; half >>= 1) {
            for (int j = 0; j < half; j++) {
                a[j] += a[j + half];
            }
        }
        return a[0];
    }

    public static float sum(FloatVector v) {
        float[] a = new float[v.length()];
        v.intoArray(a, 0);
        for (int half = a.length / 2; half > 0; half >>= 1) {
            for (int j = 0; j < half; j++) {
                a[j] += a[j + half];
            }
        }
        return a[0];
    }
}
