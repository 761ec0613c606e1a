package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pel.kernels.Simulation.Boundary;
import dev.pel.kernels.Simulation.Edge;
import dev.pel.kernels.testing.BackendArgs;
import dev.pel.kernels.testing.BackendArgs.Target;
import dev.pel.kernels.testing.SimulationReference;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import dev.pel.runtime.spi.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers: Black-Scholes textbook cases by the closed form, the references' own checks, and
 * the promise that stencils and convolutions, which do the same operations in the same order
 * everywhere, give {@code cpu-scalar}'s bits on every backend and vector width.
 */
@Tag("simd-width")
class SimulationKnownAnswerTest {

    static Stream<Arguments> targetsAndTypes() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> t : BackendArgs.targets()) {
            for (DType d : DType.values()) {
                out.add(Arguments.of(t, d));
            }
        }
        return out.stream();
    }

    /**
     * Hull, Options, Futures and Other Derivatives, example 15.6 (S 42, K 40, r 10%, sigma 20%, T 0.5:
     * call 4.76, put 0.81, quoted to the cent), and the at-the-money case S = K = 100, r 5%, sigma
     * 20%, T 1 (call 10.4506, put 5.5735, to 1e-4); put-call parity c - p = S - K e^{-rT} to rounding.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void blackScholesTextbookCases(Target target, DType t) {
        Simulation sim = Simulation.on(target.runtime(t));
        double[][] cases = {{42, 40, 0.5, 0.10, 0.20, 4.76, 0.81, 0.005}, {100, 100, 1, 0.05, 0.20, 10.4506, 5.5735, 0.00005}};
        for (double[] c : cases) {
            double[] price;
            if (t == DType.F64) {
                double[] call = new double[1];
                double[] put = new double[1];
                sim.blackScholes(new double[] {c[0]}, new double[] {c[1]}, new double[] {c[2]}, c[3], c[4], call, put);
                price = new double[] {call[0], put[0]};
            } else {
                float[] call = new float[1];
                float[] put = new float[1];
                sim.blackScholes(new float[] {(float) c[0]}, new float[] {(float) c[1]}, new float[] {(float) c[2]}, (float) c[3],
                        (float) c[4], call, put);
                price = new double[] {call[0], put[0]};
            }
            // The book rounds to its last digit (half a unit) and float adds its own rounding (~1e-5 here).
            double slack = c[7] + (t == DType.F32 ? 5e-5 : 0);
            assertEquals(c[5], price[0], slack, "call of " + java.util.Arrays.toString(c));
            assertEquals(c[6], price[1], slack, "put of " + java.util.Arrays.toString(c));
            double parity = c[0] - c[1] * Math.exp(-c[3] * c[2]);
            assertEquals(parity, price[0] - price[1], (t == DType.F32 ? 1e-4 : 1e-12) * c[0], "put-call parity");
        }
    }

    @Test
    void referenceNormalCdfKnownValues() {
        assertEquals(0.5, SimulationReference.phi(0), 0);
        assertEquals(0.8413447460685429, SimulationReference.phi(1), 5e-16);
        assertEquals(0.022750131948179195, SimulationReference.phi(-2), 5e-16);
        assertEquals(2.866515718791939e-7, SimulationReference.phi(-5), 5e-16);
        assertEquals(6.220960574271785e-16, SimulationReference.phi(-8), 1e-29);
        double[] atm = SimulationReference.blackScholes(100, 100, 1, 0.05, 0.2);
        assertEquals(10.450583572185565, atm[0], 1e-12);
        assertEquals(5.573526022256971, atm[1], 1e-12);
    }

    /** Stencils and convolutions: cpu-scalar's bits on every backend (same operations, same order, no fma). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void stencilsAndConvolutionsGiveTheReferenceBits(Target target, DType t) {
        PelRuntime rt = target.runtime(t);
        Simulation sim = Simulation.on(rt);
        Simulation ref = Simulation.on(PelRuntime.defaultRuntime().withBackend(ScalarBackend.NAME));
        SplittableRandom r = new SplittableRandom(42);
        int nx = 37;
        int ny = 21;
        int nz = 9;
        double[] u0 = new double[nx * ny * nz];
        for (int i = 0; i < u0.length; i++) {
            u0[i] = r.nextDouble(-1, 1);
        }
        double[] f = new double[25];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextDouble(-1, 1);
        }
        if (t == DType.F64) {
            for (Boundary b : Boundary.values()) {
                assertArrayEquals(ref.heat2d(u0.clone(), new double[u0.length], nx, ny * nz, 0.2, b, 3),
                        sim.heat2d(u0.clone(), new double[u0.length], nx, ny * nz, 0.2, b, 3), "heat2d " + b);
                assertArrayEquals(ref.heat3d(u0.clone(), new double[u0.length], nx, ny, nz, 0.15, b, 3),
                        sim.heat3d(u0.clone(), new double[u0.length], nx, ny, nz, 0.15, b, 3), "heat3d " + b);
            }
            for (Edge e : Edge.values()) {
                double[] a = new double[u0.length];
                double[] b = new double[u0.length];
                ref.convolve1d(u0, f, e, a);
                sim.convolve1d(u0, f, e, b);
                assertArrayEquals(a, b, "convolve1d " + e);
                ref.convolve2d(u0, nx, ny * nz, f, 5, 5, e, a);
                sim.convolve2d(u0, nx, ny * nz, f, 5, 5, e, b);
                assertArrayEquals(a, b, "convolve2d " + e);
            }
        } else {
            float[] v = SimulationContractTest.f32(u0);
            float[] ff = SimulationContractTest.f32(f);
            for (Boundary b : Boundary.values()) {
                assertArrayEquals(ref.heat2d(v.clone(), new float[v.length], nx, ny * nz, 0.2f, b, 3),
                        sim.heat2d(v.clone(), new float[v.length], nx, ny * nz, 0.2f, b, 3), "heat2d " + b);
                assertArrayEquals(ref.heat3d(v.clone(), new float[v.length], nx, ny, nz, 0.15f, b, 3),
                        sim.heat3d(v.clone(), new float[v.length], nx, ny, nz, 0.15f, b, 3), "heat3d " + b);
            }
            for (Edge e : Edge.values()) {
                float[] a = new float[v.length];
                float[] b = new float[v.length];
                ref.convolve1d(v, ff, e, a);
                sim.convolve1d(v, ff, e, b);
                assertArrayEquals(a, b, "convolve1d " + e);
                ref.convolve2d(v, nx, ny * nz, ff, 5, 5, e, a);
                sim.convolve2d(v, nx, ny * nz, ff, 5, 5, e, b);
                assertArrayEquals(a, b, "convolve2d " + e);
            }
        }
    }

    /**
     * Heat on row lengths around every vector length up to 16 lanes (rows shorter than a vector, a
     * last vector overlapping the one before, the two end cells), both boundaries, heap and off-heap:
     * cpu-scalar's bits in both grids after 3 steps. Scratch starts as NaN, so a cell not written
     * shows; off-heap grids are views at odd offsets of one array whose other elements must stay
     * untouched.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void heatGivesTheReferenceBitsOnAwkwardRows(Target target, DType t) {
        Simulation sim = Simulation.on(target.runtime(t));
        Simulation ref = Simulation.on(PelRuntime.defaultRuntime().withBackend(ScalarBackend.NAME));
        SplittableRandom r = new SplittableRandom(11);
        int[][] extents = {{1, 1}, {2, 3}, {5, 4}}; // ny, nz (a 2-D grid has ny * nz rows)
        for (int nx : new int[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 15, 17, 18, 19, 23, 31, 34}) {
            for (int[] e : extents) {
                double[] u0 = new double[nx * e[0] * e[1]];
                for (int i = 0; i < u0.length; i++) {
                    u0[i] = t == DType.F32 ? (float) r.nextDouble(-1, 1) : r.nextDouble(-1, 1);
                }
                for (Boundary b : Boundary.values()) {
                    for (int dims = 2; dims <= 3; dims++) {
                        String what = "heat" + dims + "d " + nx + "x" + e[0] + "x" + e[1] + " " + b;
                        double[][] expected = heatRun(ref, t, false, dims, nx, e[0], e[1], b, u0);
                        for (boolean offHeap : new boolean[] {false, true}) {
                            double[][] got = heatRun(sim, t, offHeap, dims, nx, e[0], e[1], b, u0);
                            String where = offHeap ? " off-heap" : " heap";
                            assertArrayEquals(expected[0], got[0], what + where + ": grid");
                            assertArrayEquals(expected[1], got[1], what + where + ": scratch");
                        }
                    }
                }
            }
        }
    }

    /** Grid and scratch (NaN at first) after 3 heat steps from u0, widened to double (exact for float). */
    private static double[][] heatRun(Simulation sim, DType t, boolean offHeap, int dims, int nx, int ny, int nz, Boundary b,
            double[] u0) {
        int n = u0.length;
        double[] nan = new double[n];
        java.util.Arrays.fill(nan, Double.NaN);
        int steps = 3;
        if (t == DType.F64 && !offHeap) {
            double[] g = u0.clone();
            double[] s = nan;
            if (dims == 2) {
                sim.heat2d(g, s, nx, ny * nz, 0.2, b, steps);
            } else {
                sim.heat3d(g, s, nx, ny, nz, 0.15, b, steps);
            }
            return new double[][] {g, s};
        }
        if (t == DType.F32 && !offHeap) {
            float[] g = SimulationContractTest.f32(u0);
            float[] s = SimulationContractTest.f32(nan);
            if (dims == 2) {
                sim.heat2d(g, s, nx, ny * nz, 0.2f, b, steps);
            } else {
                sim.heat3d(g, s, nx, ny, nz, 0.15f, b, steps);
            }
            return new double[][] {SimulationContractTest.f64(g), SimulationContractTest.f64(s)};
        }
        if (t == DType.F64) {
            try (DoubleArray whole = DoubleArray.allocate(2L * n + 3)) {
                DoubleArray g = whole.view(1, n);
                DoubleArray s = whole.view(n + 2, n);
                g.copyFrom(u0);
                s.copyFrom(nan);
                if (dims == 2) {
                    sim.heat2d(g, s, nx, ny * nz, 0.2, b, steps);
                } else {
                    sim.heat3d(g, s, nx, ny, nz, 0.15, b, steps);
                }
                untouched(whole.get(0), whole.get(n + 1), whole.get(2L * n + 2));
                return new double[][] {g.toArray(), s.toArray()};
            }
        }
        try (FloatArray whole = FloatArray.allocate(2L * n + 3)) {
            FloatArray g = whole.view(1, n);
            FloatArray s = whole.view(n + 2, n);
            g.copyFrom(SimulationContractTest.f32(u0));
            s.copyFrom(SimulationContractTest.f32(nan));
            if (dims == 2) {
                sim.heat2d(g, s, nx, ny * nz, 0.2f, b, steps);
            } else {
                sim.heat3d(g, s, nx, ny, nz, 0.15f, b, steps);
            }
            untouched(whole.get(0), whole.get(n + 1), whole.get(2L * n + 2));
            return new double[][] {SimulationContractTest.f64(g.toArray()), SimulationContractTest.f64(s.toArray())};
        }
    }

    private static void untouched(double before, double between, double after) {
        assertEquals(0.0, before, "nothing written before the grid");
        assertEquals(0.0, between, "nothing written between the grids");
        assertEquals(0.0, after, "nothing written after the scratch");
    }

    /** cpu-simd on 1, 2 and 3 threads: every simulation kernel gives the same bits (work is split by cells, rows or bodies). */
    @Test
    void sameBitsForEveryThreadCount() {
        Probe simd = PelRuntime.defaultRuntime().probes().stream().filter(p -> p.name().equals(SimdBackend.NAME)).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(simd != null && simd.isAvailable(), SimdBackend.NAME + " is not available");
        SplittableRandom r = new SplittableRandom(7);
        int nx = 129;
        int ny = 77;
        float[] u0 = new float[nx * ny];
        for (int i = 0; i < u0.length; i++) {
            u0[i] = (float) r.nextDouble(-1, 1);
        }
        float[] f = new float[9];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextDouble(-1, 1);
        }
        // 37 x 23 x 41: heat splits its rows in tasks of about 16K cells, so this grid makes 3.
        float[] grid3 = new float[37 * 23 * 41];
        for (int i = 0; i < grid3.length; i++) {
            grid3[i] = (float) r.nextDouble(-1, 1);
        }
        int nb = 301;
        float[][] bodies = new float[7][nb];
        for (float[] b : bodies) {
            for (int i = 0; i < nb; i++) {
                b[i] = (float) r.nextDouble(1, 3);
            }
        }
        List<float[]> first = null;
        for (int threads : new int[] {1, 2, 3}) {
            // parallelMinBytes 0: every call of these small shapes is split across all the runtime's threads.
            try (PelRuntime rt = PelRuntime.create(
                    PelConfig.builder().threads(threads).parallelMinBytes(0).backend(SimdBackend.NAME).build())) {
                Simulation sim = Simulation.on(rt);
                List<float[]> out = new ArrayList<>();
                out.add(sim.heat2d(u0.clone(), new float[u0.length], nx, ny, 0.2f, Boundary.PERIODIC, 3));
                assertEquals(threads, PelRuntime.lastCall().threads(), "the call used the runtime's threads");
                for (Boundary bd : Boundary.values()) {
                    out.add(sim.heat2d(grid3.clone(), new float[grid3.length], 37, 23 * 41, 0.2f, bd, 3));
                    out.add(sim.heat3d(grid3.clone(), new float[grid3.length], 37, 23, 41, 0.15f, bd, 3));
                }
                float[] conv = new float[u0.length];
                sim.convolve2d(u0, nx, ny, f, 3, 3, Edge.ZERO, conv);
                out.add(conv);
                float[][] b = new float[7][];
                for (int q = 0; q < 7; q++) {
                    b[q] = bodies[q].clone();
                }
                sim.nbody(b[0], b[1], b[2], b[3], b[4], b[5], b[6], 0.1f, 0.01f);
                out.addAll(List.of(b));
                float[] call = new float[nb];
                float[] put = new float[nb];
                sim.blackScholes(bodies[0], bodies[1], bodies[2], 0.02f, 0.3f, call, put);
                out.add(call);
                out.add(put);
                if (first == null) {
                    first = out;
                } else {
                    for (int k = 0; k < out.size(); k++) {
                        assertArrayEquals(first.get(k), out.get(k), threads + " threads: output " + k + " differs from 1 thread");
                    }
                }
            }
        }
    }
}
