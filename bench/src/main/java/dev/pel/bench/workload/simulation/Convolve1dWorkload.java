package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.Simulation;
import dev.pel.kernels.Simulation.Edge;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code Simulation.convolve1d} with clamped edges: a signal uniform in [-4, 4), filter taps in
 * [-1, 1). Checked on every element within {@code Tolerances.convolution} of a float64 convolution.
 *
 * <p>Sweep size n: n elements and a 5-tap filter; shape {n, taps}; extents (n, taps).
 */
public final class Convolve1dWorkload extends SimulationWorkload {
    /** Filter taps at every sweep size. */
    public static final int TAPS = 5;

    public Convolve1dWorkload() {
        super("convolve1d", Catalogue.CONVOLVE1D);
    }

    @Override
    public int[] shape(long n) {
        return new int[] {count(n), TAPS};
    }

    @Override
    public long[] extentsOf(int[] shape) {
        requireShape(name(), shape, 2);
        return new long[] {shape[0], shape[1], 1};
    }

    @Override
    public Instance prepare(DType dtype, int[] shape, long seed) {
        requireShape(name(), shape, 2);
        if ((shape[1] & 1) == 0) {
            throw new IllegalArgumentException("shape: the filter size must be odd, was " + shape[1]);
        }
        return new Convolve1dInstance(this, dtype, shape, seed);
    }

    private static final class Convolve1dInstance extends SimulationInstance {
        private final double[] x;
        private final double[] filter;
        private final float[] xF32;
        private final float[] filterF32;
        private final float[] outF32;
        private final double[] xF64;
        private final double[] filterF64;
        private final double[] outF64;
        private double[] expected;
        private double[] sumAbs;

        Convolve1dInstance(Convolve1dWorkload w, DType dtype, int[] shape, long seed) {
            super(w, dtype, shape, seed);
            SplittableRandom r = new SplittableRandom(seed);
            x = data(dtype, r, shape[0], -4, 4);
            filter = data(dtype, r, shape[1], -1, 1);
            xF32 = f32 ? f32(x) : null;
            filterF32 = f32 ? f32(filter) : null;
            outF32 = f32 ? new float[shape[0]] : null;
            xF64 = f32 ? null : x.clone();
            filterF64 = f32 ? null : filter.clone();
            outF64 = f32 ? null : new double[shape[0]];
        }

        @Override
        public KernelCall bind(PelRuntime runtime) {
            Simulation sim = Simulation.on(runtime);
            if (f32) {
                copy(x, xF32);
                copy(filter, filterF32);
                Arrays.fill(outF32, Float.NaN);
                return () -> {
                    sim.convolve1d(xF32, filterF32, Edge.CLAMP, outF32);
                    return 0;
                };
            }
            System.arraycopy(x, 0, xF64, 0, x.length);
            System.arraycopy(filter, 0, filterF64, 0, filter.length);
            Arrays.fill(outF64, Double.NaN);
            return () -> {
                sim.convolve1d(xF64, filterF64, Edge.CLAMP, outF64);
                return 0;
            };
        }

        @Override
        public void verify(double result, String who) {
            if (expected == null) {
                sumAbs = new double[x.length];
                expected = References.convolve1d(x, filter, true, sumAbs);
            }
            SimulationWorkload.Worst worst = check(who);
            for (int i = 0; i < x.length; i++) {
                worst.check("out", i, expected[i], f32 ? outF32[i] : outF64[i], References.convolution(dtype, filter.length, sumAbs[i]));
            }
            worst.done();
        }
    }
}
