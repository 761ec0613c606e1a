package dev.pel.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * gemm and gemv (row-major, alpha 1, beta 0) on a Pel backend or a peer ({@code openblas},
 * {@code ejml}, {@code netlib-vector}, {@code netlib-java}), through the same implementations as
 * {@code pel matrix}; the result is checked against a float64 reference on a sample of elements in
 * the trial's setup. Shapes: {@code n} (square) or {@code MxNxK} (gemm) / {@code MxN} (gemv).
 * Convert to GFLOP/s with 2mnk (gemm) or 2mn (gemv) flops per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GemmBenchmark {
    @Param({"pel:cpu-simd", "openblas", "ejml", "netlib-vector"})
    public String impl;

    @Param({"gemm", "gemv"})
    public String kernel;

    @Param({"f64", "f32"})
    public String dtype;

    @Param({"64", "256", "1024", "2048", "4096x64x4096", "64x4096x4096"})
    public String shape;

    private dev.pel.bench.matrix.MatrixBench.Prepared call;

    @Setup(Level.Trial)
    public void setUp() {
        call = dev.pel.bench.matrix.MatrixBench.prepare(impl, kernel, dtype, shape);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        call.close();
    }

    @Benchmark
    public void run() {
        call.run();
    }
}
