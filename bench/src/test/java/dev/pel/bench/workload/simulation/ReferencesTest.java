package dev.pel.bench.workload.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pel.kernels.testing.SimulationReference;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.DType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bench's compact references and bounds are the kernels' test references and tolerances (no drift). */
class ReferencesTest {
    private final SplittableRandom r = new SplittableRandom(11);

    private double[] data(int n, double lo, double hi) {
        return SimulationWorkload.data(DType.F64, r, n, lo, hi);
    }

    @Test
    void referencesMatchTheTestJar() {
        double[] u = data(9 * 7 * 5, -1, 1);
        for (boolean periodic : new boolean[] {false, true}) {
            assertArrayEquals(SimulationReference.heat(u, 9, 35, 1, 2, 0.2, periodic, 1), References.heatStep(u, 9, 35, 1, 2, 0.2, periodic));
            assertArrayEquals(SimulationReference.heat(u, 9, 7, 5, 3, 0.15, periodic, 1), References.heatStep(u, 9, 7, 5, 3, 0.15, periodic));
        }
        double[] x = data(101, -4, 4);
        double[] f = data(5, -1, 1);
        double[] s1 = new double[101];
        double[] s2 = new double[101];
        assertArrayEquals(SimulationReference.convolve1d(x, f, true, s1), References.convolve1d(x, f, true, s2));
        assertArrayEquals(s1, s2);
        double[] img = data(13 * 11, 0, 255);
        double[] g = data(15, -1, 1);
        double[] a1 = new double[143];
        double[] a2 = new double[143];
        assertArrayEquals(SimulationReference.convolve2d(img, 13, 11, g, 5, 3, true, a1), References.convolve2d(img, 13, 11, g, 5, 3, true, a2));
        assertArrayEquals(a1, a2);
        double[] px = data(17, -10, 10);
        double[] py = data(17, -10, 10);
        double[] pz = data(17, -10, 10);
        double[] m = data(17, 0.5, 2);
        double[][] e = SimulationReference.nbodyAccelerations(px, py, pz, m, 0.3);
        double[][] got = References.nbodyAccelerations(px, py, pz, m, 0.3);
        for (int q = 0; q < 6; q++) {
            assertArrayEquals(e[q], got[q]);
        }
        for (double d : new double[] {-9, -7.5, -3, -0.5, 0, 0.7, 2, 6.9, 8}) {
            assertEquals(SimulationReference.phi(d), References.phi(d));
        }
        assertArrayEquals(SimulationReference.blackScholes(42, 57, 2.5, 0.03, 0.25), References.blackScholes(42, 57, 2.5, 0.03, 0.25));
    }

    @Test
    void boundsMatchTheTestJar() {
        for (DType t : DType.values()) {
            assertEquals(Tolerances.u(t), References.u(t));
            assertEquals(Tolerances.heat(t, 2, 1, 0.2, 0.9), References.heat(t, 2, 1, 0.2, 0.9));
            assertEquals(Tolerances.heat(t, 3, 1, 0.15, 0.9), References.heat(t, 3, 1, 0.15, 0.9));
            assertEquals(Tolerances.convolution(t, 25, 123.4), References.convolution(t, 25, 123.4));
            assertEquals(Tolerances.NBODY_TERM_U, References.NBODY_TERM_U);
            assertEquals(Tolerances.nbodyAcceleration(t, 64, 3.5), References.nbodyAcceleration(t, 64, 3.5));
            assertEquals(Tolerances.nbodyVelocity(t, 0.01, 1e-6, 0.4, 0.3, 0.31), References.nbodyVelocity(t, 0.01, 1e-6, 0.3, 0.31));
            assertEquals(Tolerances.nbodyPosition(t, 0.01, 1e-6, 0.31, 4.2), References.nbodyPosition(t, 0.01, 1e-6, 0.31, 4.2));
            assertEquals(Tolerances.normal(t, 1.7), References.normal(t, 1.7));
            assertEquals(Tolerances.NORMAL_CDF_APPROXIMATION, References.NORMAL_CDF_APPROXIMATION);
            assertEquals(Tolerances.blackScholes(t, 42, 57, 2.5, 0.03, 0.25), References.blackScholes(t, 42, 57, 2.5, 0.03, 0.25));
        }
    }
}
