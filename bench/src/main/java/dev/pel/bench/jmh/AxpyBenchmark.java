package dev.pel.bench.jmh;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.Operands;
import dev.pel.kernels.Blas;
import dev.pel.runtime.DType;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * {@code Blas.axpy}: reads x and y, writes y (12 bytes per element in f32). y is updated in place
 * on every invocation; with the small {@link Operands#AXPY_ALPHA} it stays bounded.
 */
public class AxpyBenchmark extends PelBenchmarkBase {
    private Blas blas;
    private boolean f32;

    @Override
    protected BenchKernel kernel() {
        return BenchKernel.AXPY;
    }

    @Override
    protected void bind() {
        blas = Blas.on(runtime);
        f32 = operands.dtype() == DType.F32;
    }

    @Benchmark
    public void axpy() {
        if (f32) {
            blas.axpy((float) Operands.AXPY_ALPHA, operands.xF32(), operands.yF32());
        } else {
            blas.axpy(Operands.AXPY_ALPHA, operands.xF64(), operands.yF64());
        }
    }
}
