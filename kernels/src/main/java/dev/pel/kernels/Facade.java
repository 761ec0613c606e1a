package dev.pel.kernels;

import dev.pel.kernels.spi.KernelFamily;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.Decision;
import dev.pel.runtime.dispatch.FaultInjection;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.dispatch.Placement;
import java.util.List;

/**
 * What every facade does after validating: ask the runtime where the call runs, run it there,
 * record what ran. Facades bound to no runtime use {@link PelRuntime#defaultRuntime()} at call time.
 *
 * <p>A vector call passes its length n; a matrix call passes its extents (d0, d1, d2), from which
 * the kernel's {@link KernelSpec.Cost} gives the flops and bytes the dispatcher weighs. Each call
 * also passes where its operands live ({@link Placement}), so data resident on a device can pull
 * the call there. A backend that fails a call with a device error is quarantined by the runtime and
 * the call is run again, from the start, where the runtime says ({@link PelRuntime#failed}), when
 * the failed attempt cannot have written anything.
 *
 * @param <S> the kernel family's interface
 */
abstract class Facade<S> {
    private final PelRuntime runtime;
    private final KernelFamily<S> family;

    Facade(PelRuntime runtime, KernelFamily<S> family) {
        this.runtime = runtime;
        this.family = family;
    }

    /** The runtime calls go through. */
    public final PelRuntime runtime() {
        return runtime != null ? runtime : PelRuntime.defaultRuntime();
    }

    @FunctionalInterface
    interface Body<S> {
        void run(S set, int threads);
    }

    @FunctionalInterface
    interface DoubleBody<S> {
        /*wide*/double run(S set, int threads);
    }

    @FunctionalInterface
    interface LongBody<S> {
        long run(S set, int threads);
    }

    /** A vector call of n elements. */
    final void run(KernelSpec kernel, DType dtype, long n, Placement where, Body<S> body) {
        run(kernel, dtype, n, 1, 1, where, body);
    }

    /** A call of extents d0 x d1 x d2 (unused extents 1), e.g. gemm's m, n, k. */
    final void run(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, Body<S> body) {
        PelRuntime rt = runtime();
        Decision d = decide(rt, kernel, dtype, d0, d1, d2, where);
        while (true) {
            long t0 = rt.start(d, kernel, dtype, d0, d1, d2);
            try {
                FaultInjection.check(d.backend());
                body.run(family.of(d.backend()), d.threads());
            } catch (RuntimeException e) {
                d = rt.failed(d, e, kernel, dtype, d0, d1, d2, where, family.supporting(dtype));
                continue;
            }
            rt.completed(d, kernel, dtype, d0, d1, d2, where, t0);
            return;
        }
    }

    final double reduce(KernelSpec kernel, DType dtype, long n, Placement where, DoubleBody<S> body) {
        PelRuntime rt = runtime();
        Decision d = decide(rt, kernel, dtype, n, 1, 1, where);
        while (true) {
            long t0 = rt.start(d, kernel, dtype, n, 1, 1);
            double r;
            try {
                FaultInjection.check(d.backend());
                r = body.run(family.of(d.backend()), d.threads());
            } catch (RuntimeException e) {
                d = rt.failed(d, e, kernel, dtype, n, 1, 1, where, family.supporting(dtype));
                continue;
            }
            rt.completed(d, kernel, dtype, n, 1, 1, where, t0);
            return r;
        }
    }

    final long reduceIndex(KernelSpec kernel, DType dtype, long n, Placement where, LongBody<S> body) {
        PelRuntime rt = runtime();
        Decision d = decide(rt, kernel, dtype, n, 1, 1, where);
        while (true) {
            long t0 = rt.start(d, kernel, dtype, n, 1, 1);
            long r;
            try {
                FaultInjection.check(d.backend());
                r = body.run(family.of(d.backend()), d.threads());
            } catch (RuntimeException e) {
                d = rt.failed(d, e, kernel, dtype, n, 1, 1, where, family.supporting(dtype));
                continue;
            }
            rt.completed(d, kernel, dtype, n, 1, 1, where, t0);
            return r;
        }
    }

    /** The runtime's decision; a forced backend that lacks these kernels fails with the reason why. */
    private Decision decide(PelRuntime rt, KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where) {
        try {
            return rt.decide(kernel, dtype, d0, d1, d2, where, family.supporting(dtype));
        } catch (BackendUnavailableException e) {
            String why = rt.forcedBackend().map(b -> family.whyNot(b, dtype)).orElse(null);
            if (why == null) {
                throw e;
            }
            throw new BackendUnavailableException(e.getMessage() + " (" + why + ")");
        }
    }

    /** {@code pel explain} lines for a vector call of this facade's family on heap arrays. */
    public final List<String> explain(KernelSpec kernel, DType dtype, long n) {
        return runtime().explain(kernel, dtype, n, family.supporting(dtype));
    }

    /** {@code pel explain} lines for a call of extents d0 x d1 x d2 whose operands are {@code where}. */
    public final List<String> explain(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where) {
        return runtime().explain(kernel, dtype, d0, d1, d2, where, family.supporting(dtype));
    }
}
