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
 *
 * <p>{@code tenant=netlib-vector} first runs netlib's Vector API gemm ({@value #TENANT_CALLS} calls of
 * 16 x 16) in the same JVM, as a Spark job that links both would, so the measured implementation is
 * compiled with another vector class of the same element type loaded: netlib's {@code SPECIES_MAX}
 * vectors are classes of their own, and with two loaded HotSpot can no longer bind the Vector API's
 * calls by class hierarchy alone, see {@code SimdGemmF64}. {@code pel jmh GemmBenchmark -p impl=pel:cpu-simd -p shape=32 -p
 * tenant=none,netlib-vector} shows what that costs.
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

    @Param({"none"})
    public String tenant;

    /** Calls of the tenant's own gemm before the trial: enough for the JIT to compile and profile it. */
    static final int TENANT_CALLS = 20_000;

    private dev.pel.bench.matrix.MatrixBench.Prepared call;

    @Setup(Level.Trial)
    public void setUp() {
        if (!tenant.equals("none")) {
            try (var other = dev.pel.bench.matrix.MatrixBench.prepare(tenant, kernel, dtype, "16")) {
                for (int i = 0; i < TENANT_CALLS; i++) {
                    other.run();
                }
            }
        }
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
