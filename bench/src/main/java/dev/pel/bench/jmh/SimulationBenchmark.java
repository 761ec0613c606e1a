package dev.pel.bench.jmh;

import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.simulation.SimulationWorkload;
import dev.pel.bench.workload.simulation.SimulationWorkloads;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Locale;
import java.util.Map;
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
 * The simulation kernels ({@code Simulation}) at the problem sizes of the TornadoVM benchmark suite
 * where it has the same kernel, so the numbers can be set beside its published tables; one call per
 * operation, on heap arrays (an OpenCL backend copies them to the device and back on every call).
 *
 * <table>
 * <caption>Problems (parameter {@code kernel})</caption>
 * <tr><th>kernel</th><th>shape</th><th>TornadoVM benchmark</th></tr>
 * <tr><td>heat3d</td><td>101 x 101 x 101, 1 step</td><td>stencil (size 1,048,576; TornadoVM's is a 27-point stencil)</td></tr>
 * <tr><td>heat2d</td><td>1024 x 1024, 1 step</td><td>none (same cell count as heat3d)</td></tr>
 * <tr><td>convolve2d</td><td>2048 x 2048 image, 5 x 5 filter</td><td>convolveimage, convolvearray</td></tr>
 * <tr><td>blur</td><td>1024 x 1024 image, 31 x 31 filter ({@code convolve2d})</td><td>blurFilter</td></tr>
 * <tr><td>convolve1d</td><td>4,194,304 elements, 5 taps</td><td>none (convolvearray's element count)</td></tr>
 * <tr><td>nbody</td><td>16,384 bodies, one step</td><td>nbody</td></tr>
 * <tr><td>blackscholes</td><td>4,194,304 options</td><td>blackscholes</td></tr>
 * <tr><td>montecarlo-pi</td><td>1,048,576 samples</td><td>montecarlo</td></tr>
 * <tr><td>philox-bits, uniform, normal</td><td>1,048,576 words / numbers</td><td>none</td></tr>
 * </table>
 *
 * <p>The operands, the float64 reference and its tolerance are the sweep's ({@link SimulationWorkload}):
 * the trial's setup makes one call, checks that the forced backend ran it and that the result is
 * right, and only then is anything measured. n-body steps in place, so measured calls go on
 * simulating from the checked step (the work does not depend on the positions).
 *
 * <p>Backends as in {@link PelBenchmarkBase}: a backend that is not available here, or has no such
 * kernel at the dtype (f64 on a device without {@code cl_khr_fp64}; philox-bits and montecarlo-pi,
 * which are integer kernels, at f64) fails that trial's setup with the reason. The default dtype is
 * f32, as in TornadoVM's suite; add {@code -p dtype=f32,f64} for double. Some combinations are slow
 * ({@code nbody} and {@code blur} on {@code cpu-scalar} take seconds a call): pick with
 * {@code -p kernel=... -p backend=...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulationBenchmark {
    private static final long SEED = 42;

    /** The problems, by parameter value: workload and shape (see the class comment). */
    static final Map<String, Problem> PROBLEMS = Map.ofEntries(
            problem("heat3d", "heat3d", 101, 101, 101),
            problem("heat2d", "heat2d", 1024, 1024),
            problem("convolve2d", "convolve2d", 2048, 2048, 5, 5),
            problem("blur", "convolve2d", 1024, 1024, 31, 31),
            problem("convolve1d", "convolve1d", 4_194_304, 5),
            problem("nbody", "nbody", 16_384),
            problem("blackscholes", "blackscholes", 4_194_304),
            problem("montecarlo-pi", "montecarlo-pi", 1_048_576),
            problem("philox-bits", "philox-bits", 1_048_576),
            problem("uniform", "uniform", 1_048_576),
            problem("normal", "normal", 1_048_576));

    /** A benchmark problem: a workload and the shape it runs at. */
    record Problem(SimulationWorkload workload, int[] shape) {
    }

    private static Map.Entry<String, Problem> problem(String param, String kernel, int... shape) {
        return Map.entry(param, new Problem(SimulationWorkloads.byName(kernel), shape));
    }

    @Param({"heat3d", "heat2d", "convolve2d", "blur", "convolve1d", "nbody", "blackscholes", "montecarlo-pi", "philox-bits",
        "uniform", "normal"})
    public String kernel;

    /** A backend name, an alias such as {@code opencl}, or {@code auto}. */
    @Param({"cpu-scalar", "cpu-simd", "opencl", "auto"})
    public String backend;

    @Param({"f32"})
    public String dtype;

    private Workload.Instance instance;
    private KernelCall call;

    @Setup(Level.Trial)
    public void setUp() {
        Problem p = PROBLEMS.get(kernel);
        if (p == null) {
            throw new IllegalStateException(point() + ": no such problem; there are " + PROBLEMS.keySet());
        }
        DType type = DType.parse(dtype);
        PelRuntime runtime;
        try {
            runtime = PelRuntime.defaultRuntime().withBackend(backend);
        } catch (BackendUnavailableException e) {
            throw new IllegalStateException(point() + ": " + e.getMessage(), e);
        }
        runtime.forcedBackend().ifPresent(b -> {
            if (!p.workload().supports(b, type)) {
                throw new IllegalStateException(point() + ": " + p.workload().whyNot(b, type));
            }
        });
        if (runtime.forcedBackend().isEmpty() && runtime.backends().values().stream().noneMatch(b -> p.workload().supports(b, type))) {
            throw new IllegalStateException(point() + ": no backend has " + p.workload().name() + " at " + type.label());
        }
        instance = p.workload().prepare(type, p.shape(), SEED);
        call = instance.bind(runtime);
        double result = call.call();
        CallRecord last = PelRuntime.lastCall();
        if (last == null || !last.kernel().equals(p.workload().name())) {
            throw new IllegalStateException(point() + ": no Pel call of " + p.workload().name() + " was recorded");
        }
        runtime.forcedBackend().ifPresent(b -> {
            if (!b.name().equals(last.backend())) {
                throw new IllegalStateException(point() + ": forced " + b.name() + " but " + last.backend() + " ran it");
            }
        });
        instance.verify(result, backend.equals(last.backend()) ? backend : backend + " (" + last.backend() + ")");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (instance != null) {
            instance.close();
            instance = null;
        }
        call = null;
    }

    @Benchmark
    public double simulation() {
        return call.call();
    }

    private String point() {
        return String.format(Locale.ROOT, "SimulationBenchmark kernel=%s backend=%s dtype=%s", kernel, backend, dtype);
    }
}
