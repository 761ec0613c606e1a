package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.Simulation;
import dev.pel.kernels.cpu.Philox;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Arrays;

/**
 * {@code Simulation.bits}: words [0, n) of the Philox4x32-10 stream of the sweep's seed, checked
 * bit for bit against {@link Philox#block} (the stream's definition) on every word. The words are
 * integers: the kernel is dispatched and swept as f32 (4-byte elements) only.
 *
 * <p>Sweep size n: n words; extents (n).
 */
public final class PhiloxBitsWorkload extends CountWorkload {
    /** What the output holds before a call: a word that is still this where the stream differs was not written. */
    static final int POISON = 0xDEADBEEF;

    public PhiloxBitsWorkload() {
        super("philox-bits", Catalogue.PHILOX_BITS);
    }

    @Override
    protected boolean hasType(DType dtype) {
        return dtype == DType.F32;
    }

    @Override
    Instance create(DType dtype, int[] shape, long seed) {
        if (!hasType(dtype)) {
            throw new IllegalArgumentException("dtype: " + whyNot(null, dtype));
        }
        int[] out = new int[shape[0]];
        return new SimulationInstance(this, dtype, shape, seed) {
            @Override
            public KernelCall bind(PelRuntime runtime) {
                Simulation sim = Simulation.on(runtime);
                Arrays.fill(out, POISON);
                return () -> {
                    sim.bits(seed, 0, out);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                SimulationWorkload.Worst worst = check(who);
                int[] w = new int[4];
                for (int i = 0; i < out.length; i++) {
                    if ((i & 3) == 0) {
                        Philox.block(seed, i >>> 2, w);
                    }
                    if (out[i] != w[i & 3]) {
                        worst.check("out", i, w[i & 3], out[i], 0);
                    }
                }
                worst.done();
            }
        };
    }
}
