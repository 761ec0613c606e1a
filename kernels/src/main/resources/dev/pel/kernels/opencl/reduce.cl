// Reductions in two stages: each work-group reduces one block of BLOCK elements (the same fixed
// blocking as the CPU backends) through local memory; the host combines block results pairwise.
// The work-group size is a power of two chosen from what the device reports (host side).

#define TREE(scratch, lid, op)                                      \
    for (int s = (int) get_local_size(0) / 2; s > 0; s >>= 1) {     \
        barrier(CLK_LOCAL_MEM_FENCE);                               \
        if (lid < s) scratch[lid] = op(scratch[lid], scratch[lid + s]); \
    }                                                               \
    barrier(CLK_LOCAL_MEM_FENCE)

#define ADD(a, b) ((a) + (b))

// mode 0: sum x; 1: sum |x|; 2: sum (x*scale)^2; 3: sum x*y
__kernel void sum_blocks(int mode, long n, CVEC(x), CVEC(y), REAL scale, __global REAL* out, __local REAL* scratch) {
    int lid = get_local_id(0);
    long base = (long) get_group_id(0) * BLOCK;
    long end = min(n, base + BLOCK);
    REAL acc = 0;
    for (long i = base + lid; i < end; i += get_local_size(0)) {
        REAL v = AT(x, x_start, x_stride, i);
        switch (mode) {
            case 0: acc += v; break;
            case 1: acc += fabs(v); break;
            case 2: { REAL w = v * scale; acc = fma(w, w, acc); break; }
            default: acc = fma(v, AT(y, y_start, y_stride, i), acc); break;
        }
    }
    scratch[lid] = acc;
    TREE(scratch, lid, ADD);
    if (lid == 0) out[get_group_id(0)] = scratch[0];
}

// mode 0: min x; 1: max x; 2: max |x|. NaN propagates (Java's Math.min/max).
__kernel void extremum_blocks(int mode, long n, CVEC(x), __global REAL* out, __local REAL* scratch) {
    int lid = get_local_id(0);
    long base = (long) get_group_id(0) * BLOCK;
    long end = min(n, base + BLOCK);
    REAL first = AT(x, x_start, x_stride, base);
    REAL acc = mode == 2 ? fabs(first) : first;
    for (long i = base + lid; i < end; i += get_local_size(0)) {
        REAL v = AT(x, x_start, x_stride, i);
        acc = mode == 0 ? jmin(acc, v) : jmax(acc, mode == 2 ? fabs(v) : v);
    }
    scratch[lid] = acc;
    if (mode == 0) {
        TREE(scratch, lid, jmin);
    } else {
        TREE(scratch, lid, jmax);
    }
    if (lid == 0) out[get_group_id(0)] = scratch[0];
}

// Per block: its mean and M2 (sum of squared deviations), two passes over the block with the
// corrected two-pass term, as the CPU backends do.
__kernel void variance_blocks(long n, CVEC(x), __global REAL* means, __global REAL* m2s, __local REAL* scratch,
                              __local REAL* scratch2) {
    int lid = get_local_id(0);
    long base = (long) get_group_id(0) * BLOCK;
    long end = min(n, base + BLOCK);
    REAL len = (REAL) (end - base);
    REAL acc = 0;
    for (long i = base + lid; i < end; i += get_local_size(0)) acc += AT(x, x_start, x_stride, i);
    scratch[lid] = acc;
    TREE(scratch, lid, ADD);
    REAL m = scratch[0] / len;
    barrier(CLK_LOCAL_MEM_FENCE);
    REAL ss = 0, comp = 0;
    for (long i = base + lid; i < end; i += get_local_size(0)) {
        REAL d = AT(x, x_start, x_stride, i) - m;
        ss = fma(d, d, ss);
        comp += d;
    }
    scratch[lid] = ss;
    scratch2[lid] = comp;
    TREE(scratch, lid, ADD);
    TREE(scratch2, lid, ADD);
    if (lid == 0) {
        REAL c = scratch2[0];
        means[get_group_id(0)] = m + c / len;
        m2s[get_group_id(0)] = scratch[0] - c * c / len;
    }
}

// The first index in [base, base+len) whose |x| equals target (or whose x is NaN when find_nan).
__kernel void first_index(long base, long len, CVEC(x), REAL target, int find_nan, __global long* out, __local long* scratch) {
    int lid = get_local_id(0);
    long best = LONG_MAX;
    for (long i = lid; i < len; i += get_local_size(0)) {
        REAL v = fabs(AT(x, x_start, x_stride, base + i));
        if ((find_nan ? isnan(v) : v == target) && i < best) { best = i; break; }
    }
    scratch[lid] = best;
    TREE(scratch, lid, min);
    if (lid == 0) out[0] = scratch[0];
}
