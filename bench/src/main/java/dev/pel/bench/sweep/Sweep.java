package dev.pel.bench.sweep;

import dev.pel.bench.workload.Accuracy;
import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.bench.workload.ResidentOperands;
import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.WrongResultException;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.AdaptiveDispatcher;
import dev.pel.runtime.dispatch.Decision;
import dev.pel.runtime.dispatch.Placement;
import dev.pel.runtime.memory.NativeArray.Where;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs every kernel x dtype x n x contender point: same seeded inputs for every contender of a
 * point, one validated call before any timing (a wrong result is reported and never timed), then
 * the {@link Timer}'s median. Points a peer lacks are left out, not faked.
 *
 * <p>With {@link Residency#RESIDENT}, a Pel contender works on off-heap copies of the point's
 * inputs ({@link ResidentOperands}), allocated for it and freed after it: one call, then the results
 * are read back through the arrays' host accessors and validated; since reading moves data back,
 * one more call follows, and the operands must then be where the backend that ran keeps them (on
 * an OpenCL device: {@code DEVICE} or {@code BOTH}; on a CPU backend: {@code HOST} or {@code BOTH})
 * before timing starts and still after it ends, or the sweep stops with an error. Peers always
 * run on the heap arrays.
 */
public final class Sweep {

    /**
     * What to measure.
     *
     * @param seed            seed of every point's inputs
     * @param residency       where Pel's operands live between calls
     * @param residencyColumn whether the rows report the residency (the CSV column)
     */
    public record Plan(List<BenchKernel> kernels, List<DType> dtypes, List<Long> sizes, List<Contender> contenders,
            Timer timer, long seed, Residency residency, boolean residencyColumn, List<Workload> workloads) {
        public Plan {
            kernels = List.copyOf(kernels);
            workloads = List.copyOf(workloads);
            dtypes = List.copyOf(dtypes);
            sizes = List.copyOf(sizes);
            contenders = List.copyOf(contenders);
            Objects.requireNonNull(residency, "residency");
        }

        /** Vector kernels only. */
        public Plan(List<BenchKernel> kernels, List<DType> dtypes, List<Long> sizes, List<Contender> contenders, Timer timer,
                long seed, Residency residency, boolean residencyColumn) {
            this(kernels, dtypes, sizes, contenders, timer, seed, residency, residencyColumn, List.of());
        }

        /** Heap operands, no residency column: the sweep as it was before residency existed. */
        public Plan(List<BenchKernel> kernels, List<DType> dtypes, List<Long> sizes, List<Contender> contenders, Timer timer,
                long seed) {
            this(kernels, dtypes, sizes, contenders, timer, seed, Residency.COPY, false);
        }

        /** How many points will be measured (the denominator of the progress line). */
        public int points() {
            int count = 0;
            for (DType t : dtypes) {
                for (Contender c : contenders) {
                    for (BenchKernel k : kernels) {
                        count += c.supports(k, t) ? sizes.size() : 0;
                    }
                    for (Workload w : workloads) {
                        count += c.supports(w, t) ? sizes.size() : 0;
                    }
                }
            }
            return count;
        }
    }

    /**
     * What came out: the timed rows, and one message per point whose result was wrong (not timed).
     */
    public record Result(List<SweepRow> rows, List<String> wrongResults) {
        public Result {
            rows = List.copyOf(rows);
            wrongResults = List.copyOf(wrongResults);
        }
    }

    /** A Pel contender predicted slower than this per call is not measured at that point (it says so). */
    static final double MAX_PREDICTED_CALL_NANOS = 10e9;
    /** A first call slower than this is the point's only timing. */
    static final long LONG_CALL_NANOS = 1_000_000_000L;

    private Sweep() {
    }

    /** The cost model's prediction for a workload call on a Pel contender (forced, or auto's choice). */
    static double predictedNanos(Contender.Pel pel, Workload w, DType dtype, long[] e) {
        PelRuntime rt = pel.runtime();
        AdaptiveDispatcher d = rt.dispatcher();
        long mask = 0;
        for (Backend b : rt.backends().values()) {
            if (rt.forcedBackend().map(f -> f == b).orElse(true) && w.supports(b, dtype)) {
                mask |= d.model().mask(b);
            }
        }
        Decision choice = d.preview(w.spec(), dtype, e[0], e[1], e[2], Placement.HEAP, mask);
        return choice == null ? 0 : d.model().predict(choice.variant(), w.spec(), dtype, e[0], e[1], e[2], Placement.HEAP).total();
    }

    /** Runs the plan, writing one progress line per point to {@code progress}. */
    public static Result run(Plan plan, PrintWriter progress) {
        List<SweepRow> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int total = plan.points();
        int done = 0;
        for (BenchKernel kernel : plan.kernels()) {
            for (DType dtype : plan.dtypes()) {
                for (long n : plan.sizes()) {
                    Operands in = null;
                    for (Contender c : plan.contenders()) {
                        if (!c.supports(kernel, dtype)) {
                            continue;
                        }
                        if (in == null) {
                            in = Operands.generate(dtype, n, plan.seed()); // shared by this point's contenders
                        }
                        done++;
                        progress.printf(Locale.ROOT, "[%d/%d] %s %s n=%d %s ... ", done, total, kernel.label(),
                                dtype.label(), n, c.label());
                        progress.flush();
                        try {
                            Measured m = measure(plan, kernel, in, c);
                            rows.add(m.row());
                            progress.printf(Locale.ROOT, "%.1f ns, %.2f GB/s, %.2f GFLOP/s (ran %s%s)%n", m.row().medianNanos(),
                                    m.row().gbps(), m.row().gflops(), ranOn(c, m.row()), m.where());
                        } catch (WrongResultException e) {
                            wrong.add(e.getMessage());
                            progress.println("WRONG RESULT, not timed: " + e.getMessage());
                        }
                        progress.flush();
                    }
                }
            }
        }
        for (Workload w : plan.workloads()) {
            for (DType dtype : plan.dtypes()) {
                for (long n : plan.sizes()) {
                    Workload.Instance in = null;
                    try {
                        for (Contender c : plan.contenders()) {
                            if (!c.supports(w, dtype)) {
                                continue;
                            }
                            if (in == null) {
                                in = w.prepare(dtype, n, plan.seed());
                            }
                            done++;
                            progress.printf(Locale.ROOT, "[%d/%d] %s %s n=%d %s ... ", done, total, w.name(), dtype.label(), n,
                                    c.label());
                            progress.flush();
                            long[] e = w.extents(n);
                            double predicted = c instanceof Contender.Pel pel ? predictedNanos(pel, w, dtype, e) : 0;
                            if (predicted > MAX_PREDICTED_CALL_NANOS) {
                                progress.printf(Locale.ROOT, "skipped: predicted %.1f s per call%n", predicted / 1e9);
                                continue;
                            }
                            try {
                                KernelCall call = c.bind(in);
                                long t0 = System.nanoTime();
                                double first = call.call();
                                long firstNanos = System.nanoTime() - t0;
                                in.verify(first, c.label());
                                // A call of seconds is timed once: repeating it would take the sweep hours.
                                Timer.Timing t = firstNanos > LONG_CALL_NANOS ? new Timer.Timing(firstNanos, 1, 1)
                                        : plan.timer().measure(call);
                                double flops = w.spec().cost().flops(e[0], e[1], e[2]) / t.medianNanos();
                                double bytes = w.spec().cost().bytes(dtype.bytes(), e[0], e[1], e[2]) / t.medianNanos();
                                SweepRow row = new SweepRow(w.name(), dtype.label(), n, c.label(), c.chosen(), t.medianNanos(),
                                        flops, bytes, plan.residencyColumn() ? (c instanceof Contender.Pel ? "copy" : Residency.PEER)
                                                : null);
                                rows.add(row);
                                progress.printf(Locale.ROOT, "%.1f ns, %.2f GB/s, %.2f GFLOP/s (ran %s)%n", row.medianNanos(),
                                        row.gbps(), row.gflops(), ranOn(c, row));
                            } catch (WrongResultException ex) {
                                wrong.add(ex.getMessage());
                                progress.println("WRONG RESULT, not timed: " + ex.getMessage());
                            }
                            progress.flush();
                        }
                    } finally {
                        if (in != null) {
                            try {
                                in.close();
                            } catch (Exception ex) {
                                throw new IllegalStateException("closing " + w.name() + " operands: " + ex, ex);
                            }
                        }
                    }
                }
            }
        }
        return new Result(rows, wrong);
    }

    /** A row, and for the progress line where the resident operands were while timed ("" otherwise). */
    private record Measured(SweepRow row, String where) {
    }

    private static Measured measure(Plan plan, BenchKernel kernel, Operands in, Contender c) {
        if (plan.residency() == Residency.RESIDENT && c instanceof Contender.Pel pel) {
            return measureResident(plan, kernel, in, pel);
        }
        in.reset();
        KernelCall call = c.bind(kernel, in);
        double result = call.call();
        kernel.verify(in, result, c.label(), c.accuracy());
        Timer.Timing t = plan.timer().measure(call);
        String residency = !plan.residencyColumn() ? null
                : c instanceof Contender.Pel ? plan.residency().label() : Residency.PEER;
        return new Measured(row(kernel, in, c, t, residency), "");
    }

    private static Measured measureResident(Plan plan, BenchKernel kernel, Operands in, Contender.Pel pel) {
        try (ResidentOperands r = ResidentOperands.allocate(kernel, in)) {
            in.reset();
            r.load();
            KernelCall call = pel.bind(kernel, r);
            double result = call.call();
            Accuracy accuracy = pel.accuracy();
            r.store(); // through the host accessors: brings the results back from a device
            kernel.verify(in, result, pel.label(), accuracy);
            call.call(); // validation moved the data to the host; this puts it back where the backend keeps it
            requireResident(kernel, in, r, pel, "before timing");
            Timer.Timing t = plan.timer().measure(call);
            String where = requireResident(kernel, in, r, pel, "after timing");
            return new Measured(row(kernel, in, pel, t, plan.residencyColumn() ? Residency.RESIDENT.label() : null),
                    ", operands " + where);
        }
    }

    /**
     * Checks that every operand is where the backend that made the last call keeps it.
     *
     * @return the arrays and where they are, e.g. {@code x=BOTH y=DEVICE}
     * @throws IllegalStateException naming the array that is elsewhere
     */
    static String requireResident(BenchKernel kernel, Operands in, ResidentOperands r, Contender.Pel pel, String when) {
        Backend backend = pel.ranOn();
        boolean device = backend instanceof OpenClBackend;
        Map<BenchKernel.Array, Where> where = r.where();
        for (Map.Entry<BenchKernel.Array, Where> e : where.entrySet()) {
            boolean ok = e.getValue() == Where.BOTH || e.getValue() == (device ? Where.DEVICE : Where.HOST);
            if (!ok) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: %s %s n=%d: %s the resident operand %s is on the %s, not where %s keeps it (%s)", pel.label(),
                        kernel.label(), in.dtype().label(), in.n(), when, e.getKey().name().toLowerCase(Locale.ROOT),
                        e.getValue().name().toLowerCase(Locale.ROOT), backend.name(), device ? "device" : "host"));
            }
        }
        return where.entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static SweepRow row(BenchKernel kernel, Operands in, Contender c, Timer.Timing t, String residency) {
        String chosen = c.chosen();
        DType dtype = in.dtype();
        long n = in.n();
        double gflops = kernel.spec().flops(n) / t.medianNanos();
        double gbps = kernel.spec().bytes(dtype, n) / t.medianNanos();
        return new SweepRow(kernel.label(), dtype.label(), n, c.label(), chosen, t.medianNanos(), gflops, gbps, residency);
    }

    private static String ranOn(Contender c, SweepRow row) {
        if (c instanceof Contender.Pel pel) {
            return row.chosen() + " x" + pel.lastThreads();
        }
        return row.chosen();
    }
}
