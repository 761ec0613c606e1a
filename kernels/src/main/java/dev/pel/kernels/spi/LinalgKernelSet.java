package dev.pel.kernels.spi;

/**
 * Dense linear algebra (BLAS levels 2 and 3) as each backend implements it, over heap arrays.
 *
 * <p>Matrices arrive as strided views: element (i, j) of a matrix X is
 * {@code x[offX + i*rsX + j*csX]}, so row-major, column-major and transposed operands are all the
 * same call (the facade folds layout and transposes into the strides). Vectors arrive as the index
 * of their logical element 0 and an increment (negative: the elements run backwards in memory).
 * Arguments have been validated: every index reached is inside its array, and outputs do not
 * overlap inputs. {@code threads} is the most threads the call may use.
 *
 * <p>Semantics shared by every implementation: {@code beta == 0} means the output is not read (NaN
 * or infinity there does not propagate); {@code alpha == 0} or an empty inner dimension means the
 * product is not computed (the output is only scaled by beta).
 */
public interface LinalgKernelSet {
    // @twin-begin F64
    /** {@code C(m x n) = alpha * A(m x k) * B(k x n) + beta * C}. */
    void gemm(int m, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double[] b, int offB, int rsB, int csB,
            double beta, double[] c, int offC, int rsC, int csC, int threads);

    /** {@code y(m) = alpha * A(m x n) * x(n) + beta * y}. */
    void gemv(int m, int n, double alpha, double[] a, int offA, int rsA, int csA, double[] x, int x0, int incx, double beta,
            double[] y, int y0, int incy, int threads);

    /** {@code A(m x n) += alpha * x(m) * y(n)^T}. */
    void ger(int m, int n, double alpha, double[] x, int x0, int incx, double[] y, int y0, int incy, double[] a, int offA, int rsA,
            int csA, int threads);

    /**
     * {@code C(n x n) = alpha * A(n x k) * A^T + beta * C} on the upper (i <= j) or lower (i >= j)
     * triangle of C only; the other triangle is neither read nor written.
     */
    void syrk(boolean upper, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double beta, double[] c, int offC,
            int rsC, int csC, int threads);
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** {@code C(m x n) = alpha * A(m x k) * B(k x n) + beta * C}. */
    void gemm(int m, int n, int k, float alpha, float[] a, int offA, int rsA, int csA, float[] b, int offB, int rsB, int csB,
            float beta, float[] c, int offC, int rsC, int csC, int threads);

    /** {@code y(m) = alpha * A(m x n) * x(n) + beta * y}. */
    void gemv(int m, int n, float alpha, float[] a, int offA, int rsA, int csA, float[] x, int x0, int incx, float beta,
            float[] y, int y0, int incy, int threads);

    /** {@code A(m x n) += alpha * x(m) * y(n)^T}. */
    void ger(int m, int n, float alpha, float[] x, int x0, int incx, float[] y, int y0, int incy, float[] a, int offA, int rsA,
            int csA, int threads);

    /**
     * {@code C(n x n) = alpha * A(n x k) * A^T + beta * C} on the upper (i <= j) or lower (i >= j)
     * triangle of C only; the other triangle is neither read nor written.
     */
    void syrk(boolean upper, int n, int k, float alpha, float[] a, int offA, int rsA, int csA, float beta, float[] c, int offC,
            int rsC, int csC, int threads);
    // @twin-end
}
