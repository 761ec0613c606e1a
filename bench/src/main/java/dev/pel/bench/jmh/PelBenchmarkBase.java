package dev.pel.bench.jmh;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.Operands;
import dev.pel.bench.workload.PelCalls;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every Pel benchmark shares: the backend and size parameters, the backend resolved through
 * the same {@link PelRuntime#withBackend} users call, seeded operands, and a validation of the
 * kernel's result against the float64 reference before anything is measured, so a fast wrong
 * kernel cannot win.
 *
 * <p>Sizes: for f32 operands, 1000 elements fit in L1, 64Ki in L2, 1Mi in L3 and 16Mi only in DRAM
 * on the machines we run on (ANCHORS.md). 1000 rather than 1024 because an exact 4 KiB stride between x and y
 * causes 4K aliasing and times the store buffer rather than the kernel (ANCHORS.md).
 *
 * <p>No JVM flags here: the forked JVMs inherit the host JVM's arguments, which {@code pel jmh}
 * takes from native-config/pel.jvmargs (the one place they are defined). Setup fails loudly if a
 * forced backend is not available, so a run without the flags cannot pass off scalar as SIMD.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class PelBenchmarkBase {
    private static final long SEED = 42;

    @Param({"cpu-scalar", "cpu-simd", "auto"})
    public String backend;

    @Param({"1000", "65536", "1048576", "16777216"})
    public int size;

    @Param({"f32", "f64"})
    public String dtype;

    /** The runtime view the benchmark calls through. */
    protected PelRuntime runtime;
    /** Whether the f32 or the f64 arrays below are set. */
    protected boolean f32;
    protected float[] xF32;
    protected float[] yF32;
    protected double[] xF64;
    protected double[] yF64;

    /** The kernel this benchmark measures. */
    protected abstract BenchKernel kernel();

    /** Binds the facades of the subclass to {@link #runtime}. */
    protected abstract void bind();

    @Setup(Level.Trial)
    public final void setUpTrial() {
        runtime = PelRuntime.defaultRuntime().withBackend(backend);
        Operands operands = Operands.generate(DType.parse(dtype), size, SEED);
        BenchKernel k = kernel();
        k.verify(operands, PelCalls.bind(k, operands, runtime).call(), backend);
        CallRecord last = PelRuntime.lastCall();
        if (!backend.equals(PelConfig.AUTO) && !last.backend().equals(backend)) {
            throw new IllegalStateException("forced " + backend + " but " + last.backend() + " ran " + k.label());
        }
        operands.reset();
        f32 = operands.dtype() == DType.F32;
        if (f32) {
            xF32 = operands.xF32();
            yF32 = operands.yF32();
        } else {
            xF64 = operands.xF64();
            yF64 = operands.yF64();
        }
        bind();
    }
}
