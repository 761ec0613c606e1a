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
 * <p>Sizes: 1000 elements stay in L1, 64Ki in L2, 1Mi in L3 and 16Mi in DRAM (for f32 and f64 on the
 * machines we run on). 1000 rather than 1024 because an exact 4 KiB stride between x and y
 * causes 4K aliasing and times the store buffer rather than the kernel (ANCHORS.md).
 *
 * <p>The forked JVMs inherit the launcher's flags (JMH copies the host JVM's arguments), which
 * come from native-config/pel.jvmargs; the append below keeps cpu-simd and the netlib-free Vector
 * API available when the benchmarks are started some other way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public abstract class PelBenchmarkBase {

    @Param({"cpu-scalar", "cpu-simd", "auto"})
    public String backend;

    @Param({"1000", "65536", "1048576", "16777216"})
    public int size;

    @Param({"f32", "f64"})
    public String dtype;

    /** The runtime view the benchmark calls through. */
    protected PelRuntime runtime;
    protected Operands operands;

    /** The kernel this benchmark measures. */
    protected abstract BenchKernel kernel();

    /** Binds the facades of the subclass to {@link #runtime}. */
    protected abstract void bind();

    @Setup
    public final void setUpTrial() {
        runtime = PelRuntime.defaultRuntime().withBackend(backend);
        operands = Operands.generate(DType.parse(dtype), size, 42);
        BenchKernel k = kernel();
        k.verify(operands, PelCalls.bind(k, operands, runtime).call(), backend);
        CallRecord last = PelRuntime.lastCall();
        if (!backend.equals(PelConfig.AUTO) && !last.backend().equals(backend)) {
            throw new IllegalStateException("forced " + backend + " but " + last.backend() + " ran " + k.label());
        }
        operands.reset();
        bind();
    }
}
