// Reductions in two stages: each work-group reduces one block of BLOCK elements (the same fixed
// blocking as the CPU backends) through local memory; the host combines block results pairwise.
// With work-groups of ACCUMULATORS (64) items, work-item j sums elements j, j+64, ... in order and
// the tree folds halves: the canonical order of the CPU backends, so float results are the same
// bits on cpu-simd and here.

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

// Per block: the shift m (the block's sum over its length), then the sums of squared deviations
// and of deviations from m; the host turns (m, ss, comp) into the block's mean and M2 in double,
// exactly as the CPU backends do. Each sum follows the canonical order of sum_blocks.
__kernel void variance_blocks(long n, CVEC(x), __global REAL* ms, __global REAL* sss, __global REAL* comps,
                              __local REAL* scratch, __local REAL* scratch2) {
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
        ms[get_group_id(0)] = m;
        sss[get_group_id(0)] = scratch[0];
        comps[get_group_id(0)] = scratch2[0];
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
