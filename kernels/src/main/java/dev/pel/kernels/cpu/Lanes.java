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
    private Lanes() {
    }

    public static double sum(DoubleVector v) {
        for (int half = v.length() / 2; half > 0; half >>= 1) {
            v = v.add(v.slice(half));
        }
        return v.lane(0);
    }

    public static float sum(FloatVector v) {
        for (int half = v.length() / 2; half > 0; half >>= 1) {
            v = v.add(v.slice(half));
        }
        return v.lane(0);
    }
}
