// Generated from SimdLinalgF64.java by TwinGenerator: do not edit.
package dev.pel.kernels.cpu;

import dev.pel.runtime.cpu.WorkerPool;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code cpu-simd} BLAS level 2 kernels and {@code syrk}. gemv and ger stream the matrix once
 * (memory bound: the work is to keep every load a full vector and split rows across threads); a
 * strided vector operand is first gathered into a contiguous scratch copy. syrk runs the packed
 * GEMM on the blocks below (or above) the diagonal and a GEMM into scratch for the diagonal blocks,
 * whose triangle is then merged, so only the referenced triangle of C is read or written.
 */
final class SimdLinalgF32 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Matrix elements per parallel task: enough to amortise handing it to a worker. */
    private static final long TASK_ELEMENTS = 1L << 15;
    /** Rows (and columns) of C per diagonal block of syrk. */
    private static final int SYRK_BLOCK = 128;

    private SimdLinalgF32() {
    }

    @FunctionalInterface
    private interface Range {
        void run(int lo, int hi);
    }

    /** Runs body over [0, count) in contiguous ranges, each worth at least TASK_ELEMENTS, on up to threads threads. */
    private static void split(WorkerPool pool, int threads, int count, long elementsEach, Range body) {
        long total = count * Math.max(1, elementsEach);
        int tasks = threads <= 1 ? 1 : (int) Math.min(Math.min(count, 4L * threads), Math.max(1, total / TASK_ELEMENTS));
        if (tasks <= 1) {
            body.run(0, count);
            return;
        }
        pool.run(tasks, t -> body.run((int) ((long) count * t / tasks), (int) ((long) count * (t + 1) / tasks)));
    }

    /** The n logical elements of a strided vector, contiguous (the array itself when the stride is 1 from 0). */
    private static float[] contiguous(float[] x, int x0, int inc, int n, int[] start) {
        if (inc == 1) {
            start[0] = x0;
            return x;
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[x0 + i * inc];
        }
        start[0] = 0;
        return out;
    }

    static void gemv(WorkerPool pool, int threads, int m, int n, float alpha, float[] a, int offA, int rsA, int csA, float[] x,
            int x0, int incx, float beta, float[] y, int y0, int incy) {
        if (m == 0) {
            return;
        }
        if (alpha == 0 || n == 0 || (csA != 1 && rsA != 1)) {
            ScalarLinalgF32.gemv(m, n, alpha, a, offA, rsA, csA, x, x0, incx, beta, y, y0, incy);
            return;
        }
        int[] start = new int[1];
        float[] xs = contiguous(x, x0, incx, n, start);
        int xo = start[0];
        if (csA == 1) {
            split(pool, threads, m, n, (lo, hi) -> gemvRows(lo, hi, n, alpha, a, offA, rsA, xs, xo, beta, y, y0, incy));
        } else {
            split(pool, threads, m, n, (lo, hi) -> gemvColumns(lo, hi, n, alpha, a, offA, csA, xs, xo, beta, y, y0, incy));
        }
    }

    /** Rows lo..hi of y for a matrix with contiguous rows: a dot product per row, four rows per pass over x. */
    private static void gemvRows(int lo, int hi, int n, float alpha, float[] a, int offA, int lda, float[] x, int xo, float beta,
            float[] y, int y0, int incy) {
        int nv = n - n % L;
        float[] scratch = Lanes.f32(); // each row's lanes are folded here
        int i = lo;
        for (; i + 4 <= hi; i += 4) {
            int r0 = offA + i * lda;
            int r1 = r0 + lda;
            int r2 = r1 + lda;
            int r3 = r2 + lda;
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int j = 0; j < nv; j += L) {
                FloatVector xv = FloatVector.fromArray(S, x, xo + j);
                s0 = FloatVector.fromArray(S, a, r0 + j).fma(xv, s0);
                s1 = FloatVector.fromArray(S, a, r1 + j).fma(xv, s1);
                s2 = FloatVector.fromArray(S, a, r2 + j).fma(xv, s2);
                s3 = FloatVector.fromArray(S, a, r3 + j).fma(xv, s3);
            }
            s0.intoArray(scratch, 0);
            float d0 = Lanes.fold(scratch, s0.length());
            s1.intoArray(scratch, 0);
            float d1 = Lanes.fold(scratch, s1.length());
            s2.intoArray(scratch, 0);
            float d2 = Lanes.fold(scratch, s2.length());
            s3.intoArray(scratch, 0);
            float d3 = Lanes.fold(scratch, s3.length());
            for (int j = nv; j < n; j++) {
                float xj = x[xo + j];
                d0 = Math.fma(a[r0 + j], xj, d0);
                d1 = Math.fma(a[r1 + j], xj, d1);
                d2 = Math.fma(a[r2 + j], xj, d2);
                d3 = Math.fma(a[r3 + j], xj, d3);
            }
            put(y, y0 + i * incy, alpha, d0, beta);
            put(y, y0 + (i + 1) * incy, alpha, d1, beta);
            put(y, y0 + (i + 2) * incy, alpha, d2, beta);
            put(y, y0 + (i + 3) * incy, alpha, d3, beta);
        }
        for (; i < hi; i++) {
            int r0 = offA + i * lda;
            FloatVector s0 = FloatVector.zero(S);
            for (int j = 0; j < nv; j += L) {
                s0 = FloatVector.fromArray(S, a, r0 + j).fma(FloatVector.fromArray(S, x, xo + j), s0);
            }
            s0.intoArray(scratch, 0);
            float d0 = Lanes.fold(scratch, s0.length());
            for (int j = nv; j < n; j++) {
                d0 = Math.fma(a[r0 + j], x[xo + j], d0);
            }
            put(y, y0 + i * incy, alpha, d0, beta);
        }
    }

    /** Rows lo..hi of y for a matrix with contiguous columns: y += x_j * column j, four columns per pass over y. */
    private static void gemvColumns(int lo, int hi, int n, float alpha, float[] a, int offA, int lda, float[] x, int xo,
            float beta, float[] y, int y0, int incy) {
        int len = hi - lo;
        float[] acc = new float[len];
        int lv = len - len % L;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int c0 = offA + j * lda + lo;
            int c1 = c0 + lda;
            int c2 = c1 + lda;
            int c3 = c2 + lda;
            FloatVector x0 = FloatVector.broadcast(S, x[xo + j]);
            FloatVector x1 = FloatVector.broadcast(S, x[xo + j + 1]);
            FloatVector x2 = FloatVector.broadcast(S, x[xo + j + 2]);
            FloatVector x3 = FloatVector.broadcast(S, x[xo + j + 3]);
            for (int i = 0; i < lv; i += L) {
                FloatVector s = FloatVector.fromArray(S, acc, i);
                s = FloatVector.fromArray(S, a, c0 + i).fma(x0, s);
                s = FloatVector.fromArray(S, a, c1 + i).fma(x1, s);
                s = FloatVector.fromArray(S, a, c2 + i).fma(x2, s);
                s = FloatVector.fromArray(S, a, c3 + i).fma(x3, s);
                s.intoArray(acc, i);
            }
            for (int i = lv; i < len; i++) {
                float s = acc[i];
                s = Math.fma(a[c0 + i], x[xo + j], s);
                s = Math.fma(a[c1 + i], x[xo + j + 1], s);
                s = Math.fma(a[c2 + i], x[xo + j + 2], s);
                s = Math.fma(a[c3 + i], x[xo + j + 3], s);
                acc[i] = s;
            }
        }
        for (; j < n; j++) {
            int c0 = offA + j * lda + lo;
            FloatVector xv = FloatVector.broadcast(S, x[xo + j]);
            for (int i = 0; i < lv; i += L) {
                FloatVector.fromArray(S, a, c0 + i).fma(xv, FloatVector.fromArray(S, acc, i)).intoArray(acc, i);
            }
            for (int i = lv; i < len; i++) {
                acc[i] = Math.fma(a[c0 + i], x[xo + j], acc[i]);
            }
        }
        for (int i = 0; i < len; i++) {
            put(y, y0 + (lo + i) * incy, alpha, acc[i], beta);
        }
    }

    private static void put(float[] y, int i, float alpha, float s, float beta) {
        y[i] = ScalarLinalgF32.combine(alpha, s, beta, y[i]);
    }

    static void ger(WorkerPool pool, int threads, int m, int n, float alpha, float[] x, int x0, int incx, float[] y, int y0,
            int incy, float[] a, int offA, int rsA, int csA) {
        if (m == 0 || n == 0 || alpha == 0) {
            return;
        }
        int[] start = new int[1];
        if (csA == 1) {
            float[] ys = contiguous(y, y0, incy, n, start);
            int yo = start[0];
            split(pool, threads, m, n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    axpy(n, alpha * x[x0 + i * incx], ys, yo, a, offA + i * rsA);
                }
            });
        } else if (rsA == 1) {
            float[] xs = contiguous(x, x0, incx, m, start);
            int xo = start[0];
            split(pool, threads, n, m, (lo, hi) -> {
                for (int j = lo; j < hi; j++) {
                    axpy(m, alpha * y[y0 + j * incy], xs, xo, a, offA + j * csA);
                }
            });
        } else {
            ScalarLinalgF32.ger(m, n, alpha, x, x0, incx, y, y0, incy, a, offA, rsA, csA);
        }
    }

    /** o[oo..oo+n) += s * v[vo..vo+n). */
    private static void axpy(int n, float s, float[] v, int vo, float[] o, int oo) {
        FloatVector sv = FloatVector.broadcast(S, s);
        int nv = n - n % L;
        for (int i = 0; i < nv; i += L) {
            FloatVector.fromArray(S, v, vo + i).fma(sv, FloatVector.fromArray(S, o, oo + i)).intoArray(o, oo + i);
        }
        for (int i = nv; i < n; i++) {
            o[oo + i] = Math.fma(v[vo + i], s, o[oo + i]);
        }
    }

    static void syrk(WorkerPool pool, int threads, boolean upper, int n, int k, float alpha, float[] a, int offA, int rsA, int csA,
            float beta, float[] c, int offC, int rsC, int csC) {
        if (n == 0) {
            return;
        }
        if (alpha == 0 || k == 0) {
            for (int i = 0; i < n; i++) {
                for (int j = upper ? i : 0; j < (upper ? n : i + 1); j++) {
                    int ci = offC + i * rsC + j * csC;
                    c[ci] = ScalarLinalgF32.combine(0, 0, beta, c[ci]);
                }
            }
            return;
        }
        int nb = Math.min(SYRK_BLOCK, n);
        float[] diag = new float[nb * nb];
        for (int i0 = 0; i0 < n; i0 += nb) {
            int ib = Math.min(nb, n - i0);
            // Rows i0..i0+ib of A times the columns of A^T that the triangle needs besides the diagonal block.
            int j0 = upper ? i0 + ib : 0;
            int jn = upper ? n - j0 : i0;
            if (jn > 0) {
                SimdGemmF32.gemm(pool, threads, ib, jn, k, alpha, a, offA + i0 * rsA, rsA, csA, a, offA + j0 * rsA, csA, rsA, beta, c,
                        offC + i0 * rsC + j0 * csC, rsC, csC);
            }
            SimdGemmF32.gemm(pool, threads, ib, ib, k, 1, a, offA + i0 * rsA, rsA, csA, a, offA + i0 * rsA, csA, rsA, 0, diag, 0, ib,
                    1);
            for (int i = 0; i < ib; i++) {
                for (int j = upper ? i : 0; j < (upper ? ib : i + 1); j++) {
                    int ci = offC + (i0 + i) * rsC + (i0 + j) * csC;
                    c[ci] = ScalarLinalgF32.combine(alpha, diag[i * ib + j], beta, c[ci]);
                }
            }
        }
    }
}
