package dev.pel.runtime.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** Touches the Vector API; loaded only after the module check in {@link SimdBackendProvider}. */
final class VectorShapeProbe {
    private VectorShapeProbe() {
    }

    /** {bits, float lanes, double lanes} of the preferred species. */
    static int[] preferred() {
        return new int[] {FloatVector.SPECIES_PREFERRED.vectorBitSize(), FloatVector.SPECIES_PREFERRED.length(),
            DoubleVector.SPECIES_PREFERRED.length()};
    }
}
