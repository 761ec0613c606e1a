package dev.pel.kernels;

import static dev.pel.kernels.Catalogue.GEMM;
import static dev.pel.kernels.Catalogue.GEMV;
import static dev.pel.kernels.Catalogue.GER;
import static dev.pel.kernels.Catalogue.SYRK;

import dev.pel.kernels.spi.LinalgKernelSet;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.Placement;

/**
 * Dense linear algebra with BLAS semantics over heap arrays: {@code gemm}, {@code gemv}, {@code ger}
 * and {@code syrk}, float and double, row- or column-major.
 *
 * <p>A matrix argument is {@code (array, offset, ld)} with BLAS meaning: in {@link Layout#ROW_MAJOR}
 * element (i, j) of the stored matrix is {@code array[offset + i*ld + j]} and {@code ld} must be at
 * least its column count; in {@link Layout#COLUMN_MAJOR} it is {@code array[offset + i + j*ld]} and
 * {@code ld} at least its row count (and at least 1 in both). {@link Transpose#TRANSPOSE} uses the
 * stored matrix transposed. Vector arguments follow {@link Blas}: {@code (array, offset, inc)} with a
 * negative increment walking the range backwards.
 *
 * <p>Special values follow the BLAS reference: {@code beta == 0} means the output is not read (NaN
 * there does not propagate); {@code alpha == 0} (or an empty inner dimension) means the product is not
 * formed, so the output is only scaled by beta and NaN in the inputs does not reach it.
 *
 * <p>Bad arguments throw before anything is written: {@link NullPointerException},
 * {@link IllegalArgumentException} or {@link IndexOutOfBoundsException} naming the argument and its
 * value. Outputs may not overlap inputs in the same array.
 */
public final class Linalg extends Facade<LinalgKernelSet> {
    private static final Linalg DEFAULT = new Linalg(null);

    /** How a matrix is stored. */
    public enum Layout {
        /** Rows are contiguous: element (i, j) at {@code offset + i*ld + j}. */
        ROW_MAJOR,
        /** Columns are contiguous (Fortran, netlib): element (i, j) at {@code offset + i + j*ld}. */
        COLUMN_MAJOR
    }

    /** Whether an operand is used as stored or transposed. */
    public enum Transpose {
        NO_TRANSPOSE,
        TRANSPOSE
    }

    /** Which triangle of a symmetric result is referenced. */
    public enum Triangle {
        /** Elements (i, j) with i <= j. */
        UPPER,
        /** Elements (i, j) with i >= j. */
        LOWER
    }

    private Linalg(PelRuntime runtime) {
        super(runtime, LinalgKernels.FAMILY);
    }

    /** Dense linear algebra on the process-wide default runtime. */
    public static Linalg get() {
        return DEFAULT;
    }

    /** Dense linear algebra on a given runtime (for example one that forces a backend). */
    public static Linalg on(PelRuntime runtime) {
        return new Linalg(Check.notNull("runtime", runtime));
    }

    /** A validated strided view of a stored matrix: element (i, j) at off + i*rs + j*cs. */
    private record View(int off, int rs, int cs, long lo, long hi) {
        View transposed() {
            return new View(off, cs, rs, lo, hi);
        }

        boolean empty() {
            return hi < lo;
        }
    }

    /** Validates a stored rows x cols matrix (array, off, ld) and returns its view. */
    private static View matrix(String name, String ldName, int length, int off, int ld, long rows, long cols, Layout layout) {
        long minLd = Math.max(1, layout == Layout.ROW_MAJOR ? cols : rows);
        if (ld < minLd) {
            throw new IllegalArgumentException(ldName + ": must be >= " + minLd + " for a " + rows + " x " + cols + " "
                    + layout.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + name + ", was " + ld);
        }
        if (off < 0 || off > length) {
            throw new IndexOutOfBoundsException("off" + name.toUpperCase(java.util.Locale.ROOT) + ": " + off + " is outside [0, " + length
                    + "] of " + name);
        }
        if (rows == 0 || cols == 0) {
            return new View(off, 1, 1, 0, -1);
        }
        long last = layout == Layout.ROW_MAJOR ? off + (rows - 1) * ld + cols - 1 : off + (rows - 1) + (cols - 1) * ld;
        if (last >= length) {
            throw new IndexOutOfBoundsException(name + ": a " + rows + " x " + cols + " matrix from offset " + off + " with ld " + ld
                    + " reaches index " + last + ", past the end of an array of length " + length);
        }
        return layout == Layout.ROW_MAJOR ? new View(off, ld, 1, off, last) : new View(off, 1, ld, off, last);
    }

    /** Span [lo, hi] of a vector operand, for overlap checks. */
    private static long[] span(long n, long off, long inc) {
        return n == 0 ? new long[] {0, -1} : new long[] {off, off + (n - 1) * Math.abs(inc)};
    }

    private static void noOverlap(String outName, Object out, long outLo, long outHi, String inName, Object in, long inLo, long inHi) {
        if (out == in && outLo <= outHi && inLo <= inHi && outLo <= inHi && inLo <= outHi) {
            throw new IllegalArgumentException(outName + ": overlaps " + inName + " in the same array (elements " + Math.max(outLo, inLo)
                    + ".." + Math.min(outHi, inHi) + ")");
        }
    }

    private static int dim(String name, int v) {
        Check.count(name, v);
        return v;
    }

    // @twin-begin F64
    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} for row-major arrays holding whole matrices:
     * A is m x k, B is k x n, C is m x n (no transposes, alpha = 1, beta = 0).
     */
    public void gemm(int m, int n, int k, double[] a, double[] b, double[] c) {
        gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1, a, 0, Math.max(1, k), b, 0, Math.max(1, n),
                0, c, 0, Math.max(1, n));
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, op(A) m x k, op(B) k x n, C m x n: the BLAS
     * {@code ?gemm} with a layout.
     */
    public void gemm(Layout layout, Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a, int offA,
            int lda, double[] b, int offB, int ldb, double beta, double[] c, int offC, int ldc) {
        Check.notNull("layout", layout);
        Check.notNull("transA", transA);
        Check.notNull("transB", transB);
        dim("m", m);
        dim("n", n);
        dim("k", k);
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.notNull("c", c);
        boolean ta = transA == Transpose.TRANSPOSE;
        boolean tb = transB == Transpose.TRANSPOSE;
        View va = matrix("a", "lda", a.length, offA, lda, ta ? k : m, ta ? m : k, layout);
        View vb = matrix("b", "ldb", b.length, offB, ldb, tb ? n : k, tb ? k : n, layout);
        View vc = matrix("c", "ldc", c.length, offC, ldc, m, n, layout);
        View opA = ta ? va.transposed() : va;
        View opB = tb ? vb.transposed() : vb;
        noOverlap("c", c, vc.lo(), vc.hi(), "a", a, va.lo(), va.hi());
        noOverlap("c", c, vc.lo(), vc.hi(), "b", b, vb.lo(), vb.hi());
        run(GEMM, DType.F64, m, n, k, Placement.HEAP, (s, t) -> s.gemm(m, n, k, alpha, a, opA.off(), opA.rs(), opA.cs(), b, opB.off(),
                opB.rs(), opB.cs(), beta, c, vc.off(), vc.rs(), vc.cs(), t));
    }

    /**
     * {@code y = alpha * op(A) * x + beta * y}, A stored m x n: the BLAS {@code ?gemv} with a layout
     * (x has n elements and y m without a transpose, the other way round with one).
     */
    public void gemv(Layout layout, Transpose trans, int m, int n, double alpha, double[] a, int offA, int lda, double[] x, int offx,
            int incx, double beta, double[] y, int offy, int incy) {
        Check.notNull("layout", layout);
        Check.notNull("trans", trans);
        dim("m", m);
        dim("n", n);
        Check.notNull("a", a);
        Check.notNull("x", x);
        Check.notNull("y", y);
        boolean t = trans == Transpose.TRANSPOSE;
        View va = matrix("a", "lda", a.length, offA, lda, m, n, layout);
        int lenX = t ? m : n;
        int lenY = t ? n : m;
        Check.range("x", x.length, lenX, offx, incx);
        Check.range("y", y.length, lenY, offy, incy);
        View op = t ? va.transposed() : va;
        long[] sx = span(lenX, offx, incx);
        long[] sy = span(lenY, offy, incy);
        noOverlap("y", y, sy[0], sy[1], "a", a, va.lo(), va.hi());
        noOverlap("y", y, sy[0], sy[1], "x", x, sx[0], sx[1]);
        int x0 = (int) Check.start(lenX, offx, incx);
        int y0 = (int) Check.start(lenY, offy, incy);
        run(GEMV, DType.F64, lenY, lenX, 1, Placement.HEAP, (s, th) -> s.gemv(lenY, lenX, alpha, a, op.off(), op.rs(), op.cs(), x, x0,
                incx, beta, y, y0, incy, th));
    }

    /** {@code A = alpha * x * y^T + A}, A m x n, x m elements, y n elements: the BLAS {@code ?ger} with a layout. */
    public void ger(Layout layout, int m, int n, double alpha, double[] x, int offx, int incx, double[] y, int offy, int incy,
            double[] a, int offA, int lda) {
        Check.notNull("layout", layout);
        dim("m", m);
        dim("n", n);
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("a", a);
        Check.range("x", x.length, m, offx, incx);
        Check.range("y", y.length, n, offy, incy);
        View va = matrix("a", "lda", a.length, offA, lda, m, n, layout);
        long[] sx = span(m, offx, incx);
        long[] sy = span(n, offy, incy);
        noOverlap("a", a, va.lo(), va.hi(), "x", x, sx[0], sx[1]);
        noOverlap("a", a, va.lo(), va.hi(), "y", y, sy[0], sy[1]);
        int x0 = (int) Check.start(m, offx, incx);
        int y0 = (int) Check.start(n, offy, incy);
        run(GER, DType.F64, m, n, 1, Placement.HEAP, (s, t) -> s.ger(m, n, alpha, x, x0, incx, y, y0, incy, a, va.off(), va.rs(),
                va.cs(), t));
    }

    /**
     * {@code C = alpha * A * A^T + beta * C} (A stored n x k) or, with {@link Transpose#TRANSPOSE},
     * {@code C = alpha * A^T * A + beta * C} (A stored k x n), updating only the given triangle of
     * the n x n matrix C: the BLAS {@code ?syrk} with a layout.
     */
    public void syrk(Layout layout, Triangle triangle, Transpose trans, int n, int k, double alpha, double[] a, int offA, int lda,
            double beta, double[] c, int offC, int ldc) {
        Check.notNull("layout", layout);
        Check.notNull("triangle", triangle);
        Check.notNull("trans", trans);
        dim("n", n);
        dim("k", k);
        Check.notNull("a", a);
        Check.notNull("c", c);
        boolean t = trans == Transpose.TRANSPOSE;
        View va = matrix("a", "lda", a.length, offA, lda, t ? k : n, t ? n : k, layout);
        View vc = matrix("c", "ldc", c.length, offC, ldc, n, n, layout);
        View op = t ? va.transposed() : va;
        noOverlap("c", c, vc.lo(), vc.hi(), "a", a, va.lo(), va.hi());
        boolean upper = triangle == Triangle.UPPER;
        run(SYRK, DType.F64, n, k, 1, Placement.HEAP, (s, th) -> s.syrk(upper, n, k, alpha, a, op.off(), op.rs(), op.cs(), beta, c,
                vc.off(), vc.rs(), vc.cs(), th));
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} for row-major arrays holding whole matrices:
     * A is m x k, B is k x n, C is m x n (no transposes, alpha = 1, beta = 0).
     */
    public void gemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        gemm(Layout.ROW_MAJOR, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1, a, 0, Math.max(1, k), b, 0, Math.max(1, n),
                0, c, 0, Math.max(1, n));
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, op(A) m x k, op(B) k x n, C m x n: the BLAS
     * {@code ?gemm} with a layout.
     */
    public void gemm(Layout layout, Transpose transA, Transpose transB, int m, int n, int k, float alpha, float[] a, int offA,
            int lda, float[] b, int offB, int ldb, float beta, float[] c, int offC, int ldc) {
        Check.notNull("layout", layout);
        Check.notNull("transA", transA);
        Check.notNull("transB", transB);
        dim("m", m);
        dim("n", n);
        dim("k", k);
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.notNull("c", c);
        boolean ta = transA == Transpose.TRANSPOSE;
        boolean tb = transB == Transpose.TRANSPOSE;
        View va = matrix("a", "lda", a.length, offA, lda, ta ? k : m, ta ? m : k, layout);
        View vb = matrix("b", "ldb", b.length, offB, ldb, tb ? n : k, tb ? k : n, layout);
        View vc = matrix("c", "ldc", c.length, offC, ldc, m, n, layout);
        View opA = ta ? va.transposed() : va;
        View opB = tb ? vb.transposed() : vb;
        noOverlap("c", c, vc.lo(), vc.hi(), "a", a, va.lo(), va.hi());
        noOverlap("c", c, vc.lo(), vc.hi(), "b", b, vb.lo(), vb.hi());
        run(GEMM, DType.F32, m, n, k, Placement.HEAP, (s, t) -> s.gemm(m, n, k, alpha, a, opA.off(), opA.rs(), opA.cs(), b, opB.off(),
                opB.rs(), opB.cs(), beta, c, vc.off(), vc.rs(), vc.cs(), t));
    }

    /**
     * {@code y = alpha * op(A) * x + beta * y}, A stored m x n: the BLAS {@code ?gemv} with a layout
     * (x has n elements and y m without a transpose, the other way round with one).
     */
    public void gemv(Layout layout, Transpose trans, int m, int n, float alpha, float[] a, int offA, int lda, float[] x, int offx,
            int incx, float beta, float[] y, int offy, int incy) {
        Check.notNull("layout", layout);
        Check.notNull("trans", trans);
        dim("m", m);
        dim("n", n);
        Check.notNull("a", a);
        Check.notNull("x", x);
        Check.notNull("y", y);
        boolean t = trans == Transpose.TRANSPOSE;
        View va = matrix("a", "lda", a.length, offA, lda, m, n, layout);
        int lenX = t ? m : n;
        int lenY = t ? n : m;
        Check.range("x", x.length, lenX, offx, incx);
        Check.range("y", y.length, lenY, offy, incy);
        View op = t ? va.transposed() : va;
        long[] sx = span(lenX, offx, incx);
        long[] sy = span(lenY, offy, incy);
        noOverlap("y", y, sy[0], sy[1], "a", a, va.lo(), va.hi());
        noOverlap("y", y, sy[0], sy[1], "x", x, sx[0], sx[1]);
        int x0 = (int) Check.start(lenX, offx, incx);
        int y0 = (int) Check.start(lenY, offy, incy);
        run(GEMV, DType.F32, lenY, lenX, 1, Placement.HEAP, (s, th) -> s.gemv(lenY, lenX, alpha, a, op.off(), op.rs(), op.cs(), x, x0,
                incx, beta, y, y0, incy, th));
    }

    /** {@code A = alpha * x * y^T + A}, A m x n, x m elements, y n elements: the BLAS {@code ?ger} with a layout. */
    public void ger(Layout layout, int m, int n, float alpha, float[] x, int offx, int incx, float[] y, int offy, int incy,
            float[] a, int offA, int lda) {
        Check.notNull("layout", layout);
        dim("m", m);
        dim("n", n);
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("a", a);
        Check.range("x", x.length, m, offx, incx);
        Check.range("y", y.length, n, offy, incy);
        View va = matrix("a", "lda", a.length, offA, lda, m, n, layout);
        long[] sx = span(m, offx, incx);
        long[] sy = span(n, offy, incy);
        noOverlap("a", a, va.lo(), va.hi(), "x", x, sx[0], sx[1]);
        noOverlap("a", a, va.lo(), va.hi(), "y", y, sy[0], sy[1]);
        int x0 = (int) Check.start(m, offx, incx);
        int y0 = (int) Check.start(n, offy, incy);
        run(GER, DType.F32, m, n, 1, Placement.HEAP, (s, t) -> s.ger(m, n, alpha, x, x0, incx, y, y0, incy, a, va.off(), va.rs(),
                va.cs(), t));
    }

    /**
     * {@code C = alpha * A * A^T + beta * C} (A stored n x k) or, with {@link Transpose#TRANSPOSE},
     * {@code C = alpha * A^T * A + beta * C} (A stored k x n), updating only the given triangle of
     * the n x n matrix C: the BLAS {@code ?syrk} with a layout.
     */
    public void syrk(Layout layout, Triangle triangle, Transpose trans, int n, int k, float alpha, float[] a, int offA, int lda,
            float beta, float[] c, int offC, int ldc) {
        Check.notNull("layout", layout);
        Check.notNull("triangle", triangle);
        Check.notNull("trans", trans);
        dim("n", n);
        dim("k", k);
        Check.notNull("a", a);
        Check.notNull("c", c);
        boolean t = trans == Transpose.TRANSPOSE;
        View va = matrix("a", "lda", a.length, offA, lda, t ? k : n, t ? n : k, layout);
        View vc = matrix("c", "ldc", c.length, offC, ldc, n, n, layout);
        View op = t ? va.transposed() : va;
        noOverlap("c", c, vc.lo(), vc.hi(), "a", a, va.lo(), va.hi());
        boolean upper = triangle == Triangle.UPPER;
        run(SYRK, DType.F32, n, k, 1, Placement.HEAP, (s, th) -> s.syrk(upper, n, k, alpha, a, op.off(), op.rs(), op.cs(), beta, c,
                vc.off(), vc.rs(), vc.cs(), th));
    }
    // @twin-end
}
