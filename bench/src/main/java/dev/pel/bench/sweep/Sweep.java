package dev.pel.bench.sweep;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.bench.workload.WrongResultException;
import dev.pel.runtime.DType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every kernel x dtype x n x contender point: same seeded inputs for every contender of a
 * point, one validated call before any timing (a wrong result is reported and never timed), then
 * the {@link Timer}'s median. Points a peer lacks are left out, not faked.
 */
public final class Sweep {

    /**
     * What to measure.
     *
     * @param seed seed of every point's inputs
     */
    public record Plan(List<BenchKernel> kernels, List<DType> dtypes, List<Long> sizes, List<Contender> contenders,
            Timer timer, long seed) {
        public Plan {
            kernels = List.copyOf(kernels);
            dtypes = List.copyOf(dtypes);
            sizes = List.copyOf(sizes);
            contenders = List.copyOf(contenders);
        }

        /** How many points will be measured (the denominator of the progress line). */
        public int points() {
            int count = 0;
            for (BenchKernel k : kernels) {
                for (DType t : dtypes) {
                    for (Contender c : contenders) {
                        if (c.supports(k, t)) {
                            count += sizes.size();
                        }
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

    private Sweep() {
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
                            SweepRow row = measure(plan.timer(), kernel, in, c);
                            rows.add(row);
                            progress.printf(Locale.ROOT, "%.1f ns, %.2f GB/s, %.2f GFLOP/s (ran %s)%n", row.medianNanos(),
                                    row.gbps(), row.gflops(), ranOn(c, row));
                        } catch (WrongResultException e) {
                            wrong.add(e.getMessage());
                            progress.println("WRONG RESULT, not timed: " + e.getMessage());
                        }
                        progress.flush();
                    }
                }
            }
        }
        return new Result(rows, wrong);
    }

    private static SweepRow measure(Timer timer, BenchKernel kernel, Operands in, Contender c) {
        in.reset();
        KernelCall call = c.bind(kernel, in);
        kernel.verify(in, call.call(), c.label());
        Timer.Timing t = timer.measure(call);
        String chosen = c.chosen();
        DType dtype = in.dtype();
        long n = in.n();
        double gflops = kernel.spec().flops(n) / t.medianNanos();
        double gbps = kernel.spec().bytes(dtype, n) / t.medianNanos();
        return new SweepRow(kernel.label(), dtype.label(), n, c.label(), chosen, t.medianNanos(), gflops, gbps);
    }

    private static String ranOn(Contender c, SweepRow row) {
        if (c instanceof Contender.Pel pel) {
            return row.chosen() + " x" + pel.lastThreads();
        }
        return row.chosen();
    }
}
