package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.Simulation;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.SplittableRandom;

/**
 * {@code Simulation.nbody}: one all-pairs step of positions uniform in [-10, 10)^3, velocities in
 * [-1, 1)^3 and masses in [0.5, 2), softening 0.3, dt 0.01. Checked on every body (positions and
 * velocities within {@code Tolerances.nbodyPosition}/{@code nbodyVelocity} of a float64 step, mass
 * unchanged). The step is in place: binding a call restores the seeded state, the checked first call
 * steps from it, and timed calls go on simulating (the work of a step does not depend on where the
 * bodies are).
 *
 * <p>Sweep size n: max(2, floor(sqrt(n) / 4)) bodies, so the O(bodies^2) work is about n / 16 pairs
 * (1024 -&gt; 8 bodies, 1Mi -&gt; 256, 16Mi -&gt; 1024); extents (bodies, bodies).
 */
public final class NbodyWorkload extends SimulationWorkload {
    static final double SOFTENING = 0.3;
    static final double DT = 0.01;

    public NbodyWorkload() {
        super("nbody", Catalogue.NBODY);
    }

    @Override
    public int[] shape(long n) {
        return new int[] {Math.max(2, isqrt(count(n)) / 4)};
    }

    @Override
    public long[] extentsOf(int[] shape) {
        requireShape(name(), shape, 1);
        return new long[] {shape[0], shape[0], 1};
    }

    @Override
    public Instance prepare(DType dtype, int[] shape, long seed) {
        requireShape(name(), shape, 1);
        return new NbodyInstance(this, dtype, shape, seed);
    }

    private static final class NbodyInstance extends SimulationInstance {
        private static final String[] NAMES = {"x", "y", "z", "vx", "vy", "vz", "mass"};
        private final int n;
        private final double eps;
        private final double dt;
        private final double[][] initial = new double[7][];
        private final float[][] workF32;
        private final double[][] workF64;
        private double[][] expected; // {x, y, z, vx, vy, vz} after one step, then the six bounds

        NbodyInstance(NbodyWorkload w, DType dtype, int[] shape, long seed) {
            super(w, dtype, shape, seed);
            n = shape[0];
            eps = typed(dtype, SOFTENING);
            dt = typed(dtype, DT);
            SplittableRandom r = new SplittableRandom(seed);
            for (int q = 0; q < 3; q++) {
                initial[q] = data(dtype, r, n, -10, 10);
                initial[q + 3] = data(dtype, r, n, -1, 1);
            }
            initial[6] = data(dtype, r, n, 0.5, 2);
            workF32 = f32 ? new float[7][n] : null;
            workF64 = f32 ? null : new double[7][n];
        }

        @Override
        public KernelCall bind(PelRuntime runtime) {
            Simulation sim = Simulation.on(runtime);
            if (f32) {
                float[][] a = workF32;
                for (int q = 0; q < 7; q++) {
                    copy(initial[q], a[q]);
                }
                float e = (float) eps;
                float d = (float) dt;
                return () -> {
                    sim.nbody(a[0], a[1], a[2], a[3], a[4], a[5], a[6], e, d);
                    return 0;
                };
            }
            double[][] a = workF64;
            for (int q = 0; q < 7; q++) {
                System.arraycopy(initial[q], 0, a[q], 0, n);
            }
            return () -> {
                sim.nbody(a[0], a[1], a[2], a[3], a[4], a[5], a[6], eps, dt);
                return 0;
            };
        }

        private void reference() {
            double[][] acc = References.nbodyAccelerations(initial[0], initial[1], initial[2], initial[6], eps);
            expected = new double[12][n];
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < 3; q++) {
                    double a = acc[q][i];
                    double accErr = References.nbodyAcceleration(dtype, n, acc[q + 3][i]);
                    double v = initial[q + 3][i] + a * dt;
                    double x = initial[q][i] + v * dt;
                    double vErr = References.nbodyVelocity(dtype, dt, accErr, a, v);
                    expected[q][i] = x;
                    expected[q + 3][i] = v;
                    expected[q + 6][i] = References.nbodyPosition(dtype, dt, vErr, v, x);
                    expected[q + 9][i] = vErr;
                }
            }
        }

        @Override
        public void verify(double result, String who) {
            if (expected == null) {
                reference();
            }
            SimulationWorkload.Worst worst = check(who);
            for (int q = 0; q < 7; q++) {
                for (int i = 0; i < n; i++) {
                    double got = f32 ? workF32[q][i] : workF64[q][i];
                    if (q == 6) {
                        worst.check(NAMES[q], i, initial[6][i], got, 0);
                    } else {
                        worst.check(NAMES[q], i, expected[q][i], got, expected[q + 6][i]);
                    }
                }
            }
            worst.done();
        }
    }
}
