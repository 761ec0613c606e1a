package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.Simulation;
import dev.pel.kernels.cpu.Philox;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Arrays;

/**
 * {@code Simulation.normal}: elements [0, n) of the standard normal stream of the sweep's seed
 * (Box-Muller on Philox uniforms), checked on every element against Box-Muller in float64 on the
 * same uniforms within {@code Tolerances.normal} (log, sqrt, cos and sin are each backend's own).
 *
 * <p>Sweep size n: n numbers; extents (n).
 */
public final class NormalWorkload extends CountWorkload {
    public NormalWorkload() {
        super("normal", Catalogue.NORMAL);
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
                        sim.normal(seed, 0, outF32);
                        return 0;
                    };
                }
                Arrays.fill(outF64, Double.NaN);
                return () -> {
                    sim.normal(seed, 0, outF64);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                SimulationWorkload.Worst worst = check(who);
                int[] w = new int[4];
                double radius = 0;
                double theta = 0;
                for (int i = 0; i < n; i++) {
                    // Element i is the cosine (even i) or sine (odd i) of pair i/2; f32 pairs take two words, f64 pairs a block.
                    if ((i & 1) == 0) {
                        double u1;
                        double u2;
                        if (single) {
                            if ((i & 3) == 0) {
                                Philox.block(seed, i >>> 2, w);
                            }
                            int h = i & 2;
                            u1 = Philox.toUniformF32(w[h]) + 0x1p-24f;
                            u2 = Philox.toUniformF32(w[h + 1]);
                        } else {
                            Philox.block(seed, i >>> 1, w);
                            u1 = Philox.toUniformF64(w[0], w[1]) + 0x1p-53;
                            u2 = Philox.toUniformF64(w[2], w[3]);
                        }
                        radius = Math.sqrt(-2 * Math.log(u1));
                        theta = 2 * Math.PI * u2;
                    }
                    double z = radius * ((i & 1) == 0 ? Math.cos(theta) : Math.sin(theta));
                    worst.check("out", i, z, single ? outF32[i] : outF64[i], References.normal(dtype, radius));
                }
                worst.done();
            }
        };
    }
}
