package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.Linalg.Layout;
import dev.pel.kernels.Linalg.Transpose;
import dev.pel.kernels.Linalg.Triangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Linalg rejects bad arguments before writing anything, naming the argument and its value. */
class LinalgBadInputTest {
    private static final Layout R = Layout.ROW_MAJOR;
    private static final Layout C = Layout.COLUMN_MAJOR;
    private static final Transpose N = Transpose.NO_TRANSPOSE;
    private static final Transpose T = Transpose.TRANSPOSE;
    private final Linalg la = Linalg.get();

    private static <E extends Throwable> void fails(Class<E> type, String mentions, double[] output, Executable call) {
        double[] before = output.clone();
        E e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(mentions), "message should mention '" + mentions + "': " + e.getMessage());
        assertArrayEquals(before, output, "nothing may be written when validation fails");
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i + 0.5;
        }
        return a;
    }

    @Test
    void gemm() {
        double[] a = filled(12);
        double[] b = filled(12);
        double[] c = filled(12);
        fails(NullPointerException.class, "a:", c, () -> la.gemm(R, N, N, 3, 4, 3, 1, null, 0, 3, b, 0, 4, 0, c, 0, 4));
        fails(NullPointerException.class, "layout", c, () -> la.gemm(null, N, N, 3, 4, 3, 1, a, 0, 3, b, 0, 4, 0, c, 0, 4));
        fails(NullPointerException.class, "transB", c, () -> la.gemm(R, N, null, 3, 4, 3, 1, a, 0, 3, b, 0, 4, 0, c, 0, 4));
        fails(IllegalArgumentException.class, "m: must be >= 0, was -1", c,
                () -> la.gemm(R, N, N, -1, 4, 3, 1, a, 0, 3, b, 0, 4, 0, c, 0, 4));
        fails(IllegalArgumentException.class, "k: must be >= 0, was -2", c,
                () -> la.gemm(R, N, N, 3, 4, -2, 1, a, 0, 3, b, 0, 4, 0, c, 0, 4));
        fails(IllegalArgumentException.class, "lda: must be >= 3", c, () -> la.gemm(R, N, N, 3, 4, 3, 1, a, 0, 2, b, 0, 4, 0, c, 0, 4));
        fails(IllegalArgumentException.class, "ldc: must be >= 3", c, () -> la.gemm(C, N, N, 3, 4, 3, 1, a, 0, 3, b, 0, 3, 0, c, 0, 2));
        fails(IllegalArgumentException.class, "ldb: must be >= 3", c, () -> la.gemm(R, N, T, 3, 4, 3, 1, a, 0, 3, b, 0, 2, 0, c, 0, 4));
        fails(IndexOutOfBoundsException.class, "c: a 3 x 4 matrix from offset 1", c,
                () -> la.gemm(R, N, N, 3, 4, 3, 1, a, 0, 3, b, 0, 4, 0, c, 1, 4));
        fails(IndexOutOfBoundsException.class, "offA: -1", c, () -> la.gemm(R, N, N, 3, 4, 3, 1, a, -1, 3, b, 0, 4, 0, c, 0, 4));
        fails(IndexOutOfBoundsException.class, "b: a 3 x 4 matrix", c,
                () -> la.gemm(R, N, N, 3, 4, 3, 1, a, 0, 3, filled(11), 0, 4, 0, c, 0, 4));
        fails(IllegalArgumentException.class, "c: overlaps a", c, () -> la.gemm(R, N, N, 2, 2, 2, 1, c, 0, 2, b, 0, 2, 0, c, 2, 2));
        // Distinct parts of one array are fine.
        double[] big = filled(12);
        la.gemm(R, N, N, 2, 2, 2, 1, big, 0, 2, big, 4, 2, 0, big, 8, 2);
    }

    @Test
    void floatGemmChecksToo() {
        float[] a = new float[4];
        fails(IllegalArgumentException.class, "n: must be >= 0, was -3", new double[0],
                () -> la.gemm(R, N, N, 2, -3, 2, 1f, a, 0, 2, a, 0, 2, 0f, new float[4], 0, 2));
    }

    @Test
    void gemvGerSyrk() {
        double[] a = filled(12);
        double[] x = filled(4);
        double[] y = filled(4);
        fails(IndexOutOfBoundsException.class, "x: n=4 elements", y, () -> la.gemv(R, N, 3, 4, 1, a, 0, 4, filled(3), 0, 1, 0, y, 0, 1));
        fails(IllegalArgumentException.class, "incy: must be non-zero", y, () -> la.gemv(R, N, 3, 4, 1, a, 0, 4, x, 0, 1, 0, y, 0, 0));
        fails(IllegalArgumentException.class, "lda: must be >= 4", y, () -> la.gemv(R, T, 3, 4, 1, a, 0, 3, x, 0, 1, 0, y, 0, 1));
        fails(IllegalArgumentException.class, "y: overlaps x", y, () -> la.gemv(R, N, 2, 2, 1, a, 0, 2, y, 0, 1, 0, y, 1, 1));
        double[] big = filled(20);
        fails(IllegalArgumentException.class, "a: overlaps x", big, () -> la.ger(C, 3, 4, 1, big, 0, 1, y, 0, 1, big, 2, 3));
        fails(IndexOutOfBoundsException.class, "offy: 9", a, () -> la.ger(C, 3, 4, 1, x, 0, 1, y, 9, 1, a, 0, 3));
        double[] c = filled(9);
        fails(NullPointerException.class, "triangle", c, () -> la.syrk(R, null, N, 3, 2, 1, a, 0, 2, 0, c, 0, 3));
        fails(IllegalArgumentException.class, "lda: must be >= 3", c, () -> la.syrk(R, Triangle.UPPER, T, 3, 2, 1, a, 0, 2, 0, c, 0, 3));
        fails(IndexOutOfBoundsException.class, "c: a 3 x 3 matrix", c,
                () -> la.syrk(C, Triangle.LOWER, N, 3, 2, 1, a, 0, 3, 0, filled(8), 0, 3));
    }
}
