// Analytics kernels (see dev.pel.kernels.Analytics for the semantics), over REAL (float or double).
// Built after common.h.cl with -DBLOCK=<Blocking.BLOCK> and -DRADIX_BITS=8. Every kernel checks its
// bounds: global sizes are rounded up to whole work-groups.

// ---- scan: canonical blocked order (blocks of BLOCK summed left to right, block totals left to right,
// y = off + s). Pass 1, one work-item per block: the local prefix s into y and the block total.
__kernel void scan_local(long n, __global const REAL* x, __global REAL* y, __global REAL* total, int exclusive) {
    long b = get_global_id(0);
    long lo = b * BLOCK;
    if (lo >= n) return;
    long hi = min(n, lo + BLOCK);
    REAL s = 0;
    if (exclusive) {
        for (long i = lo; i < hi; i++) {
            REAL t = x[i];
            y[i] = s;
            s += t;
        }
    } else {
        for (long i = lo; i < hi; i++) {
            s += x[i];
            y[i] = s;
        }
    }
    total[b] = s;
}

// One work-item: off[b] = total[0] + ... + total[b-1], left to right.
__kernel void scan_offsets(long blocks, __global const REAL* total, __global REAL* off) {
    if (get_global_id(0) != 0) return;
    REAL o = 0;
    for (long b = 0; b < blocks; b++) {
        off[b] = o;
        o = o + total[b];
    }
}

// Pass 2, one work-item per element: y = off + s.
__kernel void scan_add(long n, __global REAL* y, __global const REAL* off) {
    long i = get_global_id(0);
    if (i >= n) return;
    y[i] = off[i / BLOCK] + y[i];
}

// ---- histogram: v counted when lo <= v <= hi, bin min(bins-1, (int)((v - lo) * scale))
inline int bin_of(REAL v, REAL lo, REAL scale, int bins) {
    REAL f = (v - lo) * scale;
    int b = (int) f;
    return b < bins - 1 ? b : bins - 1;
}

// Each group counts a tile in local memory, then writes its counts to partial[group * bins + b].
__kernel void hist_local(long n, long tile, __global const REAL* x, REAL lo, REAL hi, REAL scale, int bins,
                         __global uint* partial, __local uint* h) {
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    long g = get_group_id(0);
    for (int b = lid; b < bins; b += ls) h[b] = 0;
    barrier(CLK_LOCAL_MEM_FENCE);
    long start = g * tile;
    long end = min(n, start + tile);
    for (long i = start + lid; i < end; i += ls) {
        REAL v = x[i];
        if (v >= lo && v <= hi) atomic_inc(&h[bin_of(v, lo, scale, bins)]);
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int b = lid; b < bins; b += ls) partial[g * bins + b] = h[b];
}

// Many bins: global 32-bit counters (n < 2^31, so a count never wraps).
__kernel void hist_global(long n, __global const REAL* x, REAL lo, REAL hi, REAL scale, int bins, __global uint* counts) {
    long i = get_global_id(0);
    if (i >= n) return;
    REAL v = x[i];
    if (v >= lo && v <= hi) atomic_inc(&counts[bin_of(v, lo, scale, bins)]);
}

// ---- sort: stable LSD radix over unsigned keys (see SortKeys), one byte per pass
#define RADIX (1 << RADIX_BITS)

__kernel void sort_keys(long n, __global const REAL* x, __global ulong* keys, __global uint* perm) {
    long i = get_global_id(0);
    if (i >= n) return;
    REAL v = x[i];
#ifdef PEL_FP64
    ulong b = isnan(v) ? 0x7ff8000000000000UL : as_ulong(v);
    keys[i] = (b >> 63) ? ~b : (b | 0x8000000000000000UL);
#else
    uint b = isnan(v) ? 0x7fc00000U : as_uint(v);
    keys[i] = (ulong) ((b >> 31) ? ~b : (b | 0x80000000U));
#endif
    perm[i] = (uint) i;
}

// hist[d * groups + g] = how many keys of group g's tile have digit d.
__kernel void radix_count(long n, long tile, int shift, __global const ulong* keys, __global uint* hist, __local uint* h) {
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    long g = get_group_id(0);
    long groups = get_num_groups(0);
    for (int d = lid; d < RADIX; d += ls) h[d] = 0;
    barrier(CLK_LOCAL_MEM_FENCE);
    long start = g * tile;
    long end = min(n, start + tile);
    for (long i = start + lid; i < end; i += ls) atomic_inc(&h[(int) (keys[i] >> shift) & (RADIX - 1)]);
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int d = lid; d < RADIX; d += ls) hist[d * groups + g] = h[d];
}

// Stable scatter: each group walks its tile in chunks of the group size; an item's rank is the number
// of earlier items of the chunk with its digit, after every earlier chunk's (base[d]).
__kernel void radix_scatter(long n, long tile, int shift, __global const ulong* keys, __global const uint* perm,
                            __global ulong* keysOut, __global uint* permOut, __global const uint* offsets,
                            __local uint* base, __local int* digits) {
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    long g = get_group_id(0);
    long groups = get_num_groups(0);
    for (int d = lid; d < RADIX; d += ls) base[d] = offsets[d * groups + g];
    long start = g * tile;
    long end = min(n, start + tile);
    for (long c = start; c < end; c += ls) {
        long i = c + lid;
        ulong k = 0;
        int d = RADIX;
        if (i < end) {
            k = keys[i];
            d = (int) (k >> shift) & (RADIX - 1);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        digits[lid] = d;
        barrier(CLK_LOCAL_MEM_FENCE);
        if (d < RADIX) {
            uint rank = 0;
            for (int j = 0; j < lid; j++) rank += digits[j] == d;
            uint at = base[d] + rank;
            keysOut[at] = k;
            permOut[at] = perm[i];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid == 0) {
            for (int j = 0; j < ls; j++) if (digits[j] < RADIX) base[digits[j]]++;
        }
    }
}

// ---- CSR sparse matrix-vector product: one work-item per row, the row summed in order
__kernel void spmv_csr(int rows, __global const int* rowPtr, __global const int* col, __global const REAL* val,
                       __global const REAL* x, __global REAL* y) {
    int r = get_global_id(0);
    if (r >= rows) return;
    REAL s = 0;
    for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++) s += val[j] * x[col[j]];
    y[r] = s;
}

// ---- k-means: assign (one work-item per point), update (one work-item per centroid coordinate)
__kernel void kmeans_assign(int n, int d, int k, __global const REAL* points, __global const REAL* centroids, __global int* labels) {
    int i = get_global_id(0);
    if (i >= n) return;
    int best = 0;
    REAL bestD = INFINITY;
    for (int c = 0; c < k; c++) {
        REAL s = 0;
        for (int j = 0; j < d; j++) {
            REAL t = points[(long) i * d + j] - centroids[c * d + j];
            s += t * t;
        }
        if (s < bestD) { bestD = s; best = c; }
    }
    labels[i] = best;
}

// Update, pass 1: work-item t sums the points of [t*chunk, (t+1)*chunk) into its own slice of
// sums (k*d) and counts (k), zeroed first, in point order.
__kernel void kmeans_partial(int n, int d, int k, int parts, long chunk, __global const REAL* points, __global const int* labels,
                             __global REAL* sums, __global int* counts) {
    int t = get_global_id(0);
    if (t >= parts) return;
    __global REAL* s = sums + (long) t * k * d;
    __global int* c = counts + (long) t * k;
    for (int g = 0; g < k * d; g++) s[g] = 0;
    for (int q = 0; q < k; q++) c[q] = 0;
    long start = t * chunk;
    long end = min((long) n, start + chunk);
    for (long i = start; i < end; i++) {
        int l = labels[i];
        c[l]++;
        for (int j = 0; j < d; j++) s[l * d + j] += points[i * d + j];
    }
}

// Update, pass 2: one work-item per centroid coordinate adds the slices in order and divides;
// an empty cluster keeps its centroid.
__kernel void kmeans_combine(int d, int k, int parts, __global const REAL* sums, __global const int* counts,
                             __global const REAL* centroids, __global REAL* newCentroids, __global int* countsOut) {
    int g = get_global_id(0);
    if (g >= k * d) return;
    int c = g / d;
    REAL s = 0;
    int cnt = 0;
    for (int t = 0; t < parts; t++) {
        s += sums[(long) t * k * d + g];
        cnt += counts[(long) t * k + c];
    }
    newCentroids[g] = cnt == 0 ? centroids[g] : s / cnt;
    if (g - c * d == 0) countsOut[c] = cnt;
}

// ---- softmax / log-sum-exp: per-group maxima and sums (BLOCK elements per group), combined on the host
__kernel void max_blocks(long n, __global const REAL* x, __global REAL* out, __local REAL* scratch) {
    int lid = get_local_id(0);
    long base = (long) get_group_id(0) * BLOCK;
    long end = min(n, base + BLOCK);
    REAL acc = -INFINITY;
    for (long i = base + lid; i < end; i += get_local_size(0)) acc = jmax(acc, x[i]);
    scratch[lid] = acc;
    for (int s = (int) get_local_size(0) / 2; s > 0; s >>= 1) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < s) scratch[lid] = jmax(scratch[lid], scratch[lid + s]);
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid == 0) out[get_group_id(0)] = scratch[0];
}

__kernel void sumexp_blocks(long n, __global const REAL* x, REAL m, __global REAL* out, __local REAL* scratch) {
    int lid = get_local_id(0);
    long base = (long) get_group_id(0) * BLOCK;
    long end = min(n, base + BLOCK);
    REAL acc = 0;
    for (long i = base + lid; i < end; i += get_local_size(0)) acc += exp(x[i] - m);
    scratch[lid] = acc;
    for (int s = (int) get_local_size(0) / 2; s > 0; s >>= 1) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < s) scratch[lid] += scratch[lid + s];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid == 0) out[get_group_id(0)] = scratch[0];
}

__kernel void softmax_norm(long n, __global const REAL* x, __global REAL* y, REAL m, REAL s) {
    long i = get_global_id(0);
    if (i >= n) return;
    y[i] = exp(x[i] - m) / s;
}

// ---- transpose: 16x16 tiles through local memory (work-groups of 256), or one item per element
#define TT 16
__kernel void transpose_tiled(int rows, int cols, __global const REAL* a, __global REAL* b) {
    __local REAL tile[TT][TT + 1];
    int tilesX = (cols + TT - 1) / TT;
    int gg = get_group_id(0);
    int ty = gg / tilesX;
    int tx = gg - ty * tilesX;
    int lid = get_local_id(0);
    int ly = lid / TT;
    int lx = lid - ly * TT;
    int r = ty * TT + ly;
    int c = tx * TT + lx;
    if (r < rows && c < cols) tile[ly][lx] = a[(long) r * cols + c];
    barrier(CLK_LOCAL_MEM_FENCE);
    int orow = tx * TT + ly; // a column of a, a row of b
    int ocol = ty * TT + lx; // a row of a, a column of b
    if (orow < cols && ocol < rows) b[(long) orow * rows + ocol] = tile[lx][ly];
}

__kernel void transpose_naive(int rows, int cols, __global const REAL* a, __global REAL* b) {
    long g = get_global_id(0);
    if (g >= (long) rows * cols) return;
    long i = g / cols;
    long j = g - i * cols;
    b[j * rows + i] = a[g];
}

// ---- compact: per-group counts, host offsets, stable stores
inline int keep(REAL v, int op, REAL t) {
    switch (op) {
        case 0: return v > t;
        case 1: return v >= t;
        case 2: return v < t;
        case 3: return v <= t;
        case 4: return v == t;
        default: return v != t;
    }
}

__kernel void compact_count(long n, long tile, __global const REAL* x, int op, REAL t, __global uint* counts, __local uint* scratch) {
    int lid = get_local_id(0);
    long g = get_group_id(0);
    long start = g * tile;
    long end = min(n, start + tile);
    uint c = 0;
    for (long i = start + lid; i < end; i += get_local_size(0)) c += keep(x[i], op, t);
    scratch[lid] = c;
    for (int s = (int) get_local_size(0) / 2; s > 0; s >>= 1) {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < s) scratch[lid] += scratch[lid + s];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid == 0) counts[g] = scratch[0];
}

__kernel void compact_store(long n, long tile, __global const REAL* x, int op, REAL t, __global const uint* starts,
                            __global REAL* y, __local int* flags, __local uint* base) {
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    long g = get_group_id(0);
    if (lid == 0) base[0] = starts[g];
    long start = g * tile;
    long end = min(n, start + tile);
    for (long c = start; c < end; c += ls) {
        long i = c + lid;
        REAL v = 0;
        int f = 0;
        if (i < end) {
            v = x[i];
            f = keep(v, op, t);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        flags[lid] = f;
        barrier(CLK_LOCAL_MEM_FENCE);
        uint rank = 0;
        for (int j = 0; j < lid; j++) rank += flags[j];
        if (f) y[base[0] + rank] = v;
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid == ls - 1) base[0] += rank + f;
    }
}

// The same, writing the indices of the kept elements.
__kernel void compact_store_index(long n, long tile, __global const REAL* x, int op, REAL t, __global const uint* starts,
                            __global int* idx, __local int* flags, __local uint* base) {
    int lid = get_local_id(0);
    int ls = get_local_size(0);
    long g = get_group_id(0);
    if (lid == 0) base[0] = starts[g];
    long start = g * tile;
    long end = min(n, start + tile);
    for (long c = start; c < end; c += ls) {
        long i = c + lid;
        REAL v = 0;
        int f = 0;
        if (i < end) {
            v = x[i];
            f = keep(v, op, t);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        flags[lid] = f;
        barrier(CLK_LOCAL_MEM_FENCE);
        uint rank = 0;
        for (int j = 0; j < lid; j++) rank += flags[j];
        if (f) idx[base[0] + rank] = (int) i;
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid == ls - 1) base[0] += rank + f;
    }
}

// ---- FFT: one radix-2 Stockham stage (butterfly g = p*s + q), then the 1/n scaling of an inverse
__kernel void fft_stage(int n, int s, int m, REAL sign, __global const REAL* x, __global REAL* y, __global const REAL* w) {
    int g = get_global_id(0);
    if (g >= n / 2) return;
    int p = g / s;
    int q = g - p * s;
    REAL wr = w[2 * p * s];
    REAL wi = sign * w[2 * p * s + 1];
    int ia = 2 * (q + s * p);
    int ib = 2 * (q + s * (p + m));
    int o0 = 2 * (q + s * 2 * p);
    int o1 = o0 + 2 * s;
    REAL ar = x[ia], ai = x[ia + 1], br = x[ib], bi = x[ib + 1];
    y[o0] = ar + br;
    y[o0 + 1] = ai + bi;
    REAL dr = ar - br;
    REAL di = ai - bi;
    y[o1] = dr * wr - di * wi;
    y[o1 + 1] = dr * wi + di * wr;
}

__kernel void scale_(long n, __global REAL* x, REAL f) {
    long i = get_global_id(0);
    if (i < n) x[i] *= f;
}
