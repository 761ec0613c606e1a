package dev.pel.bench.jmh;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.Operands;
import dev.pel.kernels.Blas;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * {@code Blas.axpy}: reads x and y, writes y (12 bytes per element in f32). y is updated in place
 * on every invocation (heap or resident alike: a resident y stays where the backend keeps it); with
 * the small {@link Operands#AXPY_ALPHA} it stays bounded.
 */
public class AxpyBenchmark extends PelBenchmarkBase {
    private static final float ALPHA_F32 = (float) Operands.AXPY_ALPHA;

    private Blas blas;

    @Override
    protected BenchKernel kernel() {
        return BenchKernel.AXPY;
    }

    @Override
    protected void bind() {
        blas = Blas.on(runtime);
    }

    @Benchmark
    public void axpy() {
        if (resident) {
            if (f32) {
                blas.axpy(ALPHA_F32, xNativeF32, yNativeF32);
            } else {
                blas.axpy(Operands.AXPY_ALPHA, xNativeF64, yNativeF64);
            }
        } else if (f32) {
            blas.axpy(ALPHA_F32, xF32, yF32);
        } else {
            blas.axpy(Operands.AXPY_ALPHA, xF64, yF64);
        }
    }
}
