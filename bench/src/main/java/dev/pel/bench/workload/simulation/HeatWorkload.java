package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Simulation;
import dev.pel.kernels.Simulation.Boundary;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.KernelSpec;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Heat diffusion, one Jacobi step with fixed (Dirichlet) faces from values uniform in [-1, 1): the
 * result lands in scratch and the grid keeps the initial values, so repeated calls give the same
 * result. Checked on every cell against a float64 step within {@code Tolerances.heat}, and the grid
 * must still hold the initial values exactly.
 */
abstract sealed class HeatWorkload extends SimulationWorkload permits Heat2dWorkload, Heat3dWorkload {
    private final int dims;
    private final double alpha;

    HeatWorkload(String name, KernelSpec spec, int dims, double alpha) {
        super(name, spec);
        this.dims = dims;
        this.alpha = alpha;
    }

    /** Cells and steps (one), as the catalogue's cost takes them. */
    @Override
    public final long[] extentsOf(int[] shape) {
        requireShape(name(), shape, dims);
        long cells = 1;
        for (int e : shape) {
            cells *= e;
        }
        return new long[] {cells, 1, 1};
    }

    @Override
    public final Instance prepare(DType dtype, int[] shape, long seed) {
        requireShape(name(), shape, dims);
        long cells = extentsOf(shape)[0];
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape: " + describe(shape) + " has more cells than a Java array holds");
        }
        return new HeatInstance(this, dtype, shape, seed);
    }

    private static final class HeatInstance extends SimulationInstance {
        private final int nx;
        private final int ny;
        private final int nz;
        private final int dims;
        private final double alpha; // as the element type holds it
        private final double[] u0;
        private final double maxAbs;
        private final float[] gridF32;
        private final float[] scratchF32;
        private final double[] gridF64;
        private final double[] scratchF64;
        private double[] expected; // computed on the first check

        HeatInstance(HeatWorkload w, DType dtype, int[] shape, long seed) {
            super(w, dtype, shape, seed);
            dims = w.dims;
            nx = shape[0];
            ny = shape[1];
            nz = dims == 3 ? shape[2] : 1;
            alpha = typed(dtype, w.alpha);
            int n = nx * ny * nz;
            u0 = data(dtype, new SplittableRandom(seed), n, -1, 1);
            double m = 0;
            for (double v : u0) {
                m = Math.max(m, Math.abs(v));
            }
            maxAbs = m;
            gridF32 = f32 ? new float[n] : null;
            scratchF32 = f32 ? new float[n] : null;
            gridF64 = f32 ? null : new double[n];
            scratchF64 = f32 ? null : new double[n];
        }

        @Override
        public KernelCall bind(PelRuntime runtime) {
            Simulation sim = Simulation.on(runtime);
            if (f32) {
                copy(u0, gridF32);
                Arrays.fill(scratchF32, Float.NaN);
                float a = (float) alpha;
                return dims == 2 ? () -> {
                    sim.heat2d(gridF32, scratchF32, nx, ny, a, Boundary.FIXED, 1);
                    return 0;
                } : () -> {
                    sim.heat3d(gridF32, scratchF32, nx, ny, nz, a, Boundary.FIXED, 1);
                    return 0;
                };
            }
            System.arraycopy(u0, 0, gridF64, 0, u0.length);
            Arrays.fill(scratchF64, Double.NaN);
            return dims == 2 ? () -> {
                sim.heat2d(gridF64, scratchF64, nx, ny, alpha, Boundary.FIXED, 1);
                return 0;
            } : () -> {
                sim.heat3d(gridF64, scratchF64, nx, ny, nz, alpha, Boundary.FIXED, 1);
                return 0;
            };
        }

        @Override
        public void verify(double result, String who) {
            if (expected == null) {
                expected = References.heatStep(u0, nx, ny, nz, dims, alpha, false);
            }
            double bound = References.heat(dtype, dims, 1, alpha, maxAbs);
            SimulationWorkload.Worst worst = check(who);
            for (int i = 0; i < u0.length; i++) {
                worst.check("scratch", i, expected[i], f32 ? scratchF32[i] : scratchF64[i], bound);
                worst.check("grid", i, u0[i], f32 ? gridF32[i] : gridF64[i], 0);
            }
            worst.done();
        }
    }
}
