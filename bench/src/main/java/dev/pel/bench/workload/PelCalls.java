package dev.pel.bench.workload;

import dev.pel.bench.workload.BenchKernel.Array;
import dev.pel.kernels.Blas;
import dev.pel.kernels.ElementWise;
import dev.pel.kernels.Reductions;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;

/**
 * Binds a kernel to Pel's public facades on a runtime, exactly as a user would call them: on heap
 * arrays ({@link #bind(BenchKernel, Operands, PelRuntime)}; a device backend copies them in and
 * out on every call) or on off-heap arrays ({@link #bind(BenchKernel, ResidentOperands, PelRuntime)};
 * they stay where the backend keeps them).
 */
public final class PelCalls {
    private PelCalls() {
    }

    /** The call of {@code kernel} on the heap arrays of {@code in} through {@code runtime} (a forcing view or the auto runtime). */
    public static KernelCall bind(BenchKernel kernel, Operands in, PelRuntime runtime) {
        return in.dtype() == DType.F32 ? heapF32(kernel, in, runtime) : heapF64(kernel, in, runtime);
    }

    /** The call of {@code kernel} on the off-heap arrays of {@code r} through {@code runtime}. */
    public static KernelCall bind(BenchKernel kernel, ResidentOperands r, PelRuntime runtime) {
        if (r.kernel() != kernel) {
            throw new IllegalArgumentException("r: holds the arrays of " + r.kernel().label() + ", not " + kernel.label());
        }
        return r.heap().dtype() == DType.F32 ? nativeF32(kernel, r, runtime) : nativeF64(kernel, r, runtime);
    }

    // @twin-begin F64
    private static final double ALPHA_F64 = (double) Operands.AXPY_ALPHA;
    private static final double LO_F64 = (double) Operands.CLAMP_LO;
    private static final double HI_F64 = (double) Operands.CLAMP_HI;

    private static KernelCall heapF64(BenchKernel kernel, Operands in, PelRuntime runtime) {
        Blas blas = Blas.on(runtime);
        Reductions red = Reductions.on(runtime);
        ElementWise ew = ElementWise.on(runtime);
        double[] x = in.xF64();
        double[] y = in.yF64();
        double[] z = kernel.arrays().contains(Array.Z) ? in.zF64() : null;
        double[] out = kernel.arrays().contains(Array.OUT) ? in.outF64() : null;
        return switch (kernel) {
            case DOT -> () -> blas.dot(x, y);
            case AXPY -> () -> {
                blas.axpy(ALPHA_F64, x, y);
                return 0;
            };
            case SCAL -> () -> {
                blas.scal((double) in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                blas.copy(x, y);
                return 0;
            };
            case SWAP -> () -> {
                blas.swap(x, y);
                return 0;
            };
            case ASUM -> () -> blas.asum(x);
            case NRM2 -> () -> blas.nrm2(x);
            case IAMAX -> () -> blas.iamax(x);
            case SUM -> () -> red.sum(x);
            case MEAN -> () -> red.mean(x);
            case VARIANCE -> () -> red.variance(x);
            case MIN -> () -> red.min(x);
            case MAX -> () -> red.max(x);
            case ADD -> () -> {
                ew.add(x, y, out);
                return 0;
            };
            case MUL -> () -> {
                ew.mul(x, y, out);
                return 0;
            };
            case FMA -> () -> {
                ew.fma(x, y, z, out);
                return 0;
            };
            case EXP -> () -> {
                ew.exp(x, out);
                return 0;
            };
            case SIGMOID -> () -> {
                ew.sigmoid(x, out);
                return 0;
            };
            case CLAMP -> () -> {
                ew.clamp(x, LO_F64, HI_F64, out);
                return 0;
            };
        };
    }

    private static KernelCall nativeF64(BenchKernel kernel, ResidentOperands r, PelRuntime runtime) {
        Blas blas = Blas.on(runtime);
        Reductions red = Reductions.on(runtime);
        ElementWise ew = ElementWise.on(runtime);
        Operands in = r.heap();
        DoubleArray x = r.f64(Array.X);
        DoubleArray y = kernel.arrays().contains(Array.Y) ? r.f64(Array.Y) : null;
        DoubleArray z = kernel.arrays().contains(Array.Z) ? r.f64(Array.Z) : null;
        DoubleArray out = kernel.arrays().contains(Array.OUT) ? r.f64(Array.OUT) : null;
        return switch (kernel) {
            case DOT -> () -> blas.dot(x, y);
            case AXPY -> () -> {
                blas.axpy(ALPHA_F64, x, y);
                return 0;
            };
            case SCAL -> () -> {
                blas.scal((double) in.nextScale(), x);
                return 0;
            };
            case COPY -> () -> {
                blas.copy(x, y);
                return 0;
            };
            case SWAP -> () -> {
                blas.swap(x, y);
                return 0;
            };
            case ASUM -> () -> blas.asum(x);
            case NRM2 -> () -> blas.nrm2(x);
            case IAMAX -> () -> blas.iamax(x);
            case SUM -> () -> red.sum(x);
            case MEAN -> () -> red.mean(x);
            case VARIANCE -> () -> red.variance(x);
            case MIN -> () -> red.min(x);
            case MAX -> () -> red.max(x);
            case ADD -> () -> {
                ew.add(x, y, out);
                return 0;
            };
            case MUL -> () -> {
                ew.mul(x, y, out);
                return 0;
            };
            case FMA -> () -> {
                ew.fma(x, y, z, out);
                return 0;
            };
            case EXP -> () -> {
                ew.exp(x, out);
                return 0;
            };
            case SIGMOID -> () -> {
                ew.sigmoid(x, out);
                return 0;
            };
            case CLAMP -> () -> {
                ew.clamp(x, LO_F64, HI_F64, out);
                return 0;
            };
        };
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private static final float ALPHA_F32 = (float) Operands.AXPY_ALPHA;
    private static final float LO_F32 = (float) Operands.CLAMP_LO;
    private static final float HI_F32 = (float) Operands.CLAMP_HI;

    private static KernelCall heapF32(BenchKernel kernel, Operands in, PelRuntime runtime) {
        Blas blas = Blas.on(runtime);
        Reductions red = Reductions.on(runtime);
        ElementWise ew = ElementWise.on(runtime);
        float[] x = in.xF32();
        float[] y = in.yF32();
        float[] z = kernel.arrays().contains(Array.Z) ? in.zF32() : null;
        float[] out = kernel.arrays().contains(Array.OUT) ? in.outF32() : null;
        return switch (kernel) {
            case DOT -> () -> blas.dot(x, y);
            case AXPY -> () -> {
                blas.axpy(ALPHA_F32, x, y);
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
            case SWAP -> () -> {
                blas.swap(x, y);
                return 0;
            };
            case ASUM -> () -> blas.asum(x);
            case NRM2 -> () -> blas.nrm2(x);
            case IAMAX -> () -> blas.iamax(x);
            case SUM -> () -> red.sum(x);
            case MEAN -> () -> red.mean(x);
            case VARIANCE -> () -> red.variance(x);
            case MIN -> () -> red.min(x);
            case MAX -> () -> red.max(x);
            case ADD -> () -> {
                ew.add(x, y, out);
                return 0;
            };
            case MUL -> () -> {
                ew.mul(x, y, out);
                return 0;
            };
            case FMA -> () -> {
                ew.fma(x, y, z, out);
                return 0;
            };
            case EXP -> () -> {
                ew.exp(x, out);
                return 0;
            };
            case SIGMOID -> () -> {
                ew.sigmoid(x, out);
                return 0;
            };
            case CLAMP -> () -> {
                ew.clamp(x, LO_F32, HI_F32, out);
                return 0;
            };
        };
    }

    private static KernelCall nativeF32(BenchKernel kernel, ResidentOperands r, PelRuntime runtime) {
        Blas blas = Blas.on(runtime);
        Reductions red = Reductions.on(runtime);
        ElementWise ew = ElementWise.on(runtime);
        Operands in = r.heap();
        FloatArray x = r.f32(Array.X);
        FloatArray y = kernel.arrays().contains(Array.Y) ? r.f32(Array.Y) : null;
        FloatArray z = kernel.arrays().contains(Array.Z) ? r.f32(Array.Z) : null;
        FloatArray out = kernel.arrays().contains(Array.OUT) ? r.f32(Array.OUT) : null;
        return switch (kernel) {
            case DOT -> () -> blas.dot(x, y);
            case AXPY -> () -> {
                blas.axpy(ALPHA_F32, x, y);
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
            case SWAP -> () -> {
                blas.swap(x, y);
                return 0;
            };
            case ASUM -> () -> blas.asum(x);
            case NRM2 -> () -> blas.nrm2(x);
            case IAMAX -> () -> blas.iamax(x);
            case SUM -> () -> red.sum(x);
            case MEAN -> () -> red.mean(x);
            case VARIANCE -> () -> red.variance(x);
            case MIN -> () -> red.min(x);
            case MAX -> () -> red.max(x);
            case ADD -> () -> {
                ew.add(x, y, out);
                return 0;
            };
            case MUL -> () -> {
                ew.mul(x, y, out);
                return 0;
            };
            case FMA -> () -> {
                ew.fma(x, y, z, out);
                return 0;
            };
            case EXP -> () -> {
                ew.exp(x, out);
                return 0;
            };
            case SIGMOID -> () -> {
                ew.sigmoid(x, out);
                return 0;
            };
            case CLAMP -> () -> {
                ew.clamp(x, LO_F32, HI_F32, out);
                return 0;
            };
        };
    }
    // @twin-end
}
