package dev.pel.kernels;

import dev.pel.kernels.spi.KernelSet;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.Decision;
import dev.pel.runtime.dispatch.KernelSpec;
import java.util.List;

/**
 * What every facade does after validating: ask the runtime where the call runs, run it there,
 * record what ran. Facades bound to no runtime use {@link PelRuntime#defaultRuntime()} at call time.
 */
abstract class Facade {
    private final PelRuntime runtime;

    Facade(PelRuntime runtime) {
        this.runtime = runtime;
    }

    /** The runtime calls go through. */
    public final PelRuntime runtime() {
        return runtime != null ? runtime : PelRuntime.defaultRuntime();
    }

    @FunctionalInterface
    interface Body {
        void run(KernelSet set, int threads);
    }

    @FunctionalInterface
    interface DoubleBody {
        /*wide*/double run(KernelSet set, int threads);
    }

    @FunctionalInterface
    interface LongBody {
        long run(KernelSet set, int threads);
    }

    final void run(KernelSpec kernel, DType dtype, long n, Body body) {
        PelRuntime rt = runtime();
        Decision d = decide(rt, kernel, dtype, n);
        long t0 = System.nanoTime();
        body.run(KernelSets.of(d.backend()), d.threads());
        record(rt, kernel, dtype, n, d, t0);
    }

    final double reduce(KernelSpec kernel, DType dtype, long n, DoubleBody body) {
        PelRuntime rt = runtime();
        Decision d = decide(rt, kernel, dtype, n);
        long t0 = System.nanoTime();
        double r = body.run(KernelSets.of(d.backend()), d.threads());
        record(rt, kernel, dtype, n, d, t0);
        return r;
    }

    final long reduceIndex(KernelSpec kernel, DType dtype, long n, LongBody body) {
        PelRuntime rt = runtime();
        Decision d = decide(rt, kernel, dtype, n);
        long t0 = System.nanoTime();
        long r = body.run(KernelSets.of(d.backend()), d.threads());
        record(rt, kernel, dtype, n, d, t0);
        return r;
    }

    /** The runtime's decision; a forced backend that lacks these kernels fails with the reason why. */
    private static Decision decide(PelRuntime rt, KernelSpec kernel, DType dtype, long n) {
        try {
            return rt.decide(kernel, dtype, n, KernelSets.supporting(dtype));
        } catch (BackendUnavailableException e) {
            String why = rt.forcedBackend().map(b -> KernelSets.whyNot(b, dtype)).orElse(null);
            if (why == null) {
                throw e;
            }
            throw new BackendUnavailableException(e.getMessage() + " (" + why + ")");
        }
    }

    private static void record(PelRuntime rt, KernelSpec kernel, DType dtype, long n, Decision d, long t0) {
        rt.record(new CallRecord(kernel.name(), dtype, n, d.backend().name(), d.threads(), System.nanoTime() - t0, d.reason()));
    }

    /** {@code pel explain} lines for a kernel of this catalogue. */
    public final List<String> explain(KernelSpec kernel, DType dtype, long n) {
        return runtime().explain(kernel, dtype, n, KernelSets.supporting(dtype));
    }
}
