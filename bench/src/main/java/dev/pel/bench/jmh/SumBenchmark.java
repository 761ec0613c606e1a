package dev.pel.bench.jmh;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.kernels.Reductions;
import org.openjdk.jmh.annotations.Benchmark;

/** {@code Reductions.sum}: reads x (4 bytes per element in f32). */
public class SumBenchmark extends PelBenchmarkBase {
    private Reductions reductions;

    @Override
    protected BenchKernel kernel() {
        return BenchKernel.SUM;
    }

    @Override
    protected void bind() {
        reductions = Reductions.on(runtime);
    }

    @Benchmark
    public double sum() {
        if (resident) {
            return f32 ? reductions.sum(xNativeF32) : reductions.sum(xNativeF64);
        }
        return f32 ? reductions.sum(xF32) : reductions.sum(xF64);
    }
}
