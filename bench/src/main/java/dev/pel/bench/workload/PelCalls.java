package dev.pel.bench.workload;

import dev.pel.kernels.Blas;
import dev.pel.kernels.Reductions;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;

/** Binds a kernel to Pel's public facades on a runtime, exactly as a user would call them. */
public final class PelCalls {
    private PelCalls() {
    }

    /** The call of {@code kernel} on {@code in} through {@code runtime} (a forcing view or the auto runtime). */
    public static KernelCall bind(BenchKernel kernel, Operands in, PelRuntime runtime) {
        Blas blas = Blas.on(runtime);
        Reductions reductions = Reductions.on(runtime);
        if (in.dtype() == DType.F32) {
            float[] x = in.xF32();
            float[] y = in.yF32();
            float a = (float) Operands.AXPY_ALPHA;
            return switch (kernel) {
                case DOT -> () -> blas.dot(x, y);
                case AXPY -> () -> {
                    blas.axpy(a, x, y);
                    return 0;
                };
                case SCAL -> () -> {
                    blas.scal((float) in.nextScale(), x);
                    return 0;
                };
                case COPY -> () -> {
                    blas.copy(x, y);
                    return 0;
                };
                case ASUM -> () -> blas.asum(x);
                case NRM2 -> () -> blas.nrm2(x);
                case SUM -> () -> reductions.sum(x);
            };
        }
        double[] x = in.xF64();
        double[] y = in.yF64();
        double a = Operands.AXPY_ALPHA;
        return switch (kernel) {
            case DOT -> () -> blas.dot(x, y);
            case AXPY -> () -> {
                blas.axpy(a, x, y);
                return 0;
            };
            case SCAL -> () -> {
                blas.scal(in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                blas.copy(x, y);
                return 0;
            };
            case ASUM -> () -> blas.asum(x);
            case NRM2 -> () -> blas.nrm2(x);
            case SUM -> () -> reductions.sum(x);
        };
    }
}
