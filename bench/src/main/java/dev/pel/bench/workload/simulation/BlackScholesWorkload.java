package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.Simulation;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code Simulation.blackScholes}: call and put prices of options with S and K uniform in [10, 100)
 * and T in [0.05, 10) years (TornadoVM's ranges, deep in and out of the money included), r = 0.03,
 * sigma = 0.25.
 *
 * <p>The check: every option must satisfy put-call parity ({@code call - put = S - K e^{-rT}}) within
 * twice {@code Tolerances.blackScholes} and lie within its bounds ({@code 0 <= call <= S},
 * {@code 0 <= put <= K}, give or take that tolerance), which catches unwritten (NaN) and garbage
 * elements everywhere; the prices themselves are held to the float64 closed form (an accurate CDF
 * rather than the kernels' Hart approximation) within {@code Tolerances.blackScholes} on every option
 * up to {@value #FULL} options, and beyond that on the first and last {@value #EDGE} options and
 * {@value #SAMPLES} evenly spaced ones between (the accurate CDF costs about a microsecond an
 * option, 16 s at 16Mi options).
 *
 * <p>Sweep size n: n options; extents (n).
 */
public final class BlackScholesWorkload extends CountWorkload {
    static final double RATE = 0.03;
    static final double SIGMA = 0.25;
    static final int FULL = 65_536;
    static final int EDGE = 4096;
    static final int SAMPLES = 57_344;

    public BlackScholesWorkload() {
        super("blackscholes", Catalogue.BLACK_SCHOLES);
    }

    @Override
    Instance create(DType dtype, int[] shape, long seed) {
        return new BlackScholesInstance(this, dtype, shape, seed);
    }

    private static final class BlackScholesInstance extends SimulationInstance {
        private final int n;
        private final double rate;
        private final double sigma;
        private final double[] s;
        private final double[] k;
        private final double[] t;
        private final float[][] f32Arrays; // s, k, t, call, put
        private final double[][] f64Arrays;

        BlackScholesInstance(BlackScholesWorkload w, DType dtype, int[] shape, long seed) {
            super(w, dtype, shape, seed);
            n = shape[0];
            rate = typed(dtype, RATE);
            sigma = typed(dtype, SIGMA);
            SplittableRandom r = new SplittableRandom(seed);
            s = data(dtype, r, n, 10, 100);
            k = data(dtype, r, n, 10, 100);
            t = data(dtype, r, n, 0.05, 10);
            f32Arrays = f32 ? new float[5][n] : null;
            f64Arrays = f32 ? null : new double[5][n];
        }

        @Override
        public KernelCall bind(PelRuntime runtime) {
            Simulation sim = Simulation.on(runtime);
            double[][] inputs = {s, k, t};
            if (f32) {
                float[][] a = f32Arrays;
                for (int q = 0; q < 3; q++) {
                    copy(inputs[q], a[q]);
                }
                Arrays.fill(a[3], Float.NaN);
                Arrays.fill(a[4], Float.NaN);
                float r = (float) rate;
                float v = (float) sigma;
                return () -> {
                    sim.blackScholes(a[0], a[1], a[2], r, v, a[3], a[4]);
                    return 0;
                };
            }
            double[][] a = f64Arrays;
            for (int q = 0; q < 3; q++) {
                System.arraycopy(inputs[q], 0, a[q], 0, n);
            }
            Arrays.fill(a[3], Double.NaN);
            Arrays.fill(a[4], Double.NaN);
            return () -> {
                sim.blackScholes(a[0], a[1], a[2], rate, sigma, a[3], a[4]);
                return 0;
            };
        }

        private double call(int i) {
            return f32 ? f32Arrays[3][i] : f64Arrays[3][i];
        }

        private double put(int i) {
            return f32 ? f32Arrays[4][i] : f64Arrays[4][i];
        }

        /** Whether option i is compared with the closed form (see the class comment). */
        private boolean sampled(int i) {
            if (n <= FULL || i < EDGE || i >= n - EDGE) {
                return true;
            }
            long stride = Math.max(1, (long) (n - 2 * EDGE) / SAMPLES);
            return (i - EDGE) % stride == 0;
        }

        @Override
        public void verify(double result, String who) {
            SimulationWorkload.Worst worst = check(who);
            double u64 = References.u(DType.F64);
            for (int i = 0; i < n; i++) {
                double bound = References.blackScholes(dtype, s[i], k[i], t[i], rate, sigma);
                double c = call(i);
                double p = put(i);
                double parity = s[i] - k[i] * Math.exp(-rate * t[i]);
                worst.check("call - put (parity)", i, parity, c - p, 2 * bound + 4 * u64 * (s[i] + k[i]));
                worst.check("call (within [0, S])", i, Math.clamp(c, 0, s[i]), c, bound);
                worst.check("put (within [0, K])", i, Math.clamp(p, 0, k[i]), p, bound);
                if (sampled(i)) {
                    double[] e = References.blackScholes(s[i], k[i], t[i], rate, sigma);
                    worst.check("call", i, e[0], c, bound);
                    worst.check("put", i, e[1], p, bound);
                }
            }
            worst.done();
        }
    }
}
