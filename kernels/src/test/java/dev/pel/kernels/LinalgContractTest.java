package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pel.kernels.Linalg.Layout;
import dev.pel.kernels.Linalg.Transpose;
import dev.pel.kernels.Linalg.Triangle;
import dev.pel.kernels.testing.BackendArgs;
import dev.pel.kernels.testing.BackendArgs.Target;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Linalg contract on every backend x element type: gemm, gemv, ger and syrk against a float64
 * reference, over awkward shapes (empty, 1, primes, the micro-tile MR = 6 and the vector width
 * +-1, the direct/packed crossover, sizes crossing the cache blocks KC = 256 and MC, skinny shapes),
 * both layouts, every transpose, padded leading dimensions and offsets, strided and negative-stride
 * vectors, and alpha/beta special values: beta = 0 with C poisoned by NaN (must not propagate),
 * alpha = 0 with NaN in A and B (the product must not be formed). Every array element outside the
 * operand (before the offset, in the ld gaps, after the end, the other triangle of syrk) must keep
 * its sentinel bits, and every call must be recorded as run by the forced backend.
 */
@Tag("simd-width")
class LinalgContractTest {
    private static final long SEED = 0x5EED_6E44L;
    /** Marks array elements outside the operand: must come back unchanged. */
    private static final double SENTINEL = -7777.25;

    /** (alpha, beta) pairs; NaN beta poisons C and means beta = 0; NaN alpha poisons A/B and means alpha = 0. */
    private static final double[][] SCALARS = {{1, 0}, {-1.5, Double.NaN}, {0.5, 1}, {2, -0.75}, {Double.NaN, 2}, {1.25, 1}};

    static final int[][] GEMM_SHAPES = {{0, 0, 0}, {0, 3, 2}, {3, 0, 2}, {3, 2, 0}, {1, 1, 1}, {1, 17, 5}, {7, 1, 13}, {6, 16, 9},
            {5, 15, 3}, {7, 17, 8}, {13, 11, 17}, {9, 33, 31}, {31, 37, 29}, {65, 63, 67}, {3, 200, 50}, {200, 3, 50}, {100, 101, 3},
            {70, 90, 257}, {131, 67, 263}, {257, 130, 41}, {40, 1100, 530}};
    static final int[][] GEMV_SHAPES = {{0, 0}, {0, 5}, {5, 0}, {1, 1}, {7, 13}, {17, 3}, {64, 64}, {65, 129}, {300, 257}};
    static final int[][] SYRK_SHAPES = {{0, 3}, {3, 0}, {1, 1}, {5, 7}, {17, 13}, {33, 40}, {130, 40}, {129, 263}};

    static Stream<Arguments> targetsAndTypes() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                out.add(Arguments.of(target, t));
            }
        }
        return out.stream();
    }

    // ---------------------------------------------------------------- arrays of either element type

    /** An operand array: double values the reference reads, and the array (double[] or float[]) the kernel gets. */
    static final class Arr {
        final DType t;
        final double[] v;
        final double[] d;
        final float[] f;

        Arr(DType t, int length) {
            this.t = t;
            this.v = new double[length];
            java.util.Arrays.fill(v, SENTINEL);
            this.d = t == DType.F64 ? v.clone() : null;
            this.f = t == DType.F32 ? new float[length] : null;
            if (f != null) {
                java.util.Arrays.fill(f, (float) SENTINEL);
            }
        }

        void set(int i, double x) {
            if (t == DType.F32) {
                float r = (float) x;
                f[i] = r;
                v[i] = r;
            } else {
                d[i] = x;
                v[i] = x;
            }
        }

        double get(int i) {
            return t == DType.F32 ? f[i] : d[i];
        }

        int length() {
            return v.length;
        }
    }

    /** Fills a stored rows x cols matrix; elements outside it keep the sentinel. */
    static Arr matrix(DType t, SplittableRandom r, Layout layout, int rows, int cols, int off, int ld, boolean poison) {
        int len = off + (rows == 0 || cols == 0 ? 0 : (layout == Layout.ROW_MAJOR ? (rows - 1) * ld + cols : (cols - 1) * ld + rows)) + 3;
        Arr a = new Arr(t, len);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.set(index(layout, off, ld, i, j), poison ? Double.NaN : r.nextDouble(-1, 1));
            }
        }
        return a;
    }

    static int index(Layout layout, int off, int ld, int i, int j) {
        return layout == Layout.ROW_MAJOR ? off + i * ld + j : off + i + j * ld;
    }

    static Arr vector(DType t, SplittableRandom r, int n, int off, int inc, boolean poison) {
        Arr x = new Arr(t, off + (n == 0 ? 0 : (n - 1) * Math.abs(inc) + 1) + 2);
        for (int i = 0; i < n; i++) {
            x.set(off + i * Math.abs(inc), poison ? Double.NaN : r.nextDouble(-1, 1));
        }
        return x;
    }

    /** Array index of logical element i of a BLAS vector. */
    static int vindex(int n, int off, int inc, int i) {
        return inc >= 0 ? off + i * inc : off + (n - 1 - i) * -inc;
    }

    static void ran(Target target, String kernel, DType t, CallRecord before) {
        CallRecord r = PelRuntime.lastCall();
        assertNotNull(r, kernel + ": no call record");
        if (r == before || !r.backend().equals(target.name()) || !r.kernel().equals(kernel) || r.dtype() != t) {
            fail(kernel + " " + t.label() + ": expected a call on " + target.name() + ", last call record is " + r);
        }
    }

    /** Checks element idx of out against the reference value within the bound. */
    static void close(String what, Arr out, int idx, double expected, double bound) {
        double got = out.get(idx);
        if (Double.isNaN(expected) ? !Double.isNaN(got) : !(Math.abs(got - expected) <= bound)) {
            fail(what + ": element at index " + idx + " is " + got + ", expected " + expected + " +- " + bound);
        }
    }

    /** Every index not in {@code touched} keeps its value (bits compared through double). */
    static void untouched(String what, Arr a, boolean[] touched, double[] before) {
        for (int i = 0; i < a.length(); i++) {
            if (!touched[i] && Double.doubleToLongBits(a.get(i)) != Double.doubleToLongBits(before[i])) {
                fail(what + ": index " + i + " outside the operand changed from " + before[i] + " to " + a.get(i));
            }
        }
    }

    static double[] values(Arr a) {
        double[] out = new double[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }

    // ---------------------------------------------------------------- gemm

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void gemm(Target target, DType t) {
        Linalg la = Linalg.on(target.runtime());
        LinalgKernels.FAMILY.of(target.runtime().forcedBackend().orElseThrow());
        org.junit.jupiter.api.Assumptions.assumeTrue(
                LinalgKernels.FAMILY.supports(target.runtime().forcedBackend().orElseThrow(), t),
                () -> LinalgKernels.FAMILY.whyNot(target.runtime().forcedBackend().orElseThrow(), t));
        SplittableRandom r = new SplittableRandom(SEED);
        int combo = 0;
        for (int[] shape : GEMM_SHAPES) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            for (Layout layout : Layout.values()) {
                for (Transpose ta : Transpose.values()) {
                    for (Transpose tb : Transpose.values()) {
                        double[] ab = SCALARS[combo++ % SCALARS.length];
                        int pad = combo % 3 == 0 ? 0 : combo % 5 + 1;
                        int off = combo % 2 == 0 ? 0 : 3;
                        gemmCase(la, target, t, r, layout, ta, tb, m, n, k, ab[0], ab[1], pad, off);
                    }
                }
            }
        }
    }

    private static void gemmCase(Linalg la, Target target, DType t, SplittableRandom r, Layout layout, Transpose ta, Transpose tb,
            int m, int n, int k, double alphaIn, double betaIn, int pad, int off) {
        boolean alphaZero = Double.isNaN(alphaIn);
        boolean poisonC = Double.isNaN(betaIn);
        double alpha = alphaZero ? 0 : alphaIn;
        double beta = poisonC ? 0 : betaIn;
        boolean tA = ta == Transpose.TRANSPOSE;
        boolean tB = tb == Transpose.TRANSPOSE;
        int ra = tA ? k : m;
        int ca = tA ? m : k;
        int rb = tB ? n : k;
        int cb = tB ? k : n;
        int lda = (layout == Layout.ROW_MAJOR ? Math.max(1, ca) : Math.max(1, ra)) + pad;
        int ldb = (layout == Layout.ROW_MAJOR ? Math.max(1, cb) : Math.max(1, rb)) + pad;
        int ldc = (layout == Layout.ROW_MAJOR ? Math.max(1, n) : Math.max(1, m)) + pad;
        Arr a = matrix(t, r, layout, ra, ca, off, lda, alphaZero);
        Arr b = matrix(t, r, layout, rb, cb, off + 1, ldb, alphaZero);
        Arr c = matrix(t, r, layout, m, n, off, ldc, poisonC);
        double[] a0 = values(a);
        double[] b0 = values(b);
        double[] c0 = values(c);
        String what = "gemm " + t.label() + " " + target.name() + " " + layout + " " + ta + " " + tb + " m=" + m + " n=" + n + " k=" + k
                + " alpha=" + alpha + " beta=" + beta + (poisonC ? " (C poisoned)" : "") + (alphaZero ? " (A, B poisoned)" : "")
                + " lda=" + lda + " ldb=" + ldb + " ldc=" + ldc + " off=" + off;
        CallRecord before = PelRuntime.lastCall();
        if (t == DType.F64) {
            la.gemm(layout, ta, tb, m, n, k, alpha, a.d, off, lda, b.d, off + 1, ldb, beta, c.d, off, ldc);
        } else {
            la.gemm(layout, ta, tb, m, n, k, (float) alpha, a.f, off, lda, b.f, off + 1, ldb, (float) beta, c.f, off, ldc);
        }
        ran(target, "gemm", t, before);
        boolean[] touched = new boolean[c.length()];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double mag = 0;
                if (!alphaZero) {
                    for (int p = 0; p < k; p++) {
                        double x = a.v[tA ? index(layout, off, lda, p, i) : index(layout, off, lda, i, p)];
                        double y = b.v[tB ? index(layout, off + 1, ldb, j, p) : index(layout, off + 1, ldb, p, j)];
                        s += x * y;
                        mag += Math.abs(x * y);
                    }
                }
                int ci = index(layout, off, ldc, i, j);
                double cv = c0[ci];
                double expected = (alphaZero ? 0 : alpha * s) + (beta == 0 ? 0 : beta * cv);
                double bound = Tolerances.linalg(t, k, Math.abs(alpha) * mag + (beta == 0 ? 0 : Math.abs(beta * cv)));
                close(what + " C(" + i + "," + j + ")", c, ci, expected, bound);
                touched[ci] = true;
            }
        }
        untouched(what + " C", c, touched, c0);
        untouched(what + " A", a, new boolean[a.length()], a0);
        untouched(what + " B", b, new boolean[b.length()], b0);
    }

    // ---------------------------------------------------------------- gemv

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void gemv(Target target, DType t) {
        Linalg la = Linalg.on(target.runtime());
        org.junit.jupiter.api.Assumptions.assumeTrue(
                LinalgKernels.FAMILY.supports(target.runtime().forcedBackend().orElseThrow(), t),
                () -> LinalgKernels.FAMILY.whyNot(target.runtime().forcedBackend().orElseThrow(), t));
        SplittableRandom r = new SplittableRandom(SEED + 1);
        int combo = 0;
        int[] incs = {1, -2, 3, 1, -1};
        for (int[] shape : GEMV_SHAPES) {
            for (Layout layout : Layout.values()) {
                for (Transpose tr : Transpose.values()) {
                    for (int rep = 0; rep < 2; rep++) {
                        double[] ab = SCALARS[combo++ % SCALARS.length];
                        int incx = incs[combo % incs.length];
                        int incy = incs[(combo + 2) % incs.length];
                        gemvCase(la, target, t, r, layout, tr, shape[0], shape[1], ab[0], ab[1], combo % 3, combo % 2 == 0 ? 0 : 2, incx,
                                incy);
                    }
                }
            }
        }
    }

    private static void gemvCase(Linalg la, Target target, DType t, SplittableRandom r, Layout layout, Transpose tr, int m, int n,
            double alphaIn, double betaIn, int pad, int off, int incx, int incy) {
        boolean alphaZero = Double.isNaN(alphaIn);
        boolean poisonY = Double.isNaN(betaIn);
        double alpha = alphaZero ? 0 : alphaIn;
        double beta = poisonY ? 0 : betaIn;
        boolean tt = tr == Transpose.TRANSPOSE;
        int lda = (layout == Layout.ROW_MAJOR ? Math.max(1, n) : Math.max(1, m)) + pad;
        int lenX = tt ? m : n;
        int lenY = tt ? n : m;
        Arr a = matrix(t, r, layout, m, n, off, lda, alphaZero);
        Arr x = vector(t, r, lenX, off, incx, alphaZero);
        Arr y = vector(t, r, lenY, off + 1, incy, poisonY);
        double[] a0 = values(a);
        double[] x0 = values(x);
        double[] y0 = values(y);
        String what = "gemv " + t.label() + " " + target.name() + " " + layout + " " + tr + " m=" + m + " n=" + n + " alpha=" + alpha
                + " beta=" + beta + " lda=" + lda + " incx=" + incx + " incy=" + incy + " off=" + off;
        CallRecord before = PelRuntime.lastCall();
        if (t == DType.F64) {
            la.gemv(layout, tr, m, n, alpha, a.d, off, lda, x.d, off, incx, beta, y.d, off + 1, incy);
        } else {
            la.gemv(layout, tr, m, n, (float) alpha, a.f, off, lda, x.f, off, incx, (float) beta, y.f, off + 1, incy);
        }
        ran(target, "gemv", t, before);
        boolean[] touched = new boolean[y.length()];
        for (int i = 0; i < lenY; i++) {
            double s = 0;
            double mag = 0;
            if (!alphaZero) {
                for (int j = 0; j < lenX; j++) {
                    double av = a.v[tt ? index(layout, off, lda, j, i) : index(layout, off, lda, i, j)];
                    double xv = x.v[vindex(lenX, off, incx, j)];
                    s += av * xv;
                    mag += Math.abs(av * xv);
                }
            }
            int yi = vindex(lenY, off + 1, incy, i);
            double yv = y0[yi];
            double expected = (alphaZero ? 0 : alpha * s) + (beta == 0 ? 0 : beta * yv);
            close(what + " y[" + i + "]", y, yi, expected,
                    Tolerances.linalg(t, lenX, Math.abs(alpha) * mag + (beta == 0 ? 0 : Math.abs(beta * yv))));
            touched[yi] = true;
        }
        untouched(what + " y", y, touched, y0);
        untouched(what + " A", a, new boolean[a.length()], a0);
        untouched(what + " x", x, new boolean[x.length()], x0);
    }

    // ---------------------------------------------------------------- ger

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void ger(Target target, DType t) {
        Linalg la = Linalg.on(target.runtime());
        org.junit.jupiter.api.Assumptions.assumeTrue(
                LinalgKernels.FAMILY.supports(target.runtime().forcedBackend().orElseThrow(), t),
                () -> LinalgKernels.FAMILY.whyNot(target.runtime().forcedBackend().orElseThrow(), t));
        SplittableRandom r = new SplittableRandom(SEED + 2);
        int combo = 0;
        int[] incs = {1, -2, 3, 1, -1};
        double[] alphas = {1, -0.5, 0, 2.5};
        for (int[] shape : GEMV_SHAPES) {
            for (Layout layout : Layout.values()) {
                for (int rep = 0; rep < 3; rep++) {
                    combo++;
                    int m = shape[0];
                    int n = shape[1];
                    double alpha = alphas[combo % alphas.length];
                    int incx = incs[combo % incs.length];
                    int incy = incs[(combo + 1) % incs.length];
                    int off = combo % 2 == 0 ? 0 : 2;
                    int lda = (layout == Layout.ROW_MAJOR ? Math.max(1, n) : Math.max(1, m)) + combo % 3;
                    Arr a = matrix(t, r, layout, m, n, off, lda, false);
                    Arr x = vector(t, r, m, off, incx, false);
                    Arr y = vector(t, r, n, off + 1, incy, false);
                    double[] a0 = values(a);
                    String what = "ger " + t.label() + " " + target.name() + " " + layout + " m=" + m + " n=" + n + " alpha=" + alpha
                            + " lda=" + lda + " incx=" + incx + " incy=" + incy;
                    CallRecord before = PelRuntime.lastCall();
                    if (t == DType.F64) {
                        la.ger(layout, m, n, alpha, x.d, off, incx, y.d, off + 1, incy, a.d, off, lda);
                    } else {
                        la.ger(layout, m, n, (float) alpha, x.f, off, incx, y.f, off + 1, incy, a.f, off, lda);
                    }
                    ran(target, "ger", t, before);
                    boolean[] touched = new boolean[a.length()];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            int ai = index(layout, off, lda, i, j);
                            double p = alpha * x.v[vindex(m, off, incx, i)] * y.v[vindex(n, off + 1, incy, j)];
                            close(what + " A(" + i + "," + j + ")", a, ai, a0[ai] + p,
                                    Tolerances.ger(t, Math.abs(a0[ai]) + Math.abs(p)));
                            touched[ai] = true;
                        }
                    }
                    untouched(what + " A", a, touched, a0);
                }
            }
        }
    }

    // ---------------------------------------------------------------- syrk

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void syrk(Target target, DType t) {
        Linalg la = Linalg.on(target.runtime());
        org.junit.jupiter.api.Assumptions.assumeTrue(
                LinalgKernels.FAMILY.supports(target.runtime().forcedBackend().orElseThrow(), t),
                () -> LinalgKernels.FAMILY.whyNot(target.runtime().forcedBackend().orElseThrow(), t));
        SplittableRandom r = new SplittableRandom(SEED + 3);
        int combo = 0;
        for (int[] shape : SYRK_SHAPES) {
            for (Layout layout : Layout.values()) {
                for (Triangle tri : Triangle.values()) {
                    for (Transpose tr : Transpose.values()) {
                        double[] ab = SCALARS[combo++ % SCALARS.length];
                        syrkCase(la, target, t, r, layout, tri, tr, shape[0], shape[1], ab[0], ab[1], combo % 3,
                                combo % 2 == 0 ? 0 : 1);
                    }
                }
            }
        }
    }

    private static void syrkCase(Linalg la, Target target, DType t, SplittableRandom r, Layout layout, Triangle tri, Transpose tr,
            int n, int k, double alphaIn, double betaIn, int pad, int off) {
        boolean alphaZero = Double.isNaN(alphaIn);
        boolean poisonC = Double.isNaN(betaIn);
        double alpha = alphaZero ? 0 : alphaIn;
        double beta = poisonC ? 0 : betaIn;
        boolean tt = tr == Transpose.TRANSPOSE;
        int ra = tt ? k : n;
        int ca = tt ? n : k;
        int lda = (layout == Layout.ROW_MAJOR ? Math.max(1, ca) : Math.max(1, ra)) + pad;
        int ldc = Math.max(1, n) + pad;
        Arr a = matrix(t, r, layout, ra, ca, off, lda, alphaZero);
        Arr c = matrix(t, r, layout, n, n, off, ldc, false);
        boolean upper = tri == Triangle.UPPER;
        if (poisonC) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (upper ? i <= j : i >= j) {
                        c.set(index(layout, off, ldc, i, j), Double.NaN);
                    }
                }
            }
        }
        double[] a0 = values(a);
        double[] c0 = values(c);
        String what = "syrk " + t.label() + " " + target.name() + " " + layout + " " + tri + " " + tr + " n=" + n + " k=" + k + " alpha="
                + alpha + " beta=" + beta + " lda=" + lda + " ldc=" + ldc;
        CallRecord before = PelRuntime.lastCall();
        if (t == DType.F64) {
            la.syrk(layout, tri, tr, n, k, alpha, a.d, off, lda, beta, c.d, off, ldc);
        } else {
            la.syrk(layout, tri, tr, n, k, (float) alpha, a.f, off, lda, (float) beta, c.f, off, ldc);
        }
        ran(target, "syrk", t, before);
        boolean[] touched = new boolean[c.length()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (upper ? i > j : i < j) {
                    continue;
                }
                double s = 0;
                double mag = 0;
                if (!alphaZero) {
                    for (int p = 0; p < k; p++) {
                        double x = a.v[tt ? index(layout, off, lda, p, i) : index(layout, off, lda, i, p)];
                        double y = a.v[tt ? index(layout, off, lda, p, j) : index(layout, off, lda, j, p)];
                        s += x * y;
                        mag += Math.abs(x * y);
                    }
                }
                int ci = index(layout, off, ldc, i, j);
                double cv = c0[ci];
                double expected = (alphaZero ? 0 : alpha * s) + (beta == 0 ? 0 : beta * cv);
                close(what + " C(" + i + "," + j + ")", c, ci, expected,
                        Tolerances.linalg(t, k, Math.abs(alpha) * mag + (beta == 0 ? 0 : Math.abs(beta * cv))));
                touched[ci] = true;
            }
        }
        untouched(what + " C (outside the triangle)", c, touched, c0);
        untouched(what + " A", a, new boolean[a.length()], a0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void shortFormIsRowMajorProduct(Target target, DType t) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                LinalgKernels.FAMILY.supports(target.runtime().forcedBackend().orElseThrow(), t),
                () -> LinalgKernels.FAMILY.whyNot(target.runtime().forcedBackend().orElseThrow(), t));
        Linalg la = Linalg.on(target.runtime());
        // [1 2; 3 4] * [5 6; 7 8] = [19 22; 43 50], exact in both types.
        if (t == DType.F64) {
            double[] c = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            la.gemm(2, 2, 2, new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, c);
            assertEquals(List.of(19.0, 22.0, 43.0, 50.0), List.of(c[0], c[1], c[2], c[3]));
        } else {
            float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
            la.gemm(2, 2, 2, new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8}, c);
            assertEquals(List.of(19f, 22f, 43f, 50f), List.of(c[0], c[1], c[2], c[3]));
        }
    }
}
