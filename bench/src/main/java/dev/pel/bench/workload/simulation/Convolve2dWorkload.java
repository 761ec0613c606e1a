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
 * {@code Simulation.convolve2d} with clamped edges: an image uniform in [0, 255), filter taps in
 * [-1, 1). Checked on every pixel within {@code Tolerances.convolution} of a float64 convolution.
 *
 * <p>Sweep size n: a w x h image with w = floor(sqrt n), h = floor(n / w) (1024 -&gt; 32 x 32, 16Mi
 * -&gt; 4096 x 4096) and a 5 x 5 filter; shape {w, h, kw, kh}; extents (pixels, taps = kw kh).
 */
public final class Convolve2dWorkload extends SimulationWorkload {
    /** Filter width and height at every sweep size. */
    public static final int FILTER = 5;

    public Convolve2dWorkload() {
        super("convolve2d", Catalogue.CONVOLVE2D);
    }

    @Override
    public int[] shape(long n) {
        int w = isqrt(count(n));
        return new int[] {w, (int) (n / w), FILTER, FILTER};
    }

    @Override
    public long[] extentsOf(int[] shape) {
        requireShape(name(), shape, 4);
        return new long[] {(long) shape[0] * shape[1], (long) shape[2] * shape[3], 1};
    }

    @Override
    public Instance prepare(DType dtype, int[] shape, long seed) {
        requireShape(name(), shape, 4);
        if ((shape[2] & 1) == 0 || (shape[3] & 1) == 0) {
            throw new IllegalArgumentException("shape: the filter's sizes must be odd, was " + describe(shape));
        }
        if (extentsOf(shape)[0] > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape: " + describe(shape) + " has more pixels than a Java array holds");
        }
        return new Convolve2dInstance(this, dtype, shape, seed);
    }

    private static final class Convolve2dInstance extends SimulationInstance {
        private final int w;
        private final int h;
        private final int kw;
        private final int kh;
        private final double[] image;
        private final double[] filter;
        private final float[] imageF32;
        private final float[] filterF32;
        private final float[] outF32;
        private final double[] imageF64;
        private final double[] filterF64;
        private final double[] outF64;
        private double[] expected;
        private double[] sumAbs;

        Convolve2dInstance(Convolve2dWorkload wl, DType dtype, int[] shape, long seed) {
            super(wl, dtype, shape, seed);
            w = shape[0];
            h = shape[1];
            kw = shape[2];
            kh = shape[3];
            SplittableRandom r = new SplittableRandom(seed);
            image = data(dtype, r, w * h, 0, 255);
            filter = data(dtype, r, kw * kh, -1, 1);
            imageF32 = f32 ? f32(image) : null;
            filterF32 = f32 ? f32(filter) : null;
            outF32 = f32 ? new float[w * h] : null;
            imageF64 = f32 ? null : image.clone();
            filterF64 = f32 ? null : filter.clone();
            outF64 = f32 ? null : new double[w * h];
        }

        @Override
        public KernelCall bind(PelRuntime runtime) {
            Simulation sim = Simulation.on(runtime);
            if (f32) {
                copy(image, imageF32);
                copy(filter, filterF32);
                Arrays.fill(outF32, Float.NaN);
                return () -> {
                    sim.convolve2d(imageF32, w, h, filterF32, kw, kh, Edge.CLAMP, outF32);
                    return 0;
                };
            }
            System.arraycopy(image, 0, imageF64, 0, image.length);
            System.arraycopy(filter, 0, filterF64, 0, filter.length);
            Arrays.fill(outF64, Double.NaN);
            return () -> {
                sim.convolve2d(imageF64, w, h, filterF64, kw, kh, Edge.CLAMP, outF64);
                return 0;
            };
        }

        @Override
        public void verify(double result, String who) {
            if (expected == null) {
                sumAbs = new double[image.length];
                expected = References.convolve2d(image, w, h, filter, kw, kh, true, sumAbs);
            }
            SimulationWorkload.Worst worst = check(who);
            for (int i = 0; i < image.length; i++) {
                worst.check("out", i, expected[i], f32 ? outF32[i] : outF64[i], References.convolution(dtype, kw * kh, sumAbs[i]));
            }
            worst.done();
        }
    }
}
