// Dense linear algebra: gemm (tiled, local memory, register blocking), gemv, ger, syrk.
// Built with -DREAL=float|double and the tile shape chosen by the host from the device's limits:
//   TS  rows and columns of C per work-group, TK depth of a local-memory slice,
//   WPT rows and columns of C per work-item (a WPT x WPT register block); work-group = (TS/WPT)^2.
// A matrix is a strided view: element (i, j) at buf[off + i*rs + j*cs]. Launches are 1-D: the
// work-group id numbers the C tiles, the local id the work-items of a tile. Every load and store
// is bounds-checked, so any m, n, k is correct.

#define RTS (TS / WPT)
#define MAT(buf, off, rs, cs, i, j) (buf)[(off) + (long) (i) * (rs) + (long) (j) * (cs)]

inline REAL pel_combine(REAL alpha, REAL s, REAL beta, REAL c) {
    REAL v = alpha == (REAL) 0 ? (REAL) 0 : alpha * s;
    return beta == (REAL) 0 ? v : (beta == (REAL) 1 ? v + c : v + beta * c);
}

__kernel void gemm(int m, int n, int k, REAL alpha,
                   __global const REAL* a, long offA, long rsA, long csA,
                   __global const REAL* b, long offB, long rsB, long csB, REAL beta,
                   __global REAL* c, long offC, long rsC, long csC, int tilesN) {
    __local REAL As[TK][TS + 1];
    __local REAL Bs[TK][TS + 1];
    const int lid = get_local_id(0);
    const int ty = lid / RTS;
    const int tx = lid % RTS;
    const int tile = get_group_id(0);
    const int row0 = (tile / tilesN) * TS;
    const int col0 = (tile % tilesN) * TS;
    REAL acc[WPT][WPT];
    for (int wi = 0; wi < WPT; wi++)
        for (int wj = 0; wj < WPT; wj++)
            acc[wi][wj] = 0;
    if (alpha != (REAL) 0) {
        for (int p0 = 0; p0 < k; p0 += TK) {
            // Cooperative loads; the element order follows the unit stride so neighbours read neighbours.
            for (int e = lid; e < TS * TK; e += RTS * RTS) {
                int r = csA == 1 ? e / TK : e % TS;
                int q = csA == 1 ? e % TK : e / TS;
                int i = row0 + r;
                int p = p0 + q;
                As[q][r] = (i < m && p < k) ? MAT(a, offA, rsA, csA, i, p) : (REAL) 0;
            }
            for (int e = lid; e < TS * TK; e += RTS * RTS) {
                int cc = csB == 1 ? e % TS : e / TK;
                int q = csB == 1 ? e / TS : e % TK;
                int j = col0 + cc;
                int p = p0 + q;
                Bs[q][cc] = (j < n && p < k) ? MAT(b, offB, rsB, csB, p, j) : (REAL) 0;
            }
            barrier(CLK_LOCAL_MEM_FENCE);
            for (int q = 0; q < TK; q++) {
                REAL av[WPT];
                REAL bv[WPT];
                for (int w = 0; w < WPT; w++) {
                    av[w] = As[q][ty + w * RTS];
                    bv[w] = Bs[q][tx + w * RTS];
                }
                for (int wi = 0; wi < WPT; wi++)
                    for (int wj = 0; wj < WPT; wj++)
                        acc[wi][wj] = fma(av[wi], bv[wj], acc[wi][wj]);
            }
            barrier(CLK_LOCAL_MEM_FENCE);
        }
    }
    for (int wi = 0; wi < WPT; wi++) {
        int i = row0 + ty + wi * RTS;
        for (int wj = 0; wj < WPT; wj++) {
            int j = col0 + tx + wj * RTS;
            if (i < m && j < n) {
                long ci = offC + (long) i * rsC + (long) j * csC;
                c[ci] = pel_combine(alpha, acc[wi][wj], beta, beta == (REAL) 0 ? (REAL) 0 : c[ci]);
            }
        }
    }
}

// y = alpha * A x + beta * y: one work-group per row of A, its items sum strided parts of the row,
// then a tree in local memory; x is read through the cache.
__kernel void gemv(int m, int n, REAL alpha, __global const REAL* a, long offA, long rsA, long csA,
                   __global const REAL* x, long x0, long incx, REAL beta, __global REAL* y, long y0, long incy,
                   __local REAL* part) {
    const int i = get_group_id(0);
    const int lid = get_local_id(0);
    const int g = get_local_size(0);
    REAL s = 0;
    if (alpha != (REAL) 0) {
        for (int j = lid; j < n; j += g) {
            s = fma(MAT(a, offA, rsA, csA, i, j), x[x0 + (long) j * incx], s);
        }
    }
    part[lid] = s;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int h = g / 2; h > 0; h /= 2) {
        if (lid < h) {
            part[lid] += part[lid + h];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0 && i < m) {
        long yi = y0 + (long) i * incy;
        y[yi] = pel_combine(alpha, part[0], beta, beta == (REAL) 0 ? (REAL) 0 : y[yi]);
    }
}

// A += alpha * x y^T: one item per element.
__kernel void ger(int m, int n, REAL alpha, __global const REAL* x, long x0, long incx,
                  __global const REAL* y, long y0, long incy, __global REAL* a, long offA, long rsA, long csA) {
    const long id = get_global_id(0);
    if (id >= (long) m * n) return;
    const int i = (int) (id % m);
    const int j = (int) (id / m);
    long ai = offA + (long) i * rsA + (long) j * csA;
    a[ai] = fma(x[x0 + (long) i * incx], alpha * y[y0 + (long) j * incy], a[ai]);
}

// C = alpha * A A^T + beta * C on one triangle: one item per element of C, the other triangle untouched.
__kernel void syrk(int upper, int n, int k, REAL alpha, __global const REAL* a, long offA, long rsA, long csA,
                   REAL beta, __global REAL* c, long offC, long rsC, long csC) {
    const long id = get_global_id(0);
    if (id >= (long) n * n) return;
    const int i = (int) (id / n);
    const int j = (int) (id % n);
    if (upper ? i > j : i < j) return;
    REAL s = 0;
    if (alpha != (REAL) 0) {
        for (int p = 0; p < k; p++) {
            s = fma(MAT(a, offA, rsA, csA, i, p), MAT(a, offA, rsA, csA, j, p), s);
        }
    }
    long ci = offC + (long) i * rsC + (long) j * csC;
    c[ci] = pel_combine(alpha, s, beta, beta == (REAL) 0 ? (REAL) 0 : c[ci]);
}
