// @twin-file
package dev.pel.kernels.cpu;

/**
 * The {@code cpu-scalar} reference for dense linear algebra: the plain loops of the BLAS
 * definitions over strided views (element (i, j) of X at {@code x[offX + i*rsX + j*csX]}), one
 * thread, no reassociation beyond a left-to-right sum over the inner dimension.
 */
public final class ScalarLinalgF64 {
    private ScalarLinalgF64() {
    }

    /** {@code alpha * s + beta * c} with BLAS's special cases: beta == 0 does not read c, alpha == 0 drops s. */
    static double combine(double alpha, double s, double beta, double c) {
        if (alpha == 0) {
            return beta == 0 ? 0 : beta == 1 ? c : beta * c;
        }
        double v = alpha * s;
        return beta == 0 ? v : beta == 1 ? v + c : v + beta * c;
    }

    public static void gemm(int m, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double[] b, int offB,
            int rsB, int csB, double beta, double[] c, int offC, int rsC, int csC) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                if (alpha != 0) {
                    int ai = offA + i * rsA;
                    int bj = offB + j * csB;
                    for (int p = 0; p < k; p++) {
                        s += a[ai + p * csA] * b[bj + p * rsB];
                    }
                }
                int ci = offC + i * rsC + j * csC;
                c[ci] = combine(alpha, s, beta, c[ci]);
            }
        }
    }

    public static void gemv(int m, int n, double alpha, double[] a, int offA, int rsA, int csA, double[] x, int x0, int incx,
            double beta, double[] y, int y0, int incy) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            if (alpha != 0) {
                int ai = offA + i * rsA;
                for (int j = 0; j < n; j++) {
                    s += a[ai + j * csA] * x[x0 + j * incx];
                }
            }
            int yi = y0 + i * incy;
            y[yi] = combine(alpha, s, beta, y[yi]);
        }
    }

    public static void ger(int m, int n, double alpha, double[] x, int x0, int incx, double[] y, int y0, int incy, double[] a,
            int offA, int rsA, int csA) {
        if (alpha == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            double t = alpha * y[y0 + j * incy];
            for (int i = 0; i < m; i++) {
                int ai = offA + i * rsA + j * csA;
                a[ai] += x[x0 + i * incx] * t;
            }
        }
    }

    public static void syrk(boolean upper, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double beta,
            double[] c, int offC, int rsC, int csC) {
        for (int i = 0; i < n; i++) {
            int j0 = upper ? i : 0;
            int j1 = upper ? n : i + 1;
            for (int j = j0; j < j1; j++) {
                double s = 0;
                if (alpha != 0) {
                    for (int p = 0; p < k; p++) {
                        s += a[offA + i * rsA + p * csA] * a[offA + j * rsA + p * csA];
                    }
                }
                int ci = offC + i * rsC + j * csC;
                c[ci] = combine(alpha, s, beta, c[ci]);
            }
        }
    }
}
