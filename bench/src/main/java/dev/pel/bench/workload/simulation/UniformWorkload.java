package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.Simulation;
import dev.pel.kernels.cpu.Philox;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.DType;
import java.util.Arrays;

/**
 * {@code Simulation.uniform}: elements [0, n) of the uniform [0, 1) stream of the sweep's seed,
 * checked bit for bit on every element against the stream's definition ({@link Philox}: 24 bits of
 * one word for f32, 53 bits of two words for f64).
 *
 * <p>Sweep size n: n numbers; extents (n).
 */
public final class UniformWorkload extends CountWorkload {
    public UniformWorkload() {
        super("uniform", Catalogue.UNIFORM);
    }

    @Override
    Instance create(DType dtype, int[] shape, long seed) {
        int n = shape[0];
        boolean single = dtype == DType.F32;
        float[] outF32 = single ? new float[n] : null;
        double[] outF64 = single ? null : new double[n];
        return new SimulationInstance(this, dtype, shape, seed) {
            @Override
            public KernelCall bind(PelRuntime runtime) {
                Simulation sim = Simulation.on(runtime);
                if (single) {
                    Arrays.fill(outF32, Float.NaN);
                    return () -> {
                        sim.uniform(seed, 0, outF32);
                        return 0;
                    };
                }
                Arrays.fill(outF64, Double.NaN);
                return () -> {
                    sim.uniform(seed, 0, outF64);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                SimulationWorkload.Worst worst = check(who);
                int[] w = new int[4];
                for (int i = 0; i < n; i++) {
                    double expected;
                    double got;
                    if (single) {
                        if ((i & 3) == 0) {
                            Philox.block(seed, i >>> 2, w);
                        }
                        expected = Philox.toUniformF32(w[i & 3]);
                        got = outF32[i];
                    } else {
                        if ((i & 1) == 0) {
                            Philox.block(seed, i >>> 1, w);
                        }
                        int h = (i & 1) * 2;
                        expected = Philox.toUniformF64(w[h], w[h + 1]);
                        got = outF64[i];
                    }
                    worst.check("out", i, expected, got, 0);
                }
                worst.done();
            }
        };
    }
}
