package dev.pel.bench.jmh;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.kernels.Blas;
import dev.pel.runtime.DType;
import org.openjdk.jmh.annotations.Benchmark;

/** {@code Blas.dot}: reads x and y (8 bytes per element in f32). */
public class DotBenchmark extends PelBenchmarkBase {
    private Blas blas;
    private boolean f32;

    @Override
    protected BenchKernel kernel() {
        return BenchKernel.DOT;
    }

    @Override
    protected void bind() {
        blas = Blas.on(runtime);
        f32 = operands.dtype() == DType.F32;
    }

    @Benchmark
    public double dot() {
        return f32 ? blas.dot(operands.xF32(), operands.yF32()) : blas.dot(operands.xF64(), operands.yF64());
    }
}
