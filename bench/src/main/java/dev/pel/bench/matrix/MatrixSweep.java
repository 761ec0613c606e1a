package dev.pel.bench.matrix;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Measures gemm and gemv on Pel backends and peers in one run and prints a table: median time,
 * GFLOP/s and the ratio to the {@code openblas} peer. Each implementation's result is checked on a
 * sample of elements against a float64 reference before it is timed, so a fast wrong result cannot
 * win. Timing: each implementation is warmed up, then the implementations of a case take turns in
 * blocks of calls, {@link #ROUNDS} rounds over the measurement period, and the median call counts
 * (the machine is shared: alternating and medians keep a burst of load from favouring one
 * implementation). Before each block the machine is left idle for {@link #SETTLE_MILLIS} and the
 * block's first call is not timed: OpenBLAS's workers spin for about 2^28 cycles (~0.1 s) after a
 * call, and Pel's for 100 us, so alternating call by call would time each implementation against
 * the other's spinning threads, a situation no program that uses one library meets.
 */
public final class MatrixSweep {
    /** Blocks each implementation gets per case. */
    static final int ROUNDS = 4;
    /** Idle time before a block: longer than OpenBLAS's default spin after a call (2^28 cycles). */
    static final long SETTLE_MILLIS = 200;
    /** Implementations by the name {@code --impls} uses. */
    static Map<String, MatrixImpl> implementations() {
        Map<String, MatrixImpl> m = new LinkedHashMap<>();
        for (String b : List.of("cpu-simd", "cpu-scalar", "opencl", "auto")) {
            PelMatrixImpl p = new PelMatrixImpl(b);
            m.put(p.name(), p);
        }
        m.put("openblas", new OpenBlasMatrixImpl());
        m.put("ejml", new EjmlMatrixImpl());
        m.put("netlib-vector", new NetlibMatrixImpl(true));
        m.put("netlib-java", new NetlibMatrixImpl(false));
        return m;
    }

    private final double warmupSeconds;
    private final double measureSeconds;
    private final PrintStream out;

    public MatrixSweep(double warmupSeconds, double measureSeconds, PrintStream out) {
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
        this.out = out;
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    static MatrixImpl.Bound bound(Runnable call, IntToDoubleFunction result) {
        return new MatrixImpl.Bound() {
            @Override
            public void call() {
                call.run();
            }

            @Override
            public double result(int i) {
                return result.applyAsDouble(i);
            }
        };
    }

    /** A shape: "n" (gemm n x n x n, gemv n x n) or "MxNxK" / "MxN". */
    record Shape(int m, int n, int k) {
        static Shape parse(String s) {
            String[] p = s.trim().toLowerCase(Locale.ROOT).split("x");
            int m = Integer.parseInt(p[0]);
            int n = p.length > 1 ? Integer.parseInt(p[1]) : m;
            int k = p.length > 2 ? Integer.parseInt(p[2]) : n;
            return new Shape(m, n, k);
        }

        String label(MatrixKernel kernel) {
            return kernel == MatrixKernel.GEMM ? m + "x" + n + "x" + k : m + "x" + n;
        }
    }

    /** One measured row. */
    public record Row(String kernel, String dtype, String shape, String impl, double medianMs, double gflops, String note) {
    }

    public List<Row> run(List<String> kernels, List<String> dtypes, List<String> shapes, List<String> impls) {
        Map<String, MatrixImpl> all = implementations();
        List<Row> rows = new ArrayList<>();
        for (String implName : impls) {
            MatrixImpl impl = all.get(implName);
            if (impl == null) {
                throw new IllegalArgumentException("impls: unknown '" + implName + "'; known: " + String.join(", ", all.keySet()));
            }
            out.println("# " + implName + ": " + impl.unavailableReason().map(r -> "unavailable: " + r).orElse(impl.details()));
        }
        for (String kn : kernels) {
            MatrixKernel kernel = MatrixKernel.valueOf(kn.trim().toUpperCase(Locale.ROOT));
            for (String dt : dtypes) {
                boolean f32 = dt.trim().equalsIgnoreCase("f32");
                for (String sh : shapes) {
                    Shape s = Shape.parse(sh);
                    int k = kernel == MatrixKernel.GEMM ? s.k() : 1;
                    SplittableRandom r = new SplittableRandom(42);
                    double[] a = new double[kernel == MatrixKernel.GEMM ? s.m() * s.k() : s.m() * s.n()];
                    double[] b = new double[kernel == MatrixKernel.GEMM ? s.k() * s.n() : s.n()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = f32 ? (float) r.nextDouble(-1, 1) : r.nextDouble(-1, 1);
                    }
                    for (int i = 0; i < b.length; i++) {
                        b[i] = f32 ? (float) r.nextDouble(-1, 1) : r.nextDouble(-1, 1);
                    }
                    List<MatrixImpl> live = new ArrayList<>();
                    for (String implName : impls) {
                        MatrixImpl impl = all.get(implName);
                        if (impl.unavailableReason().isEmpty()) {
                            live.add(impl);
                        }
                    }
                    for (Row row : measure(kernel, f32, s, live, a, b)) {
                        rows.add(row);
                        out.printf(Locale.ROOT, "%s %s %-14s %-14s %10.3f ms %8.1f GFLOP/s %s%n", row.kernel(), row.dtype(), row.shape(),
                                row.impl(), row.medianMs(), row.gflops(), row.note());
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Measures the implementations of one case in alternating blocks (see the class comment): after
     * each one's warm-up, ROUNDS rounds of a settled block per implementation, so a burst of load from
     * another process on the shared machine hits every implementation alike.
     */
    private List<Row> measure(MatrixKernel kernel, boolean f32, Shape s, List<MatrixImpl> impls, double[] a, double[] b) {
        int m = s.m();
        int n = s.n();
        int k = s.k();
        String dtype = f32 ? "f32" : "f64";
        List<Row> rows = new ArrayList<>();
        List<MatrixImpl.Bound> calls = new ArrayList<>();
        List<MatrixImpl> ok = new ArrayList<>();
        try {
            for (MatrixImpl impl : impls) {
                MatrixImpl.Bound call = impl.prepare(kernel, f32, m, n, k, a, b);
                call.call();
                String wrong = check(kernel, f32, s, a, b, call);
                if (wrong != null) {
                    call.close();
                    rows.add(new Row(kernel.label(), dtype, s.label(kernel), impl.name(), Double.NaN, Double.NaN, "WRONG: " + wrong));
                    continue;
                }
                long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
                int warm = 0;
                while (warm < 2 || System.nanoTime() < end) {
                    call.call();
                    warm++;
                }
                calls.add(call);
                ok.add(impl);
            }
            List<List<Long>> times = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                times.add(new ArrayList<>());
            }
            long block = (long) (measureSeconds * 1e9 / ROUNDS / Math.max(1, calls.size()));
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < calls.size(); i++) {
                    settle();
                    MatrixImpl.Bound call = calls.get(i);
                    call.call(); // wakes the implementation's threads; not timed
                    long end = System.nanoTime() + block;
                    int done = 0;
                    while (done < 1 || (System.nanoTime() < end && done < 250)) {
                        long t0 = System.nanoTime();
                        call.call();
                        times.get(i).add(System.nanoTime() - t0);
                        done++;
                    }
                }
            }
            double flops = kernel.flops(m, n, k);
            for (int i = 0; i < calls.size(); i++) {
                long[] sorted = times.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
                double median = sorted[sorted.length / 2];
                rows.add(new Row(kernel.label(), dtype, s.label(kernel), ok.get(i).name(), median / 1e6, flops / median,
                        sorted.length + " calls in " + ROUNDS + " blocks"));
            }
            return rows;
        } finally {
            for (MatrixImpl.Bound c : calls) {
                c.close();
            }
        }
    }

    /** Leaves the machine idle long enough for every implementation's spinning threads to park. */
    private static void settle() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling between implementations", e);
        }
    }

    /** Checks 48 sampled result elements against float64 dot products; null when all are within the bound. */
    static String check(MatrixKernel kernel, boolean f32, Shape s, double[] a, double[] b, MatrixImpl.Bound call) {
        SplittableRandom r = new SplittableRandom(7);
        boolean gemm = kernel == MatrixKernel.GEMM;
        int m = s.m();
        int n = gemm ? s.n() : 1;
        int k = gemm ? s.k() : s.n();
        double u = f32 ? 0x1p-24 : 0x1p-53;
        for (int t = 0; t < 48; t++) {
            int i = r.nextInt(m);
            int j = r.nextInt(n);
            double ref = 0;
            double mag = 0;
            for (int p = 0; p < k; p++) {
                double x = a[i * k + p] * b[p * n + j];
                ref += x;
                mag += Math.abs(x);
            }
            double got = call.result(i * n + j);
            double bound = (k + 3) * (u + 0x1p-53) * mag;
            if (!(Math.abs(got - ref) <= bound)) {
                return "element (" + i + "," + j + ") = " + got + ", reference " + ref + " +- " + bound;
            }
        }
        return null;
    }

    /** Prints the rows as a table with the ratio of each to the {@code openblas} row of the same case. */
    public void table(List<Row> rows) {
        out.println();
        out.println("| kernel | dtype | shape | impl | GFLOP/s | vs openblas |");
        out.println("|---|---|---|---|---:|---:|");
        for (Row row : rows) {
            double peer = rows.stream().filter(o -> o.impl().equals("openblas") && o.kernel().equals(row.kernel())
                    && o.dtype().equals(row.dtype()) && o.shape().equals(row.shape())).mapToDouble(Row::gflops).findFirst().orElse(Double.NaN);
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %s |%n", row.kernel(), row.dtype(), row.shape(), row.impl(), row.gflops(),
                    Double.isNaN(peer) ? "" : String.format(Locale.ROOT, "%.2f", row.gflops() / peer));
        }
    }

    /** {@code MatrixSweep kernels dtypes shapes impls [warmup-s measure-s]}, lists comma-separated. */
    public static void main(String[] args) {
        List<String> kernels = Arrays.asList((args.length > 0 ? args[0] : "gemm,gemv").split(","));
        List<String> dtypes = Arrays.asList((args.length > 1 ? args[1] : "f64,f32").split(","));
        List<String> shapes = Arrays.asList((args.length > 2 ? args[2] : "64,256,1024,2048").split(","));
        List<String> impls = Arrays.asList((args.length > 3 ? args[3] : "pel:cpu-simd,openblas,ejml,netlib-vector").split(","));
        double warm = args.length > 4 ? Double.parseDouble(args[4]) : 1;
        double meas = args.length > 5 ? Double.parseDouble(args[5]) : 2;
        MatrixSweep sweep = new MatrixSweep(warm, meas, System.out);
        sweep.table(sweep.run(kernels, dtypes, shapes, impls));
        System.exit(0);
    }
}
