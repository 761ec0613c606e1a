package dev.pel.bench.workload.simulation;

import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.WrongResultException;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.Simulation;
import dev.pel.kernels.cpu.Philox;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Locale;

/**
 * {@code Simulation.piHits}: how many of the first n Monte Carlo samples of the sweep seed's
 * stream fall inside the quarter disc (an exact integer test per sample), checked for the exact
 * count of {@link Philox#piHits} (the stream's definition). The call returns the count. No arrays
 * and an integer result: the kernel is dispatched and swept as f32 only.
 *
 * <p>Sweep size n: n samples; extents (n).
 */
public final class MonteCarloPiWorkload extends CountWorkload {
    public MonteCarloPiWorkload() {
        super("montecarlo-pi", Catalogue.MONTE_CARLO_PI);
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
        long samples = shape[0];
        return new SimulationInstance(this, dtype, shape, seed) {
            private long expected = -1;

            @Override
            public KernelCall bind(PelRuntime runtime) {
                Simulation sim = Simulation.on(runtime);
                return () -> sim.piHits(seed, samples);
            }

            @Override
            public void verify(double result, String who) {
                if (expected < 0) {
                    expected = Philox.piHits(seed, 0, samples);
                }
                if (result != expected) {
                    throw new WrongResultException(String.format(Locale.ROOT, "%s: %s hits, the stream's definition gives %d",
                            workload.prefix(who, dtype, shape, seed), result, expected));
                }
            }
        };
    }
}
