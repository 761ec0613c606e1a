package dev.pel.netlib;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.pel.kernels.Blas;
import dev.pel.kernels.Linalg;
import dev.pel.kernels.Linalg.Layout;
import dev.pel.kernels.Linalg.Transpose;
import dev.pel.kernels.Linalg.Triangle;
import dev.pel.runtime.PelRuntime;
import java.util.Locale;

/**
 * A drop-in for code written against netlib's {@link BLAS} (Spark MLlib, Breeze and others): the
 * hot routines run on Pel ({@link Blas} and {@link Linalg}, so the runtime picks cpu-simd, OpenCL or
 * the reference like for any Pel call), every other routine is netlib's own Java implementation
 * ({@link JavaBLAS#getInstance()}).
 *
 * <p>On Pel: {@code dot, axpy, scal, nrm2, asum} (level 1), {@code gemv, ger, syr, symv} (level 2),
 * {@code gemm, syrk} (level 3), in s and d, with netlib's column-major Fortran semantics: offsets,
 * strides (negative ones walk backwards from the end, as in the reference), leading dimensions, the
 * reference's quick returns (for example gemv with n = 0 leaves y untouched) and special values
 * (beta = 0 does not read the output). {@code syr} is a rank-1 {@code syrk}; {@code symv} expands the
 * referenced triangle into a full matrix and runs {@code gemv}, which costs a copy of A.
 *
 * <p>Calls netlib defines as errors (a bad option character, a negative dimension, a leading
 * dimension that is too small, a zero increment where netlib rejects it), and calls whose output
 * shares an array with an input (which Pel rejects and BLAS leaves undefined), go to the fallback
 * unchanged, so they fail or behave exactly as with netlib.
 */
public final class PelBLAS extends DelegatingBLAS {
    private static final PelBLAS INSTANCE = new PelBLAS(null);

    private final Blas blas;
    private final Linalg linalg;

    private PelBLAS(PelRuntime runtime) {
        super(JavaBLAS.getInstance());
        this.blas = runtime == null ? Blas.get() : Blas.on(runtime);
        this.linalg = runtime == null ? Linalg.get() : Linalg.on(runtime);
    }

    /** The drop-in on Pel's default runtime. */
    public static PelBLAS getInstance() {
        return INSTANCE;
    }

    /** The drop-in on a given runtime (for example one forcing a backend). */
    public static PelBLAS on(PelRuntime runtime) {
        if (runtime == null) {
            throw new NullPointerException("runtime: must not be null");
        }
        return new PelBLAS(runtime);
    }

    /** The implementation non-accelerated routines go to. */
    public BLAS fallback() {
        return fallback;
    }

    /** 'N' -> no transpose, 'T' or 'C' -> transpose, anything else -> null (netlib's error). */
    private static Transpose trans(String t) {
        if (t == null || t.isEmpty()) {
            return null;
        }
        return switch (Character.toUpperCase(t.charAt(0))) {
            case 'N' -> Transpose.NO_TRANSPOSE;
            case 'T', 'C' -> Transpose.TRANSPOSE;
            default -> null;
        };
    }

    private static Triangle uplo(String u) {
        if (u == null || u.isEmpty()) {
            return null;
        }
        return switch (Character.toUpperCase(u.charAt(0))) {
            case 'U' -> Triangle.UPPER;
            case 'L' -> Triangle.LOWER;
            default -> null;
        };
    }

    private static boolean ldOk(int ld, int rows) {
        return ld >= Math.max(1, rows);
    }

    // ------------------------------------------------------------------ level 1

    @Override
    public double ddot(int n, double[] x, int offx, int incx, double[] y, int offy, int incy) {
        if (n <= 0) {
            return 0;
        }
        return blas.dot(n, x, offx, incx, y, offy, incy);
    }

    @Override
    public float sdot(int n, float[] x, int offx, int incx, float[] y, int offy, int incy) {
        if (n <= 0) {
            return 0;
        }
        return blas.dot(n, x, offx, incx, y, offy, incy);
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int offx, int incx, double[] y, int offy, int incy) {
        if (n <= 0 || alpha == 0) {
            return;
        }
        if (x == y) {
            fallback.daxpy(n, alpha, x, offx, incx, y, offy, incy);
            return;
        }
        blas.axpy(n, alpha, x, offx, incx, y, offy, incy);
    }

    @Override
    public void saxpy(int n, float alpha, float[] x, int offx, int incx, float[] y, int offy, int incy) {
        if (n <= 0 || alpha == 0) {
            return;
        }
        if (x == y) {
            fallback.saxpy(n, alpha, x, offx, incx, y, offy, incy);
            return;
        }
        blas.axpy(n, alpha, x, offx, incx, y, offy, incy);
    }

    @Override
    public void dscal(int n, double alpha, double[] x, int offx, int incx) {
        if (n <= 0 || incx <= 0) {
            return;
        }
        blas.scal(n, alpha, x, offx, incx);
    }

    @Override
    public void sscal(int n, float alpha, float[] x, int offx, int incx) {
        if (n <= 0 || incx <= 0) {
            return;
        }
        blas.scal(n, alpha, x, offx, incx);
    }

    @Override
    public double dnrm2(int n, double[] x, int offx, int incx) {
        if (n <= 0 || incx <= 0) {
            return 0;
        }
        return blas.nrm2(n, x, offx, incx);
    }

    @Override
    public float snrm2(int n, float[] x, int offx, int incx) {
        if (n <= 0 || incx <= 0) {
            return 0;
        }
        return blas.nrm2(n, x, offx, incx);
    }

    @Override
    public double dasum(int n, double[] x, int offx, int incx) {
        if (n <= 0 || incx <= 0) {
            return 0;
        }
        return blas.asum(n, x, offx, incx);
    }

    @Override
    public float sasum(int n, float[] x, int offx, int incx) {
        if (n <= 0 || incx <= 0) {
            return 0;
        }
        return blas.asum(n, x, offx, incx);
    }

    // ------------------------------------------------------------------ level 2

    @Override
    public void dgemv(String trans, int m, int n, double alpha, double[] a, int offa, int lda, double[] x, int offx, int incx,
            double beta, double[] y, int offy, int incy) {
        Transpose t = trans(trans);
        if (t == null || m < 0 || n < 0 || !ldOk(lda, m) || incx == 0 || incy == 0 || y == a || y == x) {
            fallback.dgemv(trans, m, n, alpha, a, offa, lda, x, offx, incx, beta, y, offy, incy);
            return;
        }
        if (m == 0 || n == 0 || (alpha == 0 && beta == 1)) {
            return;
        }
        linalg.gemv(Layout.COLUMN_MAJOR, t, m, n, alpha, a, offa, lda, x, offx, incx, beta, y, offy, incy);
    }

    @Override
    public void sgemv(String trans, int m, int n, float alpha, float[] a, int offa, int lda, float[] x, int offx, int incx,
            float beta, float[] y, int offy, int incy) {
        Transpose t = trans(trans);
        if (t == null || m < 0 || n < 0 || !ldOk(lda, m) || incx == 0 || incy == 0 || y == a || y == x) {
            fallback.sgemv(trans, m, n, alpha, a, offa, lda, x, offx, incx, beta, y, offy, incy);
            return;
        }
        if (m == 0 || n == 0 || (alpha == 0 && beta == 1)) {
            return;
        }
        linalg.gemv(Layout.COLUMN_MAJOR, t, m, n, alpha, a, offa, lda, x, offx, incx, beta, y, offy, incy);
    }

    @Override
    public void dger(int m, int n, double alpha, double[] x, int offx, int incx, double[] y, int offy, int incy, double[] a, int offa,
            int lda) {
        if (m < 0 || n < 0 || !ldOk(lda, m) || incx == 0 || incy == 0 || a == x || a == y) {
            fallback.dger(m, n, alpha, x, offx, incx, y, offy, incy, a, offa, lda);
            return;
        }
        if (m == 0 || n == 0 || alpha == 0) {
            return;
        }
        linalg.ger(Layout.COLUMN_MAJOR, m, n, alpha, x, offx, incx, y, offy, incy, a, offa, lda);
    }

    @Override
    public void sger(int m, int n, float alpha, float[] x, int offx, int incx, float[] y, int offy, int incy, float[] a, int offa,
            int lda) {
        if (m < 0 || n < 0 || !ldOk(lda, m) || incx == 0 || incy == 0 || a == x || a == y) {
            fallback.sger(m, n, alpha, x, offx, incx, y, offy, incy, a, offa, lda);
            return;
        }
        if (m == 0 || n == 0 || alpha == 0) {
            return;
        }
        linalg.ger(Layout.COLUMN_MAJOR, m, n, alpha, x, offx, incx, y, offy, incy, a, offa, lda);
    }

    @Override
    public void dsyr(String uplo, int n, double alpha, double[] x, int offx, int incx, double[] a, int offa, int lda) {
        Triangle tri = uplo(uplo);
        if (tri == null || n < 0 || incx == 0 || !ldOk(lda, n) || a == x) {
            fallback.dsyr(uplo, n, alpha, x, offx, incx, a, offa, lda);
            return;
        }
        if (n == 0 || alpha == 0) {
            return;
        }
        // x as an n x 1 column-major matrix (gathered in logical order when strided): A += alpha x x^T.
        double[] col = x;
        int off = offx;
        if (incx != 1) {
            blas.copy(n, x, offx, incx, col = new double[n], 0, 1);
            off = 0;
        }
        linalg.syrk(Layout.COLUMN_MAJOR, tri, Transpose.NO_TRANSPOSE, n, 1, alpha, col, off, n, 1, a, offa, lda);
    }

    @Override
    public void ssyr(String uplo, int n, float alpha, float[] x, int offx, int incx, float[] a, int offa, int lda) {
        Triangle tri = uplo(uplo);
        if (tri == null || n < 0 || incx == 0 || !ldOk(lda, n) || a == x) {
            fallback.ssyr(uplo, n, alpha, x, offx, incx, a, offa, lda);
            return;
        }
        if (n == 0 || alpha == 0) {
            return;
        }
        float[] col = x;
        int off = offx;
        if (incx != 1) {
            blas.copy(n, x, offx, incx, col = new float[n], 0, 1);
            off = 0;
        }
        linalg.syrk(Layout.COLUMN_MAJOR, tri, Transpose.NO_TRANSPOSE, n, 1, alpha, col, off, n, 1, a, offa, lda);
    }

    @Override
    public void dsymv(String uplo, int n, double alpha, double[] a, int offa, int lda, double[] x, int offx, int incx, double beta,
            double[] y, int offy, int incy) {
        Triangle tri = uplo(uplo);
        if (tri == null || n < 0 || !ldOk(lda, n) || incx == 0 || incy == 0 || y == a || y == x) {
            fallback.dsymv(uplo, n, alpha, a, offa, lda, x, offx, incx, beta, y, offy, incy);
            return;
        }
        if (n == 0 || (alpha == 0 && beta == 1)) {
            return;
        }
        double[] full = new double[n * n];
        if (alpha != 0) {
            boolean upper = tri == Triangle.UPPER;
            for (int j = 0; j < n; j++) {
                for (int i = upper ? 0 : j; i < (upper ? j + 1 : n); i++) {
                    double v = a[offa + i + j * lda];
                    full[i + j * n] = v;
                    full[j + i * n] = v;
                }
            }
        }
        linalg.gemv(Layout.COLUMN_MAJOR, Transpose.NO_TRANSPOSE, n, n, alpha, full, 0, n, x, offx, incx, beta, y, offy, incy);
    }

    @Override
    public void ssymv(String uplo, int n, float alpha, float[] a, int offa, int lda, float[] x, int offx, int incx, float beta,
            float[] y, int offy, int incy) {
        Triangle tri = uplo(uplo);
        if (tri == null || n < 0 || !ldOk(lda, n) || incx == 0 || incy == 0 || y == a || y == x) {
            fallback.ssymv(uplo, n, alpha, a, offa, lda, x, offx, incx, beta, y, offy, incy);
            return;
        }
        if (n == 0 || (alpha == 0 && beta == 1)) {
            return;
        }
        float[] full = new float[n * n];
        if (alpha != 0) {
            boolean upper = tri == Triangle.UPPER;
            for (int j = 0; j < n; j++) {
                for (int i = upper ? 0 : j; i < (upper ? j + 1 : n); i++) {
                    float v = a[offa + i + j * lda];
                    full[i + j * n] = v;
                    full[j + i * n] = v;
                }
            }
        }
        linalg.gemv(Layout.COLUMN_MAJOR, Transpose.NO_TRANSPOSE, n, n, alpha, full, 0, n, x, offx, incx, beta, y, offy, incy);
    }

    // ------------------------------------------------------------------ level 3

    @Override
    public void dgemm(String transa, String transb, int m, int n, int k, double alpha, double[] a, int offa, int lda, double[] b,
            int offb, int ldb, double beta, double[] c, int offc, int ldc) {
        Transpose ta = trans(transa);
        Transpose tb = trans(transb);
        if (ta == null || tb == null || m < 0 || n < 0 || k < 0 || !ldOk(lda, ta == Transpose.NO_TRANSPOSE ? m : k)
                || !ldOk(ldb, tb == Transpose.NO_TRANSPOSE ? k : n) || !ldOk(ldc, m) || c == a || c == b) {
            fallback.dgemm(transa, transb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, c, offc, ldc);
            return;
        }
        if (m == 0 || n == 0 || ((alpha == 0 || k == 0) && beta == 1)) {
            return;
        }
        linalg.gemm(Layout.COLUMN_MAJOR, ta, tb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, c, offc, ldc);
    }

    @Override
    public void sgemm(String transa, String transb, int m, int n, int k, float alpha, float[] a, int offa, int lda, float[] b,
            int offb, int ldb, float beta, float[] c, int offc, int ldc) {
        Transpose ta = trans(transa);
        Transpose tb = trans(transb);
        if (ta == null || tb == null || m < 0 || n < 0 || k < 0 || !ldOk(lda, ta == Transpose.NO_TRANSPOSE ? m : k)
                || !ldOk(ldb, tb == Transpose.NO_TRANSPOSE ? k : n) || !ldOk(ldc, m) || c == a || c == b) {
            fallback.sgemm(transa, transb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, c, offc, ldc);
            return;
        }
        if (m == 0 || n == 0 || ((alpha == 0 || k == 0) && beta == 1)) {
            return;
        }
        linalg.gemm(Layout.COLUMN_MAJOR, ta, tb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, c, offc, ldc);
    }

    @Override
    public void dsyrk(String uplo, String trans, int n, int k, double alpha, double[] a, int offa, int lda, double beta, double[] c,
            int offc, int ldc) {
        Triangle tri = uplo(uplo);
        Transpose t = trans(trans);
        if (tri == null || t == null || n < 0 || k < 0 || !ldOk(lda, t == Transpose.NO_TRANSPOSE ? n : k) || !ldOk(ldc, n)
                || c == a) {
            fallback.dsyrk(uplo, trans, n, k, alpha, a, offa, lda, beta, c, offc, ldc);
            return;
        }
        if (n == 0 || ((alpha == 0 || k == 0) && beta == 1)) {
            return;
        }
        linalg.syrk(Layout.COLUMN_MAJOR, tri, t, n, k, alpha, a, offa, lda, beta, c, offc, ldc);
    }

    @Override
    public void ssyrk(String uplo, String trans, int n, int k, float alpha, float[] a, int offa, int lda, float beta, float[] c,
            int offc, int ldc) {
        Triangle tri = uplo(uplo);
        Transpose t = trans(trans);
        if (tri == null || t == null || n < 0 || k < 0 || !ldOk(lda, t == Transpose.NO_TRANSPOSE ? n : k) || !ldOk(ldc, n)
                || c == a) {
            fallback.ssyrk(uplo, trans, n, k, alpha, a, offa, lda, beta, c, offc, ldc);
            return;
        }
        if (n == 0 || ((alpha == 0 || k == 0) && beta == 1)) {
            return;
        }
        linalg.syrk(Layout.COLUMN_MAJOR, tri, t, n, k, alpha, a, offa, lda, beta, c, offc, ldc);
    }

    @Override
    public String toString() {
        return "PelBLAS(fallback " + fallback.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }
}
