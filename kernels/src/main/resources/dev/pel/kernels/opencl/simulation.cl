// Simulation kernels: stencils, n-body, convolution, Philox4x32-10 streams, Black-Scholes.
// Built after common.h.cl with -DREAL=float|double. Each kernel does the Java reference's operations
// in the reference's order (FP_CONTRACT OFF in common.h.cl): stencils and convolutions give its bits.
// Operands are unit-stride from an element offset (the _start arguments).

inline long clamp_index(long v, long n) {
    return v < 0 ? 0 : (v >= n ? n - 1 : v);
}

// One 5-point step src -> dst over nx*ny cells, one work-item per cell.
__kernel void heat2d(int nx, int ny, REAL alpha, int periodic, __global const REAL* src, long src_start,
        __global REAL* dst, long dst_start) {
    // Grids have at most 2^31-1 cells (the facade checks): 32-bit index arithmetic, much cheaper than 64-bit division.
    int c = (int) get_global_id(0);
    if (get_global_id(0) >= (size_t) nx * ny) return;
    int i = c % nx;
    int j = c / nx;
    __global const REAL* s = src + src_start;
    if (!periodic && (i == 0 || j == 0 || i == nx - 1 || j == ny - 1)) {
        dst[dst_start + c] = s[c];
        return;
    }
    int row = nx * j;
    REAL w = s[row + (i == 0 ? nx - 1 : i - 1)];
    REAL e = s[row + (i == nx - 1 ? 0 : i + 1)];
    REAL n = s[i + nx * (j == 0 ? ny - 1 : j - 1)];
    REAL so = s[i + nx * (j == ny - 1 ? 0 : j + 1)];
    REAL cc = s[c];
    dst[dst_start + c] = cc + alpha * (((w + e) + (n + so)) - 4 * cc);
}

__kernel void heat3d(int nx, int ny, int nz, REAL alpha, int periodic, __global const REAL* src, long src_start,
        __global REAL* dst, long dst_start) {
    int c = (int) get_global_id(0);
    int plane = nx * ny;
    if (get_global_id(0) >= (size_t) plane * nz) return;
    int i = c % nx;
    int r = c / nx;
    int j = r % ny;
    int k = r / ny;
    __global const REAL* s = src + src_start;
    if (!periodic && (i == 0 || j == 0 || k == 0 || i == nx - 1 || j == ny - 1 || k == nz - 1)) {
        dst[dst_start + c] = s[c];
        return;
    }
    int row = nx * j + plane * k;
    REAL w = s[row + (i == 0 ? nx - 1 : i - 1)];
    REAL e = s[row + (i == nx - 1 ? 0 : i + 1)];
    REAL n = s[i + nx * (j == 0 ? ny - 1 : j - 1) + plane * k];
    REAL so = s[i + nx * (j == ny - 1 ? 0 : j + 1) + plane * k];
    REAL d = s[i + nx * j + plane * (k == 0 ? nz - 1 : k - 1)];
    REAL u = s[i + nx * j + plane * (k == nz - 1 ? 0 : k + 1)];
    REAL cc = s[c];
    dst[dst_start + c] = cc + alpha * ((((w + e) + (n + so)) + (d + u)) - 6 * cc);
}

// n-body, pass 1: accelerations of bodies i from the positions of all j (G = 1).
__kernel void nbody_accel(int n, REAL eps2, CVEC(x), CVEC(y), CVEC(z), CVEC(m), __global REAL* acc) {
    long i = get_global_id(0);
    if (i >= n) return;
    REAL xi = x[x_start + i];
    REAL yi = y[y_start + i];
    REAL zi = z[z_start + i];
    REAL sx = 0, sy = 0, sz = 0;
    for (int j = 0; j < n; j++) {
        REAL dx = x[x_start + j] - xi;
        REAL dy = y[y_start + j] - yi;
        REAL dz = z[z_start + j] - zi;
        REAL d2 = ((dx * dx + dy * dy) + dz * dz) + eps2;
        REAL inv = rsqrt(d2); // OpenCL: within 2 ulp (the tolerance allows 1/sqrt's 5.5)
        REAL f = m[m_start + j] * (inv * inv * inv);
        sx += f * dx;
        sy += f * dy;
        sz += f * dz;
    }
    acc[i] = sx;
    acc[n + i] = sy;
    acc[2 * (long) n + i] = sz;
}

// n-body, pass 2: v += a dt, then x += v dt.
__kernel void nbody_update(int n, REAL dt, __global const REAL* acc, VEC(x), VEC(y), VEC(z), VEC(vx), VEC(vy), VEC(vz)) {
    long i = get_global_id(0);
    if (i >= n) return;
    REAL nvx = vx[vx_start + i] + acc[i] * dt;
    REAL nvy = vy[vy_start + i] + acc[n + i] * dt;
    REAL nvz = vz[vz_start + i] + acc[2 * (long) n + i] * dt;
    vx[vx_start + i] = nvx;
    vy[vy_start + i] = nvy;
    vz[vz_start + i] = nvz;
    x[x_start + i] = x[x_start + i] + nvx * dt;
    y[y_start + i] = y[y_start + i] + nvy * dt;
    z[z_start + i] = z[z_start + i] + nvz * dt;
}

__kernel void convolve1d(int n, CVEC(x), int k, CVEC(f), int clampEdges, VEC(out)) {
    long i = get_global_id(0);
    if (i >= n) return;
    int r = k / 2;
    REAL acc = 0;
    for (int q = 0; q < k; q++) {
        long p = i + q - r;
        REAL v = (p >= 0 && p < n) ? x[x_start + p] : (clampEdges ? x[x_start + clamp_index(p, n)] : (REAL) 0);
        REAL t = f[f_start + q] * v;
        acc = q == 0 ? t : acc + t;
    }
    out[out_start + i] = acc;
}

__kernel void convolve2d(int w, int h, CVEC(img), int kw, int kh, CVEC(f), int clampEdges, VEC(out)) {
    if (get_global_id(0) >= (size_t) w * h) return;
    int c = (int) get_global_id(0);
    int px = c % w;
    int py = c / w;
    int rx = kw / 2;
    int ry = kh / 2;
    REAL acc = 0;
    for (int qy = 0; qy < kh; qy++) {
        long y = py + qy - ry;
        int rowIn = y >= 0 && y < h;
        long row = (long) w * (rowIn ? y : clamp_index(y, h));
        for (int qx = 0; qx < kw; qx++) {
            long x = px + qx - rx;
            REAL v;
            if (rowIn && x >= 0 && x < w) {
                v = img[img_start + row + x];
            } else if (clampEdges) {
                v = img[img_start + row + clamp_index(x, w)];
            } else {
                v = 0;
            }
            REAL t = f[f_start + (long) kw * qy + qx] * v;
            acc = (qy == 0 && qx == 0) ? t : acc + t;
        }
    }
    out[out_start + c] = acc;
}

// ---- Philox4x32-10 (see dev.pel.kernels.cpu.Philox for the stream definition) ----

inline uint4 philox(ulong block, ulong seed) {
    uint c0 = (uint) block, c1 = (uint) (block >> 32), c2 = 0, c3 = 0;
    uint k0 = (uint) seed, k1 = (uint) (seed >> 32);
    for (int round = 0; round < 10; round++) {
        if (round > 0) {
            k0 += 0x9E3779B9u;
            k1 += 0xBB67AE85u;
        }
        uint hi0 = mul_hi(0xD2511F53u, c0);
        uint lo0 = 0xD2511F53u * c0;
        uint hi1 = mul_hi(0xCD9E8D57u, c2);
        uint lo1 = 0xCD9E8D57u * c2;
        uint n0 = hi1 ^ c1 ^ k0;
        uint n2 = hi0 ^ c3 ^ k1;
        c0 = n0;
        c1 = lo1;
        c2 = n2;
        c3 = lo0;
    }
    return (uint4) (c0, c1, c2, c3);
}

inline uint word_of(uint4 w, int q) {
    return q == 0 ? w.x : (q == 1 ? w.y : (q == 2 ? w.z : w.w));
}

__kernel void philox_bits(ulong seed, long offset, int n, __global uint* out) {
    long i = get_global_id(0);
    if (i >= n) return;
    ulong e = (ulong) (offset + i);
    out[i] = word_of(philox(e >> 2, seed), (int) (e & 3));
}

inline long pi_inside(uint wa, uint wb) {
    ulong a = wa >> 1;
    ulong b = wb >> 1;
    return a * a + b * b < (1UL << 62) ? 1 : 0;
}

// Pi samples: each work-item counts the samples of `per` consecutive blocks (two samples a block).
__kernel void pi_hits(ulong seed, long samples, long per, __global long* hits) {
    long g = get_global_id(0);
    long b0 = g * per;
    long h = 0;
    for (long b = b0; b < b0 + per && 2 * b < samples; b++) {
        uint4 w = philox((ulong) b, seed);
        h += pi_inside(w.x, w.y);
        if (2 * b + 1 < samples) h += pi_inside(w.z, w.w);
    }
    hits[g] = h;
}

#ifdef PEL_FP64
inline double to_uniform(uint hi, uint lo) {
    return (double) ((((ulong) hi << 32) | lo) >> 11) * 0x1p-53;
}

__kernel void uniform_fill(ulong seed, long offset, int n, VEC(out)) {
    long i = get_global_id(0);
    if (i >= n) return;
    ulong e = (ulong) (offset + i);
    uint4 w = philox(e >> 1, seed);
    out[out_start + i] = (e & 1) ? to_uniform(w.z, w.w) : to_uniform(w.x, w.y);
}

__kernel void normal_fill(ulong seed, long offset, int n, VEC(out)) {
    long i = get_global_id(0);
    if (i >= n) return;
    ulong e = (ulong) (offset + i);
    uint4 w = philox(e >> 1, seed);
    double u1 = to_uniform(w.x, w.y) + 0x1p-53;
    double u2 = to_uniform(w.z, w.w);
    double r = sqrt(-2.0 * log(u1));
    double theta = 6.283185307179586 * u2;
    out[out_start + i] = r * ((e & 1) ? sin(theta) : cos(theta));
}
#else
inline float to_uniform(uint w) {
    return (float) (w >> 8) * 0x1p-24f;
}

__kernel void uniform_fill(ulong seed, long offset, int n, VEC(out)) {
    long i = get_global_id(0);
    if (i >= n) return;
    ulong e = (ulong) (offset + i);
    out[out_start + i] = to_uniform(word_of(philox(e >> 2, seed), (int) (e & 3)));
}

__kernel void normal_fill(ulong seed, long offset, int n, VEC(out)) {
    long i = get_global_id(0);
    if (i >= n) return;
    ulong e = (ulong) (offset + i);
    ulong p = e >> 1;
    uint4 w = philox(p >> 1, seed);
    uint w1 = (p & 1) ? w.z : w.x;
    uint w2 = (p & 1) ? w.w : w.y;
    float u1 = to_uniform(w1) + 0x1p-24f;
    float u2 = to_uniform(w2);
    float r = sqrt(-2.0f * log(u1));
    float theta = 6.2831855f * u2;
    out[out_start + i] = r * ((e & 1) ? sin(theta) : cos(theta));
}
#endif

// ---- Black-Scholes ----

// A decimal constant rounded once to REAL, as Java's float (1.5f) and double (1.5) literals are.
#ifdef PEL_FP64
#define LIT(x) x
#else
#define LIT(x) x##f
#endif

// Phi(-a) for a >= 0: Hart's algorithm 5666 as given by West (2005); see ScalarSimulation.normalTail.
inline REAL normal_tail(REAL a) {
    if (a > 37) return 0;
    REAL e = exp(-a * a / 2);
    if (a < LIT(7.07106781186547)) {
        REAL p = LIT(3.52624965998911E-02) * a + LIT(0.700383064443688);
        p = p * a + LIT(6.37396220353165);
        p = p * a + LIT(33.912866078383);
        p = p * a + LIT(112.079291497871);
        p = p * a + LIT(221.213596169931);
        p = p * a + LIT(220.206867912376);
        REAL q = LIT(8.83883476483184E-02) * a + LIT(1.75566716318264);
        q = q * a + LIT(16.064177579207);
        q = q * a + LIT(86.7807322029461);
        q = q * a + LIT(296.564248779674);
        q = q * a + LIT(637.333633378831);
        q = q * a + LIT(793.826512519948);
        q = q * a + LIT(440.413735824752);
        return e * p / q;
    }
    REAL b = a + LIT(0.65);
    b = a + 4 / b;
    b = a + 3 / b;
    b = a + 2 / b;
    b = a + 1 / b;
    return e / b / LIT(2.506628274631);
}

__kernel void black_scholes(int n, CVEC(s), CVEC(k), CVEC(t), REAL r, REAL sigma, VEC(call), VEC(put)) {
    long i = get_global_id(0);
    if (i >= n) return;
    REAL S = s[s_start + i];
    REAL K = k[k_start + i];
    REAL T = t[t_start + i];
    REAL sqrtT = sqrt(T);
    REAL vol = sigma * sqrtT;
    REAL d1 = (log(S / K) + (r + LIT(0.5) * sigma * sigma) * T) / vol;
    REAL d2 = d1 - vol;
    REAL disc = K * exp(-r * T);
    REAL c1 = normal_tail(fabs(d1));
    REAL c2 = normal_tail(fabs(d2));
    REAL n1 = d1 > 0 ? 1 - c1 : c1;
    REAL m1 = d1 > 0 ? c1 : 1 - c1;
    REAL n2 = d2 > 0 ? 1 - c2 : c2;
    REAL m2 = d2 > 0 ? c2 : 1 - c2;
    call[call_start + i] = S * n1 - disc * n2;
    put[put_start + i] = disc * m2 - S * m1;
}
