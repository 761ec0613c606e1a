package dev.pel.bench.jmh;

import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.analytics.AnalyticsWorkload;
import dev.pel.bench.workload.analytics.AnalyticsWorkloads;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Locale;
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
 * The analytics kernels ({@code Analytics}) through the sweep's workloads
 * ({@link AnalyticsWorkloads}: the same seeded operands, the same call, the same float64 check),
 * one trial per kernel x backend x dtype. The trial's setup validates one call and checks that a
 * forced backend ran it, before anything is measured; kernels that work in place (sort, fft)
 * restore their input inside each call, as the workloads document.
 *
 * <p>{@code size=published} (the default) uses the TornadoVM benchmark suite's sizes where it has the
 * kernel, so the numbers can be set beside its tables, and 2^24 elements (the sweep's largest size)
 * elsewhere:
 * <table>
 *   <caption>problem sizes</caption>
 *   <tr><th>kernel</th><th>extents</th><th>from</th></tr>
 *   <tr><td>spmv</td><td>2,014,701 nonzeros over 44,609 rows</td><td>TornadoVM's spmv (the bcsstk32 matrix's
 *       size; our matrix is random with that shape)</td></tr>
 *   <tr><td>fft</td><td>2^22 complex points</td><td>TornadoVM's dft size</td></tr>
 *   <tr><td>kmeans-step</td><td>2^22 points, k = 8, 4 dims</td><td>the sweep at n = 2^24</td></tr>
 *   <tr><td>transpose</td><td>4096 x 4096</td><td>the sweep at n = 2^24</td></tr>
 *   <tr><td>the others</td><td>2^24 elements</td><td>the sweep at n = 2^24</td></tr>
 * </table>
 * A number ({@code -p size=65536}) uses the sweep's extents at that n instead.
 *
 * <p>Backends: any name {@link PelRuntime#withBackend} accepts ({@code -p backend=cpu-simd,opencl});
 * one that is unavailable or has no analytics kernels for the dtype fails the trial's setup with the
 * reason, as in {@link PelBenchmarkBase}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalyticsBenchmark {
    private static final long SEED = 42;
    /** TornadoVM's spmv matrix, bcsstk32: rows and nonzeros. */
    static final long SPMV_ROWS = 44_609;
    static final long SPMV_NNZ = 2_014_701;
    static final long FFT_POINTS = 1L << 22;
    static final long ELEMENTS = 1L << 24;

    @Param({"scan-inclusive", "scan-exclusive", "histogram", "sort", "spmv", "kmeans-step", "softmax", "logsumexp", "transpose",
        "compact", "compact-index", "fft"})
    public String kernel;

    @Param({"cpu-scalar", "cpu-simd", "auto"})
    public String backend;

    @Param({"f32"})
    public String dtype;

    /** {@code published} (see the class comment) or a sweep size n. */
    @Param({"published"})
    public String size;

    private Workload.Instance instance;
    private KernelCall call;

    /** The extents of the trial: published sizes, or the workload's at sweep size n. */
    static long[] extents(AnalyticsWorkload w, String size) {
        if (!size.equals("published")) {
            return w.extents(Long.parseLong(size));
        }
        return switch (w.name()) {
            case "spmv" -> new long[] {SPMV_NNZ, SPMV_ROWS, 1};
            case "fft" -> new long[] {FFT_POINTS, 1, 1};
            default -> w.extents(ELEMENTS);
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        AnalyticsWorkload w = AnalyticsWorkloads.byName(kernel);
        if (w == null) {
            throw new IllegalStateException(point() + ": no analytics workload " + kernel + "; known: "
                    + AnalyticsWorkloads.all().stream().map(Workload::name).toList());
        }
        DType type = DType.parse(dtype);
        PelRuntime runtime;
        try {
            runtime = PelRuntime.defaultRuntime().withBackend(backend);
        } catch (BackendUnavailableException e) {
            throw new IllegalStateException(point() + ": " + e.getMessage(), e);
        }
        runtime.forcedBackend().ifPresent(b -> {
            if (!w.supports(b, type)) {
                throw new IllegalStateException(point() + ": " + b.name() + " has no analytics kernels for " + type.label());
            }
        });
        instance = w.prepareExtents(type, extents(w, size), SEED);
        try {
            call = instance.bind(runtime);
            double result = call.call();
            CallRecord last = PelRuntime.lastCall();
            runtime.forcedBackend().ifPresent(b -> {
                if (last == null || !last.backend().equals(b.name())) {
                    throw new IllegalStateException(point() + ": forced " + b.name() + " but the call ran on "
                            + (last == null ? "nothing recorded" : last.backend()));
                }
            });
            instance.verify(result, backend + (last == null ? "" : " (" + last.backend() + ")"));
        } catch (RuntimeException | Error e) {
            tearDown();
            throw e;
        }
    }

    @Benchmark
    public double run() {
        return call.call();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (instance != null) {
            try {
                instance.close();
            } catch (Exception e) {
                throw new IllegalStateException(point() + ": closing the operands: " + e, e);
            } finally {
                instance = null;
                call = null;
            }
        }
    }

    private String point() {
        return String.format(Locale.ROOT, "AnalyticsBenchmark kernel=%s backend=%s dtype=%s size=%s", kernel, backend, dtype, size);
    }
}
