package dev.pel.bench.jmh;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.kernels.Blas;
import org.openjdk.jmh.annotations.Benchmark;

/** {@code Blas.dot}: reads x and y (8 bytes per element in f32). */
public class DotBenchmark extends PelBenchmarkBase {
    private Blas blas;

    @Override
    protected BenchKernel kernel() {
        return BenchKernel.DOT;
    }

    @Override
    protected void bind() {
        blas = Blas.on(runtime);
    }

    @Benchmark
    public double dot() {
        if (resident) {
            return f32 ? blas.dot(xNativeF32, yNativeF32) : blas.dot(xNativeF64, yNativeF64);
        }
        return f32 ? blas.dot(xF32, yF32) : blas.dot(xF64, yF64);
    }
}
