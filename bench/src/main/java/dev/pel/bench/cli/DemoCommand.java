package dev.pel.bench.cli;

import dev.pel.kernels.Blas;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.ElementWise;
import dev.pel.kernels.Reductions;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.BackendStats;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.memory.FloatArray;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pel demo}: a short analytics job on the default runtime, over tens of millions of floats
 * in off-heap memory. Each step reports what the runtime recorded for it: the backend that ran,
 * its threads, its time and the bandwidth that implies.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a short analytics job (statistics, BLAS and element-wise steps) on the default runtime and"
                + " shows which backend ran each step, on how many threads, how fast.")
final class DemoCommand implements Runnable {
    /** Mean and standard deviation of the generated data, so the printed statistics can be checked by eye. */
    private static final double MEAN = 3;
    private static final double SIGMA = 2;
    /** Elements of the warm-up arrays: big enough for the JIT to compile every kernel's hot loop. */
    private static final int WARMUP_ELEMENTS = 1 << 20;
    private static final int WARMUP_ROUNDS = 3;
    private static final int CHUNK = 1 << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--n", defaultValue = "33554432", description = "float values per array (default: ${DEFAULT-VALUE})")
    long n;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the data (default: ${DEFAULT-VALUE})")
    long seed;

    /** One step of the job: what it computes, its catalogue entry (for GB/s), and the call. */
    private record Step(String title, KernelSpec spec, Supplier<String> action) {
    }

    @Override
    public void run() {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--n: must be >= 1, was " + n);
        }
        PrintWriter out = spec.commandLine().getOut();
        PelRuntime runtime = PelRuntime.defaultRuntime();
        out.printf(Locale.ROOT, "demo: 3 x %,d float32 values off-heap (%d MiB), pel.backend=%s%n", n,
                3 * n * Float.BYTES >> 20, runtime.config().backend());
        out.println("machine: " + runtime.hardware().summary());
        long jobStart = System.nanoTime();

        long t0 = System.nanoTime();
        try (FloatArray wx = FloatArray.allocate(WARMUP_ELEMENTS); FloatArray wy = FloatArray.allocate(WARMUP_ELEMENTS);
                FloatArray wz = FloatArray.allocate(WARMUP_ELEMENTS)) {
            fill(wx, wy, seed + 1);
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                for (Step s : job(wx, wy, wz)) {
                    s.action().get();
                }
            }
        }
        out.printf(Locale.ROOT, "warm-up: the job %d times on %,d elements, %.0f ms (compiles the kernels once)%n",
                WARMUP_ROUNDS, WARMUP_ELEMENTS, (System.nanoTime() - t0) / 1e6);

        try (FloatArray x = FloatArray.allocate(n); FloatArray y = FloatArray.allocate(n); FloatArray z = FloatArray.allocate(n)) {
            t0 = System.nanoTime();
            fill(x, y, seed);
            out.printf(Locale.ROOT, "data: x ~ normal(mean %.0f, sd %.0f), y ~ uniform[-1, 1), seed %d, generated in %.0f ms%n",
                    MEAN, SIGMA, seed, (System.nanoTime() - t0) / 1e6);
            out.printf(Locale.ROOT, "%-24s %-11s %7s %10s %9s  %s%n", "step", "backend", "threads", "ms", "GB/s", "result");
            for (Step s : job(x, y, z)) {
                String result = s.action().get();
                CallRecord call = PelRuntime.lastCall();
                double ms = call.nanos() / 1e6;
                double gbps = s.spec().bytes(DType.F32, call.n()) / (double) call.nanos();
                out.printf(Locale.ROOT, "%-24s %-11s %7d %10.2f %9.2f  %s%n", s.title(), call.backend(), call.threads(), ms,
                        gbps, result);
                out.flush();
            }
        }
        out.printf(Locale.ROOT, "job done in %.0f ms (data generation and warm-up included)%n",
                (System.nanoTime() - jobStart) / 1e6);
        for (Map.Entry<String, BackendStats> e : runtime.stats().entrySet()) {
            BackendStats st = e.getValue();
            out.printf(Locale.ROOT, "  %-11s %d calls, %.0f ms, %d fallbacks%n", e.getKey(), st.calls(), st.nanos() / 1e6,
                    st.fallbacks());
        }
        out.flush();
    }

    /** The job, as a user would write it against the default facades. */
    private static List<Step> job(FloatArray x, FloatArray y, FloatArray z) {
        Blas blas = Blas.get();
        Reductions red = Reductions.get();
        ElementWise ew = ElementWise.get();
        return List.of(
                new Step("sum(x)", Catalogue.SUM, () -> num(red.sum(x))),
                new Step("mean(x)", Catalogue.MEAN, () -> num(red.mean(x)) + "  (drawn with mean " + (int) MEAN + ")"),
                new Step("variance(x)", Catalogue.VARIANCE,
                        () -> num(red.variance(x)) + "  (drawn with variance " + (int) (SIGMA * SIGMA) + ")"),
                new Step("min(x)", Catalogue.MIN, () -> num(red.min(x))),
                new Step("max(x)", Catalogue.MAX, () -> num(red.max(x))),
                new Step("nrm2(x)", Catalogue.NRM2, () -> num(blas.nrm2(x))),
                new Step("dot(x, y)", Catalogue.DOT, () -> num(blas.dot(x, y))),
                new Step("axpy: y += 0.5 x", Catalogue.AXPY, () -> {
                    blas.axpy(0.5f, x, y);
                    return "y[0] = " + num(y.get(0));
                }),
                new Step("scal: y *= 2", Catalogue.SCAL, () -> {
                    blas.scal(2f, y);
                    return "y[0] = " + num(y.get(0));
                }),
                new Step("dot(x, y)", Catalogue.DOT, () -> num(blas.dot(x, y))),
                new Step("z = exp(x)", Catalogue.of(UnaryOp.EXP), () -> {
                    ew.exp(x, z);
                    return "z[0] = " + num(z.get(0)) + " (x[0] = " + num(x.get(0)) + ")";
                }),
                new Step("z = sigmoid(x)", Catalogue.of(UnaryOp.SIGMOID), () -> {
                    ew.sigmoid(x, z);
                    return "z[0] = " + num(z.get(0));
                }),
                new Step("mean(z)", Catalogue.MEAN, () -> num(red.mean(z)) + "  (mean of sigmoid(x))"));
    }

    /** Fills x with normal(MEAN, SIGMA) and y with uniform[-1, 1) values, chunk by chunk through heap buffers. */
    private static void fill(FloatArray x, FloatArray y, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] bx = new float[(int) Math.min(CHUNK, x.length())];
        float[] by = new float[bx.length];
        for (long start = 0; start < x.length(); start += bx.length) {
            int len = (int) Math.min(bx.length, x.length() - start);
            float[] cx = len == bx.length ? bx : new float[len];
            float[] cy = len == by.length ? by : new float[len];
            for (int i = 0; i < len; i++) {
                cx[i] = (float) (MEAN + SIGMA * rng.nextGaussian());
                cy[i] = (float) rng.nextDouble(-1, 1);
            }
            x.view(start, len).copyFrom(cx);
            y.view(start, len).copyFrom(cy);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
