package dev.pel.bench.jmh;

import dev.pel.bench.sweep.Residency;
import dev.pel.bench.workload.Accuracy;
import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.bench.workload.PelCalls;
import dev.pel.bench.workload.ResidentOperands;
import dev.pel.kernels.KernelSets;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import dev.pel.runtime.memory.NativeArray.Where;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * What every Pel benchmark shares: the backend, size, dtype and residency parameters, the backend
 * resolved through the same {@link PelRuntime#withBackend} users call, seeded operands, and a
 * validation of the kernel's result against the float64 reference before anything is measured, so
 * a fast wrong kernel cannot win.
 *
 * <p>Backends: any name {@link PelRuntime#withBackend} accepts. The default list is the CPU
 * backends and {@code auto}; to measure the best OpenCL device add its alias {@code opencl} (or a
 * device's own name, as {@code pel devices} lists it), e.g. {@code pel jmh DotBenchmark
 * -p backend=cpu-simd,opencl}. A backend that is not available here, or that has no kernels for the
 * dtype ({@link KernelSets#supports}, e.g. f64 on a device without {@code cl_khr_fp64}), fails the
 * trial's setup with the reason, which JMH reports for that parameter combination: nothing else is
 * measured in its place.
 *
 * <p>Residency ({@link Residency}): {@code copy} passes heap {@code float[]}/{@code double[]}
 * operands, which an OpenCL backend copies to the device and back on every call (the time includes
 * both transfers); {@code resident} passes off-heap {@link FloatArray}/{@link DoubleArray} operands
 * ({@link ResidentOperands}) allocated once per trial and freed in its tear-down. In both modes the
 * trial's setup validates one call against the reference (in resident mode after reading the results
 * back through the arrays' host accessors); in resident mode it then makes one more call, which puts
 * the operands back where the backend that ran keeps them, and checks that they are there (an OpenCL
 * device: {@code DEVICE} or {@code BOTH}; a CPU backend: {@code HOST} or {@code BOTH}). The
 * tear-down checks again, so a trial whose operands moved while it was measured fails instead of
 * reporting transfers as kernel time.
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

    /** A backend name, an alias such as {@code opencl}, or {@code auto}; see the class comment. */
    @Param({"cpu-scalar", "cpu-simd", "auto"})
    public String backend;

    @Param({"1000", "65536", "1048576", "16777216"})
    public int size;

    @Param({"f32", "f64"})
    public String dtype;

    /** {@code copy} (heap arrays) or {@code resident} (off-heap arrays kept where the backend works on them). */
    @Param({"copy", "resident"})
    public String residency;

    /** The runtime view the benchmark calls through. */
    protected PelRuntime runtime;
    /** Whether the f32 or the f64 arrays below are set. */
    protected boolean f32;
    /** Whether the off-heap arrays ({@code *Native*}) are set rather than the heap arrays. */
    protected boolean resident;
    protected float[] xF32;
    protected float[] yF32;
    protected double[] xF64;
    protected double[] yF64;
    protected FloatArray xNativeF32;
    protected FloatArray yNativeF32;
    protected DoubleArray xNativeF64;
    protected DoubleArray yNativeF64;

    private ResidentOperands residentOperands; // null in copy mode
    private Operands operands;
    private Backend ran; // the backend that made the validated call

    /** The kernel this benchmark measures. */
    protected abstract BenchKernel kernel();

    /** Binds the facades of the subclass to {@link #runtime}. */
    protected abstract void bind();

    @Setup(Level.Trial)
    public final void setUpTrial() {
        Residency mode = Residency.parse(residency);
        DType type = DType.parse(dtype);
        try {
            runtime = PelRuntime.defaultRuntime().withBackend(backend);
        } catch (BackendUnavailableException e) {
            throw new IllegalStateException(point() + ": " + e.getMessage(), e);
        }
        runtime.forcedBackend().ifPresent(b -> {
            if (!KernelSets.supports(b, type)) {
                throw new IllegalStateException(point() + ": " + KernelSets.whyNot(b, type));
            }
        });
        BenchKernel k = kernel();
        operands = Operands.generate(type, size, SEED);
        f32 = type == DType.F32;
        resident = mode == Residency.RESIDENT;
        if (resident) {
            setUpResident(k);
        } else {
            setUpCopy(k);
        }
        bind();
    }

    private void setUpCopy(BenchKernel k) {
        double result = PelCalls.bind(k, operands, runtime).call();
        ran = ranOn(k);
        k.verify(operands, result, label(ran), Accuracy.of(ran));
        operands.reset();
        if (f32) {
            xF32 = operands.xF32();
            yF32 = operands.yF32();
        } else {
            xF64 = operands.xF64();
            yF64 = operands.yF64();
        }
    }

    private void setUpResident(BenchKernel k) {
        residentOperands = ResidentOperands.allocate(k, operands);
        try {
            residentOperands.load();
            KernelCall call = PelCalls.bind(k, residentOperands, runtime);
            double result = call.call();
            ran = ranOn(k);
            residentOperands.store(); // through the host accessors: brings the results back from a device
            k.verify(operands, result, label(ran) + " (resident)", Accuracy.of(ran));
            call.call(); // reading the results moved them to the host; this puts them back where the backend keeps them
            ran = ranOn(k);
            requireResident(k, "after setup");
            if (f32) {
                xNativeF32 = residentOperands.f32(BenchKernel.Array.X);
                yNativeF32 = k.arrays().contains(BenchKernel.Array.Y) ? residentOperands.f32(BenchKernel.Array.Y) : null;
            } else {
                xNativeF64 = residentOperands.f64(BenchKernel.Array.X);
                yNativeF64 = k.arrays().contains(BenchKernel.Array.Y) ? residentOperands.f64(BenchKernel.Array.Y) : null;
            }
        } catch (RuntimeException | Error e) {
            closeResident();
            throw e;
        }
    }

    /**
     * Frees the off-heap operands, after checking that they are still where the backend that ran the
     * setup's calls keeps them (the measured calls are the same call; the call record is per thread
     * and JMH may tear down on another thread than the one that measured).
     */
    @TearDown(Level.Trial)
    public final void tearDownTrial() {
        try {
            if (residentOperands != null) {
                requireResident(kernel(), "after measuring");
            }
        } finally {
            closeResident();
        }
    }

    private void closeResident() {
        if (residentOperands != null) {
            residentOperands.close();
            residentOperands = null;
        }
        xNativeF32 = null;
        yNativeF32 = null;
        xNativeF64 = null;
        yNativeF64 = null;
    }

    /**
     * The backend that made this thread's last call, which must be the forced one.
     *
     * @throws IllegalStateException if no call was recorded or another backend ran it
     */
    private Backend ranOn(BenchKernel k) {
        CallRecord last = PelRuntime.lastCall();
        if (last == null) {
            throw new IllegalStateException(point() + ": no Pel call was recorded for " + k.label());
        }
        Backend b = runtime.backend(last.backend()).orElseThrow(() -> new IllegalStateException(point()
                + ": the runtime recorded a call on " + last.backend() + ", which it does not have"));
        runtime.forcedBackend().ifPresent(forced -> {
            if (forced != b) {
                throw new IllegalStateException(point() + ": forced " + forced.name() + " but " + b.name() + " ran "
                        + k.label());
            }
        });
        return b;
    }

    /**
     * Checks that every resident operand is where {@link #ran} keeps it.
     *
     * @throws IllegalStateException naming the array that is elsewhere
     */
    private void requireResident(BenchKernel k, String when) {
        boolean device = ran instanceof OpenClBackend;
        Map<BenchKernel.Array, Where> where = residentOperands.where();
        for (Map.Entry<BenchKernel.Array, Where> e : where.entrySet()) {
            if (e.getValue() != Where.BOTH && e.getValue() != (device ? Where.DEVICE : Where.HOST)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: %s %s the resident operand %s is on the %s, not where %s keeps it (%s); operands: %s",
                        point(), k.label(), when, e.getKey().name().toLowerCase(Locale.ROOT),
                        e.getValue().name().toLowerCase(Locale.ROOT), ran.name(), device ? "device" : "host",
                        where.entrySet().stream().map(w -> w.getKey().name().toLowerCase(Locale.ROOT) + "=" + w.getValue())
                                .collect(Collectors.joining(" "))));
            }
        }
    }

    /** Who ran, for validation messages: the parameter, and the backend it resolved to if that differs. */
    private String label(Backend b) {
        return backend.equals(b.name()) ? backend : backend + " (" + b.name() + ")";
    }

    /** This parameter combination, for error messages. */
    private String point() {
        Class<?> c = getClass(); // JMH instantiates generated subclasses of the benchmark class
        while (c.getSuperclass() != null && c.getSuperclass() != PelBenchmarkBase.class) {
            c = c.getSuperclass();
        }
        return String.format(Locale.ROOT, "%s backend=%s dtype=%s size=%d residency=%s", c.getSimpleName(), backend,
                dtype, size, residency);
    }
}
