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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs every kernel x dtype x n x contender point: same seeded inputs for every contender of a
 * point, one validated call before any timing (a wrong result is reported and never timed), then
 * the {@link Timer}'s median, the samples of a point's contenders taken in turns. Points a peer
 * lacks are left out, not faked.
 *
 * <p>With {@link Residency#RESIDENT}, a Pel contender works on off-heap copies of the point's
 * inputs ({@link ResidentOperands}), allocated for it and freed after the point: one call, then the results
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
        int[] done = {0};
        int total = plan.points();
        for (BenchKernel kernel : plan.kernels()) {
            for (DType dtype : plan.dtypes()) {
                for (long n : plan.sizes()) {
                    Operands in = null;
                    List<Entry> entries = new ArrayList<>();
                    try {
                        for (Contender c : plan.contenders()) {
                            if (!c.supports(kernel, dtype)) {
                                continue;
                            }
                            if (in == null) {
                                in = Operands.generate(dtype, n, plan.seed()); // shared by this point's contenders
                            }
                            String head = String.format(Locale.ROOT, "[%d/%d] %s %s n=%d %s ... ", ++done[0], total, kernel.label(),
                                    dtype.label(), n, c.label());
                            try {
                                entries.add(prepare(plan, kernel, in, c, head));
                            } catch (WrongResultException e) {
                                wrong.add(e.getMessage());
                                progress.println(head + "WRONG RESULT, not timed: " + e.getMessage());
                            }
                        }
                        time(plan.timer(), entries);
                        for (Entry e : entries) {
                            String where = e.afterTiming == null ? "" : ", operands " + e.afterTiming.get();
                            SweepRow row = row(kernel, in, e.contender, e.chosen, e.timing(), e.residency);
                            rows.add(row);
                            report(progress, e, row, where);
                        }
                    } finally {
                        close(entries);
                    }
                    progress.flush();
                }
            }
        }
        for (Workload w : plan.workloads()) {
            for (DType dtype : plan.dtypes()) {
                for (long n : plan.sizes()) {
                    Workload.Instance in = null;
                    List<Entry> entries = new ArrayList<>();
                    try {
                        for (Contender c : plan.contenders()) {
                            if (!c.supports(w, dtype)) {
                                continue;
                            }
                            if (in == null) {
                                in = w.prepare(dtype, n, plan.seed());
                            }
                            String head = String.format(Locale.ROOT, "[%d/%d] %s %s n=%d %s ... ", ++done[0], total, w.name(),
                                    dtype.label(), n, c.label());
                            long[] e = w.extents(n);
                            double predicted = c instanceof Contender.Pel pel ? predictedNanos(pel, w, dtype, e) : 0;
                            if (predicted > MAX_PREDICTED_CALL_NANOS) {
                                progress.printf(Locale.ROOT, "%sskipped: predicted %.1f s per call%n", head, predicted / 1e9);
                                continue;
                            }
                            try {
                                KernelCall call = c.bind(in);
                                long t0 = System.nanoTime();
                                double first = call.call();
                                long firstNanos = System.nanoTime() - t0;
                                in.verify(first, c.label());
                                Entry entry = new Entry(c, call, head, plan.residencyColumn()
                                        ? (c instanceof Contender.Pel ? "copy" : Residency.PEER) : null, plan.timer().maxReps());
                                entry.capture();
                                if (firstNanos > LONG_CALL_NANOS) {
                                    // A call of seconds is timed once: repeating it would take the sweep hours.
                                    entry.fixed = new Timer.Timing(firstNanos, 1, 1);
                                }
                                entries.add(entry);
                            } catch (WrongResultException ex) {
                                wrong.add(ex.getMessage());
                                progress.println(head + "WRONG RESULT, not timed: " + ex.getMessage());
                            }
                        }
                        time(plan.timer(), entries);
                        long[] e = w.extents(n);
                        for (Entry entry : entries) {
                            Timer.Timing t = entry.timing();
                            double flops = w.spec().cost().flops(e[0], e[1], e[2]) / t.medianNanos();
                            double bytes = w.spec().cost().bytes(dtype.bytes(), e[0], e[1], e[2]) / t.medianNanos();
                            SweepRow row = new SweepRow(w.name(), dtype.label(), n, entry.contender.label(), entry.chosen,
                                    t.medianNanos(), flops, bytes, entry.residency);
                            rows.add(row);
                            report(progress, entry, row, "");
                        }
                    } finally {
                        close(entries);
                        if (in != null) {
                            try {
                                in.close();
                            } catch (Exception ex) {
                                throw new IllegalStateException("closing " + w.name() + " operands: " + ex, ex);
                            }
                        }
                    }
                    progress.flush();
                }
            }
        }
        return new Result(rows, wrong);
    }

    /**
     * One contender bound at one point, its result checked, ready to time; what its last call ran on
     * is captured right after that call (the runtime records it per thread, and the point's other
     * contenders call in between).
     */
    private static final class Entry {
        final Contender contender;
        final KernelCall call;
        final String head;
        final String residency;
        private final double[] samples;
        private int count;
        AutoCloseable resources;
        java.util.function.Supplier<String> afterTiming;
        Timer.Timing fixed;
        long batch;
        String chosen;
        int threads;
        Backend ranOn;
        /**
         * How many samples ended on each variant, backend and thread count (auto chooses both per call, a forced backend its
         * thread count), with the slowest sample that did: when auto's median is off, the line shows whether its
         * samples ran elsewhere (an exploration) or ran slowly where the forced backend ran fast.
         */
        final java.util.SortedMap<String, double[]> ranOnVariant = new java.util.TreeMap<>();

        Entry(Contender contender, KernelCall call, String head, String residency, int maxSamples) {
            this.contender = contender;
            this.call = call;
            this.head = head;
            this.residency = residency;
            this.samples = new double[maxSamples];
        }

        void add(double sample) {
            samples[count++] = sample;
        }

        double[] samples() {
            return Arrays.copyOf(samples, count);
        }

        void capture() {
            chosen = contender.chosen();
            if (contender instanceof Contender.Pel pel) {
                threads = pel.lastThreads();
                ranOn = pel.ranOn();
            }
        }

        Timer.Timing timing() {
            return fixed != null ? fixed : new Timer.Timing(Timer.median(samples()), count, batch);
        }
    }

    /**
     * Times a point's contenders: each warmed up in turn, all of them run in turns until the JIT is
     * quiet ({@link Timer#settle}), then {@code reps} rounds of one sample per
     * contender (more blocks of {@code reps} where any contender's samples spread widely: {@link Timer#WIDE_SPREAD}),
     * so a change in the machine's load during the point (another process, a cache
     * another contender left dirty) falls on all of them alike rather than on whichever ran then.
     * Each round takes the contenders in a new order, balanced over rounds ({@link #roundOrder}), and a
     * sample that ran on a device is followed by a {@link #DEVICE_PAUSE_MILLIS} ms pause: the contender
     * timed right after one ran as if on one core (fma f64 at 1M elements: two threads measured as
     * slow as one, in every round, when it always followed OpenCL). PoCL's threads were later measured idle after a call (their
     * CPU time stops growing), so the cause may lie elsewhere (the CPU pool's workers park after 100 us
     * of spinning and wake slowly on a VM); the pause is cheap and stays.
     */
    private static void time(Timer timer, List<Entry> entries) {
        for (Entry e : entries) {
            if (e.fixed == null) {
                e.batch = timer.warmUp(e.call);
                e.capture();
                if (e.ranOn != null && !e.ranOn.host()) {
                    pause(); // else the next warm-up's first calls, slowed, teach auto that two threads are slow
                }
            }
        }
        List<KernelCall> warmed = new ArrayList<>();
        for (Entry e : entries) {
            if (e.fixed == null) {
                boolean device = e.ranOn != null && !e.ranOn.host();
                warmed.add(device ? () -> pausedAfter(e.call.call()) : e.call);
            }
        }
        timer.settle(warmed);
        int round = 0;
        long blockNanos;
        do {
            long t0 = System.nanoTime();
            for (int r = 0; r < timer.reps(); r++, round++) {
                for (int i : roundOrder(entries.size(), round)) {
                    Entry e = entries.get(i);
                    if (e.fixed == null) {
                        double sample = timer.sample(e.call, e.batch);
                        e.add(sample);
                        e.capture();
                        double[] seen = e.ranOnVariant.computeIfAbsent(e.chosen + " x" + e.threads, k -> new double[2]);
                        seen[0]++;
                        seen[1] = Math.max(seen[1], sample);
                        if (e.ranOn != null && !e.ranOn.host()) {
                            pause();
                        }
                    }
                }
            }
            blockNanos = System.nanoTime() - t0;
        } while (round < timer.maxReps() && blockNanos <= Timer.MAX_REPEATED_BLOCK_NANOS
                && widestSpread(entries) > Timer.WIDE_SPREAD);
    }

    /** The widest spread of a timed contender's samples ({@link Timer#spread}). */
    static double widestSpread(List<Entry> entries) {
        double widest = 0;
        for (Entry e : entries) {
            if (e.fixed == null) {
                widest = Math.max(widest, Timer.spread(e.samples()));
            }
        }
        return widest;
    }

    /**
     * The order of round {@code round} over {@code n} contenders: the rows of a Williams design, each contender right
     * after each other one equally often over {@code n} rounds ({@code 2n} when n is odd), and in each position as often.
     * A contender's sample depends on the one before it (a device's threads still busy, caches another left dirty), so
     * an unbalanced order favours some contenders at every point: the shuffle this replaced, seeded by the number of
     * contenders, had auto follow the OpenCL device in 4 rounds of 10 and cpu-simd in 1 wherever a point had seven.
     */
    static int[] roundOrder(int n, int round) {
        if (n == 0) {
            return new int[0]; // a point whose every contender was left out
        }
        int[] base = new int[n]; // 0, 1, n-1, 2, n-2, ...: consecutive differences are all distinct modulo n
        for (int j = 1, lo = 1, hi = n - 1; j < n; j++) {
            base[j] = j % 2 == 1 ? lo++ : hi--;
        }
        int rows = n % 2 == 0 ? n : 2 * n;
        int row = Math.floorMod(round, rows);
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            int at = row < n ? j : n - 1 - j; // an odd n needs the rows reversed as well
            order[j] = Math.floorMod(base[at] + row, n);
        }
        return order;
    }

    /** Idle time after a sample on a device, so its driver's threads are parked before the next contender runs. */
    static final long DEVICE_PAUSE_MILLIS = 3;

    private static double pausedAfter(double result) {
        pause();
        return result;
    }

    private static void pause() {
        try {
            Thread.sleep(DEVICE_PAUSE_MILLIS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between samples", ex);
        }
    }

    private static void close(List<Entry> entries) {
        for (Entry e : entries) {
            if (e.resources != null) {
                try {
                    e.resources.close();
                } catch (Exception ex) {
                    throw new IllegalStateException("closing resident operands: " + ex, ex);
                }
            }
        }
    }

    private static void report(PrintWriter progress, Entry e, SweepRow row, String where) {
        String ran = !(e.contender instanceof Contender.Pel) ? row.chosen()
                : row.chosen() + " x" + e.threads + (e.ranOnVariant.size() > 1 ? ", samples ending on " + variants(e) : "");
        String sampled = e.fixed != null ? "1 call" : String.format(Locale.ROOT, "%d samples, spread %.0f%%", e.count,
                100 * Timer.spread(e.samples()));
        progress.printf(Locale.ROOT, "%s%.1f ns, %.2f GB/s, %.2f GFLOP/s (ran %s%s) [%s]%n", e.head, row.medianNanos(), row.gbps(),
                row.gflops(), ran, where, sampled);
    }

    /** Per variant, the samples that ended on it and the slowest of them: "cpu-simd x1: 3 (slowest 812.0 ns), ...". */
    private static String variants(Entry e) {
        StringBuilder sb = new StringBuilder();
        e.ranOnVariant.forEach((variant, seen) -> sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT,
                "%s: %d (slowest %.1f ns)", variant, (int) seen[0], seen[1])));
        return sb.toString();
    }

    /** Binds a vector kernel's contender and checks one call's result. */
    private static Entry prepare(Plan plan, BenchKernel kernel, Operands in, Contender c, String head) {
        if (plan.residency() == Residency.RESIDENT && c instanceof Contender.Pel pel) {
            return prepareResident(plan, kernel, in, pel, head);
        }
        in.reset();
        KernelCall call = c.bind(kernel, in);
        double result = call.call();
        kernel.verify(in, result, c.label(), c.accuracy());
        String residency = !plan.residencyColumn() ? null
                : c instanceof Contender.Pel ? plan.residency().label() : Residency.PEER;
        Entry e = new Entry(c, call, head, residency, plan.timer().maxReps());
        e.capture();
        return e;
    }

    private static Entry prepareResident(Plan plan, BenchKernel kernel, Operands in, Contender.Pel pel, String head) {
        ResidentOperands r = ResidentOperands.allocate(kernel, in);
        try {
            in.reset();
            r.load();
            KernelCall call = pel.bind(kernel, r);
            double result = call.call();
            Accuracy accuracy = pel.accuracy();
            r.store(); // through the host accessors: brings the results back from a device
            kernel.verify(in, result, pel.label(), accuracy);
            call.call(); // validation moved the data to the host; this puts it back where the backend keeps it
            requireResident(kernel, in, r, pel, pel.ranOn(), "before timing");
            Entry e = new Entry(pel, call, head, plan.residencyColumn() ? Residency.RESIDENT.label() : null,
                    plan.timer().maxReps());
            e.capture();
            e.resources = r;
            e.afterTiming = () -> requireResident(kernel, in, r, pel, e.ranOn, "after timing");
            return e;
        } catch (RuntimeException ex) {
            r.close();
            throw ex;
        }
    }

    /**
     * Checks that every operand is where the backend that made the last call keeps it.
     *
     * @return the arrays and where they are, e.g. {@code x=BOTH y=DEVICE}
     * @throws IllegalStateException naming the array that is elsewhere
     */
    static String requireResident(BenchKernel kernel, Operands in, ResidentOperands r, Contender.Pel pel, String when) {
        return requireResident(kernel, in, r, pel, pel.ranOn(), when);
    }

    /** As above, for the backend that made the contender's last call. */
    static String requireResident(BenchKernel kernel, Operands in, ResidentOperands r, Contender.Pel pel, Backend backend,
            String when) {
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

    private static SweepRow row(BenchKernel kernel, Operands in, Contender c, String chosen, Timer.Timing t, String residency) {
        DType dtype = in.dtype();
        long n = in.n();
        double gflops = kernel.spec().flops(n) / t.medianNanos();
        double gbps = kernel.spec().bytes(dtype, n) / t.medianNanos();
        return new SweepRow(kernel.label(), dtype.label(), n, c.label(), chosen, t.medianNanos(), gflops, gbps, residency);
    }
}
