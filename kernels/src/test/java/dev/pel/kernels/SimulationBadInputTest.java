package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.Simulation.Boundary;
import dev.pel.kernels.Simulation.Edge;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad arguments to the simulation kernels are rejected before anything runs: the exception names
 * the argument (its message starts with {@code name:}) and every array keeps its bits.
 */
class SimulationBadInputTest {
    private final Simulation sim = Simulation.get();

    private static void bad(Class<? extends RuntimeException> type, String argument, Executable call, Object... untouched) {
        Object[] before = new Object[untouched.length];
        for (int i = 0; i < untouched.length; i++) {
            before[i] = copy(untouched[i]);
        }
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(argument + ":"),
                "the message should start with '" + argument + ":' but is: " + e.getMessage());
        for (int i = 0; i < untouched.length; i++) {
            switch (untouched[i]) {
                case double[] d -> assertArrayEquals((double[]) before[i], d, "an array was written before " + argument + " was rejected");
                case float[] f -> assertArrayEquals((float[]) before[i], f, "an array was written before " + argument + " was rejected");
                case int[] n -> assertArrayEquals((int[]) before[i], n, "an array was written before " + argument + " was rejected");
                default -> throw new IllegalArgumentException(String.valueOf(untouched[i]));
            }
        }
    }

    private static Object copy(Object a) {
        return switch (a) {
            case double[] d -> d.clone();
            case float[] f -> f.clone();
            case int[] n -> n.clone();
            default -> throw new IllegalArgumentException(String.valueOf(a));
        };
    }

    private static double[] filled(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = 1.5 + i;
        }
        return d;
    }

    private static float[] filledF(int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = 1.5f + i;
        }
        return d;
    }

    @Test
    void heat() {
        double[] g = filled(12);
        double[] s = filled(12);
        bad(NullPointerException.class, "grid", () -> sim.heat2d(null, s, 3, 4, 0.2, Boundary.FIXED, 1), s);
        bad(NullPointerException.class, "scratch", () -> sim.heat2d(g, null, 3, 4, 0.2, Boundary.FIXED, 1), g);
        bad(IllegalArgumentException.class, "nx", () -> sim.heat2d(g, s, -3, -4, 0.2, Boundary.FIXED, 1), g, s);
        bad(IllegalArgumentException.class, "grid", () -> sim.heat2d(g, s, 4, 4, 0.2, Boundary.FIXED, 1), g, s);
        bad(IllegalArgumentException.class, "scratch", () -> sim.heat2d(g, filled(11), 3, 4, 0.2, Boundary.FIXED, 1), g);
        bad(IllegalArgumentException.class, "scratch", () -> sim.heat2d(g, g, 3, 4, 0.2, Boundary.FIXED, 1), g);
        bad(IllegalArgumentException.class, "alpha", () -> sim.heat2d(g, s, 3, 4, Double.NaN, Boundary.FIXED, 1), g, s);
        bad(IllegalArgumentException.class, "steps", () -> sim.heat2d(g, s, 3, 4, 0.2, Boundary.FIXED, -1), g, s);
        bad(NullPointerException.class, "boundary", () -> sim.heat2d(g, s, 3, 4, 0.2, null, 1), g, s);
        bad(IllegalArgumentException.class, "nz", () -> sim.heat3d(g, s, 3, 4, -1, 0.1, Boundary.PERIODIC, 1), g, s);
        bad(IllegalArgumentException.class, "grid", () -> sim.heat3d(g, s, 3, 2, 3, 0.1, Boundary.PERIODIC, 1), g, s);
        bad(IllegalArgumentException.class, "grid", () -> sim.heat3d(g, s, 1 << 20, 1 << 20, 1 << 20, 0.1, Boundary.PERIODIC, 1), g, s);
        float[] gf = filledF(12);
        bad(IllegalArgumentException.class, "alpha", () -> sim.heat2d(gf, filledF(12), 3, 4, Float.POSITIVE_INFINITY, Boundary.FIXED, 1),
                gf);
        try (DoubleArray a = DoubleArray.of(filled(12)); DoubleArray b = DoubleArray.of(filled(12)); DoubleArray c = DoubleArray.allocate(12)) {
            bad(IllegalArgumentException.class, "scratch", () -> sim.heat2d(a, a, 3, 4, 0.2, Boundary.FIXED, 1));
            c.close();
            bad(IllegalStateException.class, "scratch", () -> sim.heat2d(a, c, 3, 4, 0.2, Boundary.FIXED, 1));
            assertArrayEquals(filled(12), a.toArray());
            assertArrayEquals(filled(12), b.toArray());
        }
    }

    @Test
    void nbody() {
        double[][] a = new double[7][];
        for (int q = 0; q < 7; q++) {
            a[q] = filled(5);
        }
        Object[] all = a.clone();
        bad(NullPointerException.class, "vz", () -> sim.nbody(a[0], a[1], a[2], a[3], a[4], null, a[6], 0.1, 0.01), all);
        bad(IllegalArgumentException.class, "mass", () -> sim.nbody(a[0], a[1], a[2], a[3], a[4], a[5], filled(4), 0.1, 0.01), all);
        bad(IllegalArgumentException.class, "vx", () -> sim.nbody(a[0], a[1], a[2], a[0], a[4], a[5], a[6], 0.1, 0.01), all);
        bad(IllegalArgumentException.class, "mass", () -> sim.nbody(a[0], a[1], a[2], a[3], a[4], a[5], a[5], 0.1, 0.01), all);
        bad(IllegalArgumentException.class, "softening", () -> sim.nbody(a[0], a[1], a[2], a[3], a[4], a[5], a[6], 0, 0.01), all);
        bad(IllegalArgumentException.class, "softening", () -> sim.nbody(a[0], a[1], a[2], a[3], a[4], a[5], a[6], Double.NaN, 0.01),
                all);
        bad(IllegalArgumentException.class, "dt", () -> sim.nbody(a[0], a[1], a[2], a[3], a[4], a[5], a[6], 0.1,
                Double.POSITIVE_INFINITY), all);
    }

    @Test
    void convolution() {
        double[] x = filled(20);
        double[] out = filled(20);
        bad(IllegalArgumentException.class, "filter", () -> sim.convolve1d(x, filled(4), Edge.ZERO, out), x, out);
        bad(IllegalArgumentException.class, "filter", () -> sim.convolve1d(x, new double[0], Edge.ZERO, out), x, out);
        bad(IllegalArgumentException.class, "out", () -> sim.convolve1d(x, filled(3), Edge.ZERO, filled(19)), x);
        bad(IllegalArgumentException.class, "out", () -> sim.convolve1d(x, filled(3), Edge.ZERO, x), x);
        bad(NullPointerException.class, "edge", () -> sim.convolve1d(x, filled(3), null, out), x, out);
        bad(NullPointerException.class, "x", () -> sim.convolve1d((double[]) null, filled(3), Edge.CLAMP, out), out);
        bad(IllegalArgumentException.class, "kw", () -> sim.convolve2d(x, 4, 5, filled(6), 2, 3, Edge.CLAMP, out), x, out);
        bad(IllegalArgumentException.class, "filter", () -> sim.convolve2d(x, 4, 5, filled(8), 3, 3, Edge.CLAMP, out), x, out);
        bad(IllegalArgumentException.class, "image", () -> sim.convolve2d(x, 4, 4, filled(9), 3, 3, Edge.CLAMP, out), x, out);
        bad(IllegalArgumentException.class, "out", () -> sim.convolve2d(x, 4, 5, filled(9), 3, 3, Edge.CLAMP, x), x);
        try (FloatArray a = FloatArray.of(filledF(20)); FloatArray f = FloatArray.of(filledF(3))) {
            FloatArray view = a.view(2, 18);
            FloatArray shifted = a.view(0, 18);
            bad(IllegalArgumentException.class, "out", () -> sim.convolve1d(view, f, Edge.ZERO, shifted));
            assertArrayEquals(filledF(20), a.toArray());
        }
    }

    @Test
    void randomStreams() {
        double[] u = filled(8);
        int[] bits = new int[] {1, 2, 3};
        bad(IllegalArgumentException.class, "offset", () -> sim.uniform(1, -1, u), u);
        bad(IllegalArgumentException.class, "offset", () -> sim.normal(1, Long.MAX_VALUE - 2, u), u);
        bad(IllegalArgumentException.class, "offset", () -> sim.bits(1, -5, bits), bits);
        bad(NullPointerException.class, "out", () -> sim.uniform(1, 0, (float[]) null));
        bad(IllegalArgumentException.class, "samples", () -> sim.piHits(1, -1));
        bad(IllegalArgumentException.class, "samples", () -> sim.estimatePi(1, 0));
    }

    @Test
    void blackScholes() {
        double[] s = filled(6);
        double[] k = filled(6);
        double[] t = filled(6);
        double[] c = filled(6);
        double[] p = filled(6);
        Object[] all = {s, k, t, c, p};
        bad(IllegalArgumentException.class, "sigma", () -> sim.blackScholes(s, k, t, 0.01, 0, c, p), all);
        bad(IllegalArgumentException.class, "sigma", () -> sim.blackScholes(s, k, t, 0.01, Double.NaN, c, p), all);
        bad(IllegalArgumentException.class, "r", () -> sim.blackScholes(s, k, t, Double.NaN, 0.2, c, p), all);
        bad(IllegalArgumentException.class, "put", () -> sim.blackScholes(s, k, t, 0.01, 0.2, c, c), all);
        bad(IllegalArgumentException.class, "call", () -> sim.blackScholes(s, k, t, 0.01, 0.2, s, p), all);
        bad(IllegalArgumentException.class, "k", () -> sim.blackScholes(s, filled(5), t, 0.01, 0.2, c, p), all);
        bad(NullPointerException.class, "t", () -> sim.blackScholes(s, k, null, 0.01, 0.2, c, p), all);
        assertTrue(Arrays.equals(filled(6), c));
    }
}
