package dev.pel.netlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.F2jAccess;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.spi.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PelBLAS against netlib's F2J reference, routine by routine, for every routine it runs on Pel, with
 * netlib semantics: column-major, all transposes, offsets, positive and negative strides, lda > rows,
 * alpha/beta special values (beta = 0 over NaN, alpha = 0 over NaN inputs), empty dimensions and the
 * reference's quick returns. Both results are compared element by element over the whole output
 * array (so elements outside the operand must match too), within a bound that grows with the inner
 * dimension (the two implementations sum in different orders). Runs on every backend Pel probed.
 */
class PelBLASTest {
    private static final BLAS F2J = F2jAccess.f2j();
    /** Calls the reference accepted (and so were compared), per test method. */
    private static int compared;
    private static final double[] SPECIAL = {0, 1, -1.5, 0.5};

    static Stream<Named<BLAS>> impls() {
        List<Named<BLAS>> out = new ArrayList<>();
        out.add(Named.of("default", PelBLAS.getInstance()));
        for (Probe p : PelRuntime.defaultRuntime().probes()) {
            if (p.isAvailable()) {
                out.add(Named.of(p.name(), PelBLAS.on(PelRuntime.defaultRuntime().withBackend(p.name()))));
            }
        }
        return out.stream();
    }

    private static double[] data(SplittableRandom r, int n, boolean nan) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = nan ? Double.NaN : r.nextDouble(-1, 1);
        }
        return a;
    }

    private static float[] f(double[] a) {
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = (float) a[i];
        }
        return o;
    }

    /** Element-wise comparison of whole arrays within (k + 3) u-ish bounds relative to the values' scale. */
    private static void same(String what, double[] expected, double[] actual, int k, double scale) {
        double bound = (k + 4) * 0x1p-52 * 4 * Math.max(1, scale);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i]) ? !Double.isNaN(actual[i]) : !(Math.abs(expected[i] - actual[i]) <= bound)) {
                fail(what + ": index " + i + " F2J " + expected[i] + " PelBLAS " + actual[i] + " (bound " + bound + ")");
            }
        }
    }

    private static void same(String what, float[] expected, float[] actual, int k, double scale) {
        double bound = (k + 4) * 0x1p-23 * 4 * Math.max(1, scale);
        for (int i = 0; i < expected.length; i++) {
            if (Float.isNaN(expected[i]) ? !Float.isNaN(actual[i]) : !(Math.abs(expected[i] - actual[i]) <= bound)) {
                fail(what + ": index " + i + " F2J " + expected[i] + " PelBLAS " + actual[i] + " (bound " + bound + ")");
            }
        }
    }

    /**
     * Runs the reference; false when netlib's own argument checks reject the call (it range-checks
     * some empty operands, e.g. k = 0 at offset 0, and the test's square sub-matrix of a wide one):
     * such cases are skipped, they say nothing about PelBLAS.
     */
    private static boolean f2jAccepts(Runnable call) {
        try {
            call.run();
            compared++;
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static final String[] TRANS = {"N", "T", "c"};
    private static final int[] INCS = {1, 2, -1, -3};

    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    void gemm(BLAS pel) {
        compared = 0;
        SplittableRandom r = new SplittableRandom(11);
        int[][] shapes = {{0, 3, 2}, {3, 0, 2}, {4, 3, 0}, {1, 1, 1}, {7, 5, 3}, {17, 13, 19}, {40, 33, 70}, {6, 65, 7}};
        int combo = 0;
        for (int[] s : shapes) {
            for (String ta : TRANS) {
                for (String tb : TRANS) {
                    int m = s[0];
                    int n = s[1];
                    int k = s[2];
                    double alpha = SPECIAL[combo % 4] == 0 && combo % 8 == 0 ? 0 : 1.25;
                    double beta = SPECIAL[(combo + 1) % 4];
                    combo++;
                    boolean na = ta.equals("N");
                    boolean nb = tb.equals("N");
                    int lda = Math.max(1, na ? m : k) + combo % 3;
                    int ldb = Math.max(1, nb ? k : n) + combo % 2;
                    int ldc = Math.max(1, m) + 2;
                    int offa = combo % 3;
                    int offb = 1;
                    int offc = combo % 2;
                    double[] a = data(r, offa + lda * Math.max(1, na ? k : m) + 1, false);
                    double[] b = data(r, offb + ldb * Math.max(1, nb ? n : k) + 1, false);
                    double[] c = data(r, offc + ldc * Math.max(1, n) + 1, beta == 0);
                    double[] ce = c.clone();
                    double[] ca = c.clone();
                    String what = "dgemm " + ta + tb + " m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha + " beta=" + beta;
                    if (!f2jAccepts(() -> F2J.dgemm(ta, tb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, ce, offc, ldc))) {
                        continue;
                    }
                    pel.dgemm(ta, tb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, ca, offc, ldc);
                    same(what, ce, ca, k, 1);
                    float[] cf = f(c);
                    float[] cfe = cf.clone();
                    F2J.sgemm(ta, tb, m, n, k, (float) alpha, f(a), offa, lda, f(b), offb, ldb, (float) beta, cfe, offc, ldc);
                    pel.sgemm(ta, tb, m, n, k, (float) alpha, f(a), offa, lda, f(b), offb, ldb, (float) beta, cf, offc, ldc);
                    same("s" + what.substring(1), cfe, cf, k, 1);
                }
            }
        }
        // Short form and alpha = 0 over NaN inputs.
        double[] a = data(r, 6, true);
        double[] c = data(r, 4, false);
        double[] ce = c.clone();
        F2J.dgemm("N", "N", 2, 2, 3, 0, a, 2, a, 3, 2, ce, 2);
        pel.dgemm("N", "N", 2, 2, 3, 0, a, 2, a, 3, 2, c, 2);
        same("dgemm alpha=0 over NaN A, B", ce, c, 0, 1);
        assertTrue(compared >= 60, "only " + compared + " gemm cases were compared");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    void gemvGerSymvSyr(BLAS pel) {
        compared = 0;
        SplittableRandom r = new SplittableRandom(12);
        int[][] shapes = {{0, 3}, {3, 0}, {1, 1}, {7, 5}, {33, 17}, {5, 70}};
        int combo = 0;
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            for (int incx : INCS) {
                for (int incy : INCS) {
                    combo++;
                    double alpha = combo % 7 == 0 ? 0 : -0.75;
                    double beta = SPECIAL[combo % 4];
                    int lda = Math.max(1, m) + combo % 3;
                    int offa = combo % 2;
                    double[] a = data(r, offa + lda * Math.max(1, n) + 1, false);
                    for (String t : TRANS) {
                        boolean nt = t.equals("N");
                        int lx = nt ? n : m;
                        int ly = nt ? m : n;
                        double[] x = data(r, 1 + Math.max(1, lx) * Math.abs(incx), false);
                        double[] y = data(r, 2 + Math.max(1, ly) * Math.abs(incy), beta == 0);
                        double[] ye = y.clone();
                        String what = "dgemv " + t + " m=" + m + " n=" + n + " incx=" + incx + " incy=" + incy + " alpha=" + alpha
                                + " beta=" + beta;
                        if (!f2jAccepts(() -> F2J.dgemv(t, m, n, alpha, a, offa, lda, x, 1, incx, beta, ye, 2, incy))) {
                            continue;
                        }
                        pel.dgemv(t, m, n, alpha, a, offa, lda, x, 1, incx, beta, y, 2, incy);
                        same(what, ye, y, lx, 1);
                        float[] yf = f(y);
                        float[] yfe = yf.clone();
                        F2J.sgemv(t, m, n, (float) alpha, f(a), offa, lda, f(x), 1, incx, (float) beta, yfe, 2, incy);
                        pel.sgemv(t, m, n, (float) alpha, f(a), offa, lda, f(x), 1, incx, (float) beta, yf, 2, incy);
                        same("s" + what.substring(1), yfe, yf, lx, 1);
                    }
                    // ger
                    double[] x = data(r, 1 + Math.max(1, m) * Math.abs(incx), false);
                    double[] y = data(r, 1 + Math.max(1, n) * Math.abs(incy), false);
                    double[] ae = a.clone();
                    double[] aa = a.clone();
                    if (!f2jAccepts(() -> F2J.dger(m, n, alpha, x, 1, incx, y, 0, incy, ae, offa, lda))) {
                        continue;
                    }
                    pel.dger(m, n, alpha, x, 1, incx, y, 0, incy, aa, offa, lda);
                    same("dger m=" + m + " n=" + n + " incx=" + incx + " incy=" + incy, ae, aa, 1, 1);
                    float[] af = f(a);
                    float[] afe = af.clone();
                    F2J.sger(m, n, (float) alpha, f(x), 1, incx, f(y), 0, incy, afe, offa, lda);
                    pel.sger(m, n, (float) alpha, f(x), 1, incx, f(y), 0, incy, af, offa, lda);
                    same("sger m=" + m + " n=" + n, afe, af, 1, 1);
                    // symv and syr on the leading n x n (square: use m as n)
                    for (String uplo : new String[] {"U", "l"}) {
                        int ns = m;
                        double[] xs = data(r, 1 + Math.max(1, ns) * Math.abs(incx), false);
                        double[] ys = data(r, 1 + Math.max(1, ns) * Math.abs(incy), beta == 0);
                        double[] yse = ys.clone();
                        if (!f2jAccepts(() -> F2J.dsymv(uplo, ns, alpha, a, offa, lda, xs, 0, incx, beta, yse, 1, incy))) {
                            continue;
                        }
                        pel.dsymv(uplo, ns, alpha, a, offa, lda, xs, 0, incx, beta, ys, 1, incy);
                        same("dsymv " + uplo + " n=" + ns + " incx=" + incx + " incy=" + incy, yse, ys, ns, 1);
                        float[] ysf = f(ys);
                        float[] ysfe = ysf.clone();
                        F2J.ssymv(uplo, ns, (float) alpha, f(a), offa, lda, f(xs), 0, incx, (float) beta, ysfe, 1, incy);
                        pel.ssymv(uplo, ns, (float) alpha, f(a), offa, lda, f(xs), 0, incx, (float) beta, ysf, 1, incy);
                        same("ssymv " + uplo + " n=" + ns, ysfe, ysf, ns, 1);
                        double[] as = a.clone();
                        double[] ase = a.clone();
                        F2J.dsyr(uplo, ns, alpha, xs, 0, incx, ase, offa, lda);
                        pel.dsyr(uplo, ns, alpha, xs, 0, incx, as, offa, lda);
                        same("dsyr " + uplo + " n=" + ns + " incx=" + incx, ase, as, 1, 1);
                        float[] asf = f(a);
                        float[] asfe = asf.clone();
                        F2J.ssyr(uplo, ns, (float) alpha, f(xs), 0, incx, asfe, offa, lda);
                        pel.ssyr(uplo, ns, (float) alpha, f(xs), 0, incx, asf, offa, lda);
                        same("ssyr " + uplo + " n=" + ns, asfe, asf, 1, 1);
                    }
                }
            }
        }
        assertTrue(compared >= 200, "only " + compared + " level-2 cases were compared");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    void syrk(BLAS pel) {
        SplittableRandom r = new SplittableRandom(13);
        int[][] shapes = {{0, 3}, {3, 0}, {1, 1}, {7, 5}, {33, 17}, {130, 9}};
        int combo = 0;
        for (int[] s : shapes) {
            for (String uplo : new String[] {"U", "L"}) {
                for (String t : new String[] {"N", "T"}) {
                    combo++;
                    int n = s[0];
                    int k = s[1];
                    double alpha = combo % 5 == 0 ? 0 : 0.5;
                    double beta = SPECIAL[combo % 4];
                    boolean nt = t.equals("N");
                    int lda = Math.max(1, nt ? n : k) + combo % 2;
                    int ldc = Math.max(1, n) + 1;
                    double[] a = data(r, 1 + lda * Math.max(1, nt ? k : n), false);
                    double[] c = data(r, 2 + ldc * Math.max(1, n), beta == 0);
                    double[] ce = c.clone();
                    String what = "dsyrk " + uplo + t + " n=" + n + " k=" + k + " alpha=" + alpha + " beta=" + beta;
                    if (!f2jAccepts(() -> F2J.dsyrk(uplo, t, n, k, alpha, a, 1, lda, beta, ce, 2, ldc))) {
                        continue;
                    }
                    pel.dsyrk(uplo, t, n, k, alpha, a, 1, lda, beta, c, 2, ldc);
                    same(what, ce, c, k, 1);
                    float[] cf = f(c);
                    float[] cfe = cf.clone();
                    F2J.ssyrk(uplo, t, n, k, (float) alpha, f(a), 1, lda, (float) beta, cfe, 2, ldc);
                    pel.ssyrk(uplo, t, n, k, (float) alpha, f(a), 1, lda, (float) beta, cf, 2, ldc);
                    same("s" + what.substring(1), cfe, cf, k, 1);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    void level1(BLAS pel) {
        SplittableRandom r = new SplittableRandom(14);
        for (int n : new int[] {0, 1, 7, 17, 100, 1000}) {
            for (int incx : new int[] {1, 2, -1, -3, 0}) {
                for (int incy : new int[] {1, -2, 3}) {
                    if (incx == 0 && n > 0) {
                        // netlib: nrm2, asum and scal with inc <= 0 return 0 / do nothing.
                        double[] x = data(r, 5, false);
                        assertEquals(F2J.dnrm2(n, x, 0, 0), pel.dnrm2(n, x, 0, 0));
                        assertEquals(F2J.dasum(n, x, 0, 0), pel.dasum(n, x, 0, 0));
                        continue;
                    }
                    int ax = Math.abs(incx);
                    double[] x = data(r, 1 + Math.max(1, n) * ax, false);
                    double[] y = data(r, 2 + Math.max(1, n) * Math.abs(incy), false);
                    String what = "n=" + n + " incx=" + incx + " incy=" + incy;
                    same("ddot " + what, new double[] {F2J.ddot(n, x, 1, incx, y, 2, incy)},
                            new double[] {pel.ddot(n, x, 1, incx, y, 2, incy)}, n, n);
                    same("sdot " + what, new float[] {F2J.sdot(n, f(x), 1, incx, f(y), 2, incy)},
                            new float[] {pel.sdot(n, f(x), 1, incx, f(y), 2, incy)}, n, n);
                    same("dnrm2 " + what, new double[] {F2J.dnrm2(n, x, 1, incx)}, new double[] {pel.dnrm2(n, x, 1, incx)}, n, n);
                    same("snrm2 " + what, new float[] {F2J.snrm2(n, f(x), 1, incx)}, new float[] {pel.snrm2(n, f(x), 1, incx)}, n, n);
                    same("dasum " + what, new double[] {F2J.dasum(n, x, 1, incx)}, new double[] {pel.dasum(n, x, 1, incx)}, n, n);
                    same("sasum " + what, new float[] {F2J.sasum(n, f(x), 1, incx)}, new float[] {pel.sasum(n, f(x), 1, incx)}, n, n);
                    for (double alpha : new double[] {0, -1.25}) {
                        double[] ye = y.clone();
                        double[] ya = y.clone();
                        F2J.daxpy(n, alpha, x, 1, incx, ye, 2, incy);
                        pel.daxpy(n, alpha, x, 1, incx, ya, 2, incy);
                        same("daxpy alpha=" + alpha + " " + what, ye, ya, 1, 1);
                        float[] yfe = f(y);
                        float[] yfa = f(y);
                        F2J.saxpy(n, (float) alpha, f(x), 1, incx, yfe, 2, incy);
                        pel.saxpy(n, (float) alpha, f(x), 1, incx, yfa, 2, incy);
                        same("saxpy alpha=" + alpha + " " + what, yfe, yfa, 1, 1);
                        double[] xe = x.clone();
                        double[] xa = x.clone();
                        F2J.dscal(n, alpha, xe, 1, incx);
                        pel.dscal(n, alpha, xa, 1, incx);
                        same("dscal alpha=" + alpha + " " + what, xe, xa, 0, 1);
                        float[] xfe = f(x);
                        float[] xfa = f(x);
                        F2J.sscal(n, (float) alpha, xfe, 1, incx);
                        pel.sscal(n, (float) alpha, xfa, 1, incx);
                        same("sscal alpha=" + alpha + " " + what, xfe, xfa, 0, 1);
                    }
                }
            }
        }
        // Short forms go through the offset forms.
        double[] x = {3, 4};
        assertEquals(5.0, pel.dnrm2(2, x, 1), 1e-15);
        assertEquals(25.0, pel.ddot(2, x, 1, x, 1), 1e-15);
    }

    @Test
    void netlibErrorsStayNetlibErrors() {
        BLAS pel = PelBLAS.getInstance();
        double[] a = new double[4];
        Class<? extends Throwable> f2jError = assertThrows(Throwable.class,
                () -> F2J.dgemm("X", "N", 2, 2, 2, 1, a, 2, a, 2, 0, new double[4], 2)).getClass();
        assertThrows(f2jError, () -> pel.dgemm("X", "N", 2, 2, 2, 1, a, 2, a, 2, 0, new double[4], 2));
        assertThrows(Throwable.class, () -> pel.dgemv("N", 3, 2, 1, a, 1, a, 1, 0, new double[3], 1));
    }
}
