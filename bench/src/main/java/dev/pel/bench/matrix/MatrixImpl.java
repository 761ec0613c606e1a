package dev.pel.bench.matrix;

import java.util.Optional;

/**
 * One implementation of gemm/gemv measured by {@link MatrixSweep}: a Pel backend or a peer library.
 * Operands are row-major {@code A (m x k)}, {@code B (k x n)}, {@code C (m x n)} (gemv: A m x n,
 * x n, y m) with alpha = 1, beta = 0; an implementation may copy them once into its own format in
 * {@link #prepare}, outside the timed calls.
 */
interface MatrixImpl {
    String name();

    /** Empty when it can run here, else why not. */
    Optional<String> unavailableReason();

    /** What runs, for the table's header (class, threads). */
    String details();

    /** Binds the operands; the returned call computes C (or y) once, the reader returns C as doubles. */
    Bound prepare(MatrixKernel kernel, boolean f32, int m, int n, int k, double[] a, double[] b);

    /** A prepared call and a way to read its result back. */
    interface Bound extends AutoCloseable {
        void call();

        /** Element i of the row-major result. */
        double result(int i);

        @Override
        default void close() {
        }
    }
}
