package dev.pel.bench.matrix;

import java.util.Locale;
import java.util.SplittableRandom;

/** Entry point for JMH ({@code GemmBenchmark}): one validated, prepared call of an implementation. */
public final class MatrixBench {
    private MatrixBench() {
    }

    /** A prepared call; {@link #close()} frees what the implementation allocated. */
    public static final class Prepared implements AutoCloseable {
        private final MatrixImpl.Bound bound;

        Prepared(MatrixImpl.Bound bound) {
            this.bound = bound;
        }

        public void run() {
            bound.call();
        }

        @Override
        public void close() {
            bound.close();
        }
    }

    /**
     * Prepares {@code impl}'s call of {@code kernel} for a shape, checks its result against the
     * float64 reference, and returns it.
     *
     * @throws IllegalStateException when the implementation is unavailable or wrong
     */
    public static Prepared prepare(String impl, String kernel, String dtype, String shape) {
        MatrixImpl m = MatrixSweep.implementations().get(impl);
        if (m == null) {
            throw new IllegalArgumentException("impl: unknown '" + impl + "'; known: " + MatrixSweep.implementations().keySet());
        }
        m.unavailableReason().ifPresent(r -> {
            throw new IllegalStateException(impl + " is unavailable: " + r);
        });
        MatrixKernel k = MatrixKernel.valueOf(kernel.toUpperCase(Locale.ROOT));
        boolean f32 = dtype.equalsIgnoreCase("f32");
        MatrixSweep.Shape s = MatrixSweep.Shape.parse(shape);
        boolean gemm = k == MatrixKernel.GEMM;
        SplittableRandom r = new SplittableRandom(42);
        double[] a = new double[gemm ? s.m() * s.k() : s.m() * s.n()];
        double[] b = new double[gemm ? s.k() * s.n() : s.n()];
        for (int i = 0; i < a.length; i++) {
            a[i] = f32 ? (float) r.nextDouble(-1, 1) : r.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = f32 ? (float) r.nextDouble(-1, 1) : r.nextDouble(-1, 1);
        }
        MatrixImpl.Bound bound = m.prepare(k, f32, s.m(), s.n(), s.k(), a, b);
        bound.call();
        String wrong = MatrixSweep.check(k, f32, s, a, b, bound);
        if (wrong != null) {
            bound.close();
            throw new IllegalStateException(impl + " gave a wrong " + kernel + " " + dtype + " " + shape + ": " + wrong);
        }
        return new Prepared(bound);
    }
}
