package dev.pel.bench.jmh;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.kernels.Reductions;
import dev.pel.runtime.DType;
import org.openjdk.jmh.annotations.Benchmark;

/** {@code Reductions.sum}: reads x (4 bytes per element in f32). */
public class SumBenchmark extends PelBenchmarkBase {
    private Reductions reductions;
    private boolean f32;

    @Override
    protected BenchKernel kernel() {
        return BenchKernel.SUM;
    }

    @Override
    protected void bind() {
        reductions = Reductions.on(runtime);
        f32 = operands.dtype() == DType.F32;
    }

    @Benchmark
    public double sum() {
        return f32 ? reductions.sum(operands.xF32()) : reductions.sum(operands.xF64());
    }
}
