package dev.pel.kernels.cpu;

import dev.pel.kernels.spi.SimulationKernels;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;

/**
 * The {@code cpu-scalar} simulation kernels: plain loops in the documented order of operations, the
 * reference the other backends are tested against. Off-heap operands resident on a device are
 * brought home first ({@code forHost}); the cpu-simd kernels use these loops for their scalar
 * edges and tails, so both give the same bits wherever the order is the same.
 */
public final class ScalarSimulation implements SimulationKernels {
    public static final ScalarSimulation INSTANCE = new ScalarSimulation();

    private ScalarSimulation() {
    }

    @Override
    public void philoxBits(long seed, long offset, int n, int[] out, int threads) {
        int[] w = new int[4];
        for (int i = 0; i < n; i++) {
            long e = offset + i;
            if (i == 0 || (e & 3) == 0) {
                Philox.block(seed, e >>> 2, w);
            }
            out[i] = w[(int) (e & 3)];
        }
    }

    @Override
    public long piHits(long seed, long samples, int threads) {
        return Philox.piHits(seed, 0, samples);
    }

    /** Index of x + d wrapped into [0, n) (|d| &lt;= 1). */
    static int wrap(int x, int d, int n) {
        int v = x + d;
        return v < 0 ? v + n : v >= n ? v - n : v;
    }

    /** Index x + d clamped into [0, n). */
    static int clampIndex(long v, int n) {
        return (int) Math.max(0, Math.min(n - 1L, v));
    }

    // @twin-begin F64
    /** One 5-point update: c + alpha ((w + e) + (n + s) - 4c), in this order, no fused multiply-add. */
    static double heat(double c, double w, double e, double n, double s, double alpha) {
        return c + alpha * (((w + e) + (n + s)) - 4 * c);
    }

    /** One 7-point update: c + alpha ((w + e) + (n + s) + (d + u) - 6c). */
    static double heat(double c, double w, double e, double n, double s, double d, double u, double alpha) {
        return c + alpha * ((((w + e) + (n + s)) + (d + u)) - 6 * c);
    }

    /** Rows [j0, j1) of one 2-D step src -> dst (also used by cpu-simd for rows and columns at the edges). */
    static void heat2dRows(int nx, int ny, double alpha, boolean periodic, VecF64 src, VecF64 dst, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            for (int i = 0; i < nx; i++) {
                heat2dCell(nx, ny, alpha, periodic, src, dst, i, j);
            }
        }
    }

    static void heat2dCell(int nx, int ny, double alpha, boolean periodic, VecF64 src, VecF64 dst, int i, int j) {
        long c = i + (long) nx * j;
        if (!periodic && (i == 0 || j == 0 || i == nx - 1 || j == ny - 1)) {
            dst.set(c, src.get(c));
            return;
        }
        long row = (long) nx * j;
        double w = src.get(row + wrap(i, -1, nx));
        double e = src.get(row + wrap(i, 1, nx));
        double n = src.get(i + (long) nx * wrap(j, -1, ny));
        double s = src.get(i + (long) nx * wrap(j, 1, ny));
        dst.set(c, heat(src.get(c), w, e, n, s, alpha));
    }

    static void heat3dCell(int nx, int ny, int nz, double alpha, boolean periodic, VecF64 src, VecF64 dst, int i, int j, int k) {
        long plane = (long) nx * ny;
        long c = i + (long) nx * j + plane * k;
        if (!periodic && (i == 0 || j == 0 || k == 0 || i == nx - 1 || j == ny - 1 || k == nz - 1)) {
            dst.set(c, src.get(c));
            return;
        }
        long row = (long) nx * j + plane * k;
        double w = src.get(row + wrap(i, -1, nx));
        double e = src.get(row + wrap(i, 1, nx));
        double n = src.get(i + (long) nx * wrap(j, -1, ny) + plane * k);
        double s = src.get(i + (long) nx * wrap(j, 1, ny) + plane * k);
        double d = src.get(i + (long) nx * j + plane * wrap(k, -1, nz));
        double u = src.get(i + (long) nx * j + plane * wrap(k, 1, nz));
        dst.set(c, heat(src.get(c), w, e, n, s, d, u, alpha));
    }

    @Override
    public void heat2d(int nx, int ny, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b, int threads) {
        a.forHost(true);
        b.forHost(true);
        for (int step = 0; step < steps; step++) {
            VecF64 src = (step & 1) == 0 ? a : b;
            VecF64 dst = (step & 1) == 0 ? b : a;
            heat2dRows(nx, ny, alpha, periodic, src, dst, 0, ny);
        }
    }

    @Override
    public void heat3d(int nx, int ny, int nz, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b, int threads) {
        a.forHost(true);
        b.forHost(true);
        for (int step = 0; step < steps; step++) {
            VecF64 src = (step & 1) == 0 ? a : b;
            VecF64 dst = (step & 1) == 0 ? b : a;
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        heat3dCell(nx, ny, nz, alpha, periodic, src, dst, i, j, k);
                    }
                }
            }
        }
    }

    @Override
    public void nbody(int n, double softening, double dt, VecF64 x, VecF64 y, VecF64 z, VecF64 vx, VecF64 vy, VecF64 vz,
            VecF64 mass, int threads) {
        for (VecF64 v : new VecF64[] {x, y, z, vx, vy, vz}) {
            v.forHost(true);
        }
        mass.forHost(false);
        double[] ax = new double[n];
        double[] ay = new double[n];
        double[] az = new double[n];
        double eps2 = softening * softening;
        for (int i = 0; i < n; i++) {
            double xi = x.get(i);
            double yi = y.get(i);
            double zi = z.get(i);
            double sx = 0;
            double sy = 0;
            double sz = 0;
            for (int j = 0; j < n; j++) {
                double dx = x.get(j) - xi;
                double dy = y.get(j) - yi;
                double dz = z.get(j) - zi;
                double d2 = ((dx * dx + dy * dy) + dz * dz) + eps2;
                double inv = 1 / (double) Math.sqrt(d2);
                double f = mass.get(j) * (inv * inv * inv);
                sx += f * dx;
                sy += f * dy;
                sz += f * dz;
            }
            ax[i] = sx;
            ay[i] = sy;
            az[i] = sz;
        }
        for (int i = 0; i < n; i++) {
            nbodyUpdate(i, dt, ax[i], ay[i], az[i], x, y, z, vx, vy, vz);
        }
    }

    /** The kick-drift update of body i: v += a dt, then x += v dt. */
    static void nbodyUpdate(int i, double dt, double ax, double ay, double az, VecF64 x, VecF64 y, VecF64 z, VecF64 vx, VecF64 vy,
            VecF64 vz) {
        double nvx = vx.get(i) + ax * dt;
        double nvy = vy.get(i) + ay * dt;
        double nvz = vz.get(i) + az * dt;
        vx.set(i, nvx);
        vy.set(i, nvy);
        vz.set(i, nvz);
        x.set(i, x.get(i) + nvx * dt);
        y.set(i, y.get(i) + nvy * dt);
        z.set(i, z.get(i) + nvz * dt);
    }

    /** Element i of a 1-D convolution (cpu-simd's edges too). */
    static double convolve1dAt(int n, VecF64 x, int k, VecF64 filter, boolean clamp, int i) {
        int r = k / 2;
        double acc = 0;
        for (int q = 0; q < k; q++) {
            long p = (long) i + q - r;
            double v = p >= 0 && p < n ? x.get(p) : clamp ? x.get(clampIndex(p, n)) : 0;
            double t = filter.get(q) * v;
            acc = q == 0 ? t : acc + t;
        }
        return acc;
    }

    @Override
    public void convolve1d(int n, VecF64 x, int k, VecF64 filter, boolean clamp, VecF64 out, int threads) {
        x.forHost(false);
        filter.forHost(false);
        out.forHost(true);
        for (int i = 0; i < n; i++) {
            out.set(i, convolve1dAt(n, x, k, filter, clamp, i));
        }
    }

    /** Pixel (px, py) of a 2-D convolution (cpu-simd's edges too). */
    static double convolve2dAt(int w, int h, VecF64 image, int kw, int kh, VecF64 filter, boolean clamp, int px, int py) {
        int rx = kw / 2;
        int ry = kh / 2;
        double acc = 0;
        for (int qy = 0; qy < kh; qy++) {
            long y = (long) py + qy - ry;
            boolean rowIn = y >= 0 && y < h;
            long row = (long) w * (rowIn ? y : clampIndex(y, h));
            for (int qx = 0; qx < kw; qx++) {
                long x = (long) px + qx - rx;
                double v;
                if (rowIn && x >= 0 && x < w) {
                    v = image.get(row + x);
                } else if (clamp) {
                    v = image.get(row + clampIndex(x, w));
                } else {
                    v = 0;
                }
                double t = filter.get((long) kw * qy + qx) * v;
                acc = qy == 0 && qx == 0 ? t : acc + t;
            }
        }
        return acc;
    }

    @Override
    public void convolve2d(int w, int h, VecF64 image, int kw, int kh, VecF64 filter, boolean clamp, VecF64 out, int threads) {
        image.forHost(false);
        filter.forHost(false);
        out.forHost(true);
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                out.set(px + (long) w * py, convolve2dAt(w, h, image, kw, kh, filter, clamp, px, py));
            }
        }
    }

    @Override
    public void uniform(long seed, long offset, int n, VecF64 out, int threads) {
        out.forHost(true);
        for (int i = 0; i < n; i++) {
            out.set(i, Philox.uniformF64(seed, offset + i));
        }
    }

    @Override
    public void normal(long seed, long offset, int n, VecF64 out, int threads) {
        out.forHost(true);
        for (int i = 0; i < n; i++) {
            out.set(i, Philox.normalF64(seed, offset + i));
        }
    }

    /**
     * Lower tail Phi(-a) of the standard normal for a &gt;= 0: Hart's double-precision algorithm 5666
     * as given by G. West, "Better approximations to cumulative normal functions" (2005), figure 2:
     * a rational function below 7.07, a continued fraction above, 0 beyond 37.
     */
    static double normalTail(double a) {
        if (a > 37) {
            return 0;
        }
        double e = (double) Math.exp(-a * a / 2);
        if (a < 7.07106781186547) {
            double p = 3.52624965998911E-02 * a + 0.700383064443688;
            p = p * a + 6.37396220353165;
            p = p * a + 33.912866078383;
            p = p * a + 112.079291497871;
            p = p * a + 221.213596169931;
            p = p * a + 220.206867912376;
            double q = 8.83883476483184E-02 * a + 1.75566716318264;
            q = q * a + 16.064177579207;
            q = q * a + 86.7807322029461;
            q = q * a + 296.564248779674;
            q = q * a + 637.333633378831;
            q = q * a + 793.826512519948;
            q = q * a + 440.413735824752;
            return e * p / q;
        }
        double b = a + 0.65;
        b = a + 4 / b;
        b = a + 3 / b;
        b = a + 2 / b;
        b = a + 1 / b;
        return e / b / 2.506628274631;
    }

    /** Black-Scholes prices of one option into call[i], put[i]. */
    static void blackScholesAt(int i, double s, double k, double t, double r, double sigma, VecF64 call, VecF64 put) {
        double sqrtT = (double) Math.sqrt(t);
        double vol = sigma * sqrtT;
        double d1 = ((double) Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / vol;
        double d2 = d1 - vol;
        double disc = k * (double) Math.exp(-r * t);
        double c1 = normalTail(Math.abs(d1));
        double c2 = normalTail(Math.abs(d2));
        double n1 = d1 > 0 ? 1 - c1 : c1; // Phi(d1)
        double m1 = d1 > 0 ? c1 : 1 - c1; // Phi(-d1)
        double n2 = d2 > 0 ? 1 - c2 : c2;
        double m2 = d2 > 0 ? c2 : 1 - c2;
        call.set(i, s * n1 - disc * n2);
        put.set(i, disc * m2 - s * m1);
    }

    @Override
    public void blackScholes(int n, VecF64 s, VecF64 k, VecF64 t, double r, double sigma, VecF64 call, VecF64 put, int threads) {
        s.forHost(false);
        k.forHost(false);
        t.forHost(false);
        call.forHost(true);
        put.forHost(true);
        for (int i = 0; i < n; i++) {
            blackScholesAt(i, s.get(i), k.get(i), t.get(i), r, sigma, call, put);
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** One 5-point update: c + alpha ((w + e) + (n + s) - 4c), in this order, no fused multiply-add. */
    static float heat(float c, float w, float e, float n, float s, float alpha) {
        return c + alpha * (((w + e) + (n + s)) - 4 * c);
    }

    /** One 7-point update: c + alpha ((w + e) + (n + s) + (d + u) - 6c). */
    static float heat(float c, float w, float e, float n, float s, float d, float u, float alpha) {
        return c + alpha * ((((w + e) + (n + s)) + (d + u)) - 6 * c);
    }

    /** Rows [j0, j1) of one 2-D step src -> dst (also used by cpu-simd for rows and columns at the edges). */
    static void heat2dRows(int nx, int ny, float alpha, boolean periodic, VecF32 src, VecF32 dst, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            for (int i = 0; i < nx; i++) {
                heat2dCell(nx, ny, alpha, periodic, src, dst, i, j);
            }
        }
    }

    static void heat2dCell(int nx, int ny, float alpha, boolean periodic, VecF32 src, VecF32 dst, int i, int j) {
        long c = i + (long) nx * j;
        if (!periodic && (i == 0 || j == 0 || i == nx - 1 || j == ny - 1)) {
            dst.set(c, src.get(c));
            return;
        }
        long row = (long) nx * j;
        float w = src.get(row + wrap(i, -1, nx));
        float e = src.get(row + wrap(i, 1, nx));
        float n = src.get(i + (long) nx * wrap(j, -1, ny));
        float s = src.get(i + (long) nx * wrap(j, 1, ny));
        dst.set(c, heat(src.get(c), w, e, n, s, alpha));
    }

    static void heat3dCell(int nx, int ny, int nz, float alpha, boolean periodic, VecF32 src, VecF32 dst, int i, int j, int k) {
        long plane = (long) nx * ny;
        long c = i + (long) nx * j + plane * k;
        if (!periodic && (i == 0 || j == 0 || k == 0 || i == nx - 1 || j == ny - 1 || k == nz - 1)) {
            dst.set(c, src.get(c));
            return;
        }
        long row = (long) nx * j + plane * k;
        float w = src.get(row + wrap(i, -1, nx));
        float e = src.get(row + wrap(i, 1, nx));
        float n = src.get(i + (long) nx * wrap(j, -1, ny) + plane * k);
        float s = src.get(i + (long) nx * wrap(j, 1, ny) + plane * k);
        float d = src.get(i + (long) nx * j + plane * wrap(k, -1, nz));
        float u = src.get(i + (long) nx * j + plane * wrap(k, 1, nz));
        dst.set(c, heat(src.get(c), w, e, n, s, d, u, alpha));
    }

    @Override
    public void heat2d(int nx, int ny, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b, int threads) {
        a.forHost(true);
        b.forHost(true);
        for (int step = 0; step < steps; step++) {
            VecF32 src = (step & 1) == 0 ? a : b;
            VecF32 dst = (step & 1) == 0 ? b : a;
            heat2dRows(nx, ny, alpha, periodic, src, dst, 0, ny);
        }
    }

    @Override
    public void heat3d(int nx, int ny, int nz, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b, int threads) {
        a.forHost(true);
        b.forHost(true);
        for (int step = 0; step < steps; step++) {
            VecF32 src = (step & 1) == 0 ? a : b;
            VecF32 dst = (step & 1) == 0 ? b : a;
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        heat3dCell(nx, ny, nz, alpha, periodic, src, dst, i, j, k);
                    }
                }
            }
        }
    }

    @Override
    public void nbody(int n, float softening, float dt, VecF32 x, VecF32 y, VecF32 z, VecF32 vx, VecF32 vy, VecF32 vz,
            VecF32 mass, int threads) {
        for (VecF32 v : new VecF32[] {x, y, z, vx, vy, vz}) {
            v.forHost(true);
        }
        mass.forHost(false);
        float[] ax = new float[n];
        float[] ay = new float[n];
        float[] az = new float[n];
        float eps2 = softening * softening;
        for (int i = 0; i < n; i++) {
            float xi = x.get(i);
            float yi = y.get(i);
            float zi = z.get(i);
            float sx = 0;
            float sy = 0;
            float sz = 0;
            for (int j = 0; j < n; j++) {
                float dx = x.get(j) - xi;
                float dy = y.get(j) - yi;
                float dz = z.get(j) - zi;
                float d2 = ((dx * dx + dy * dy) + dz * dz) + eps2;
                float inv = 1 / (float) Math.sqrt(d2);
                float f = mass.get(j) * (inv * inv * inv);
                sx += f * dx;
                sy += f * dy;
                sz += f * dz;
            }
            ax[i] = sx;
            ay[i] = sy;
            az[i] = sz;
        }
        for (int i = 0; i < n; i++) {
            nbodyUpdate(i, dt, ax[i], ay[i], az[i], x, y, z, vx, vy, vz);
        }
    }

    /** The kick-drift update of body i: v += a dt, then x += v dt. */
    static void nbodyUpdate(int i, float dt, float ax, float ay, float az, VecF32 x, VecF32 y, VecF32 z, VecF32 vx, VecF32 vy,
            VecF32 vz) {
        float nvx = vx.get(i) + ax * dt;
        float nvy = vy.get(i) + ay * dt;
        float nvz = vz.get(i) + az * dt;
        vx.set(i, nvx);
        vy.set(i, nvy);
        vz.set(i, nvz);
        x.set(i, x.get(i) + nvx * dt);
        y.set(i, y.get(i) + nvy * dt);
        z.set(i, z.get(i) + nvz * dt);
    }

    /** Element i of a 1-D convolution (cpu-simd's edges too). */
    static float convolve1dAt(int n, VecF32 x, int k, VecF32 filter, boolean clamp, int i) {
        int r = k / 2;
        float acc = 0;
        for (int q = 0; q < k; q++) {
            long p = (long) i + q - r;
            float v = p >= 0 && p < n ? x.get(p) : clamp ? x.get(clampIndex(p, n)) : 0;
            float t = filter.get(q) * v;
            acc = q == 0 ? t : acc + t;
        }
        return acc;
    }

    @Override
    public void convolve1d(int n, VecF32 x, int k, VecF32 filter, boolean clamp, VecF32 out, int threads) {
        x.forHost(false);
        filter.forHost(false);
        out.forHost(true);
        for (int i = 0; i < n; i++) {
            out.set(i, convolve1dAt(n, x, k, filter, clamp, i));
        }
    }

    /** Pixel (px, py) of a 2-D convolution (cpu-simd's edges too). */
    static float convolve2dAt(int w, int h, VecF32 image, int kw, int kh, VecF32 filter, boolean clamp, int px, int py) {
        int rx = kw / 2;
        int ry = kh / 2;
        float acc = 0;
        for (int qy = 0; qy < kh; qy++) {
            long y = (long) py + qy - ry;
            boolean rowIn = y >= 0 && y < h;
            long row = (long) w * (rowIn ? y : clampIndex(y, h));
            for (int qx = 0; qx < kw; qx++) {
                long x = (long) px + qx - rx;
                float v;
                if (rowIn && x >= 0 && x < w) {
                    v = image.get(row + x);
                } else if (clamp) {
                    v = image.get(row + clampIndex(x, w));
                } else {
                    v = 0;
                }
                float t = filter.get((long) kw * qy + qx) * v;
                acc = qy == 0 && qx == 0 ? t : acc + t;
            }
        }
        return acc;
    }

    @Override
    public void convolve2d(int w, int h, VecF32 image, int kw, int kh, VecF32 filter, boolean clamp, VecF32 out, int threads) {
        image.forHost(false);
        filter.forHost(false);
        out.forHost(true);
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                out.set(px + (long) w * py, convolve2dAt(w, h, image, kw, kh, filter, clamp, px, py));
            }
        }
    }

    @Override
    public void uniform(long seed, long offset, int n, VecF32 out, int threads) {
        out.forHost(true);
        for (int i = 0; i < n; i++) {
            out.set(i, Philox.uniformF32(seed, offset + i));
        }
    }

    @Override
    public void normal(long seed, long offset, int n, VecF32 out, int threads) {
        out.forHost(true);
        for (int i = 0; i < n; i++) {
            out.set(i, Philox.normalF32(seed, offset + i));
        }
    }

    /**
     * Lower tail Phi(-a) of the standard normal for a &gt;= 0: Hart's float-precision algorithm 5666
     * as given by G. West, "Better approximations to cumulative normal functions" (2005), figure 2:
     * a rational function below 7.07f, a continued fraction above, 0 beyond 37.f
     */
    static float normalTail(float a) {
        if (a > 37) {
            return 0;
        }
        float e = (float) Math.exp(-a * a / 2);
        if (a < 7.07106781186547f) {
            float p = 3.52624965998911E-02f * a + 0.700383064443688f;
            p = p * a + 6.37396220353165f;
            p = p * a + 33.912866078383f;
            p = p * a + 112.079291497871f;
            p = p * a + 221.213596169931f;
            p = p * a + 220.206867912376f;
            float q = 8.83883476483184E-02f * a + 1.75566716318264f;
            q = q * a + 16.064177579207f;
            q = q * a + 86.7807322029461f;
            q = q * a + 296.564248779674f;
            q = q * a + 637.333633378831f;
            q = q * a + 793.826512519948f;
            q = q * a + 440.413735824752f;
            return e * p / q;
        }
        float b = a + 0.65f;
        b = a + 4 / b;
        b = a + 3 / b;
        b = a + 2 / b;
        b = a + 1 / b;
        return e / b / 2.506628274631f;
    }

    /** Black-Scholes prices of one option into call[i], put[i]. */
    static void blackScholesAt(int i, float s, float k, float t, float r, float sigma, VecF32 call, VecF32 put) {
        float sqrtT = (float) Math.sqrt(t);
        float vol = sigma * sqrtT;
        float d1 = ((float) Math.log(s / k) + (r + 0.5f * sigma * sigma) * t) / vol;
        float d2 = d1 - vol;
        float disc = k * (float) Math.exp(-r * t);
        float c1 = normalTail(Math.abs(d1));
        float c2 = normalTail(Math.abs(d2));
        float n1 = d1 > 0 ? 1 - c1 : c1; // Phi(d1)
        float m1 = d1 > 0 ? c1 : 1 - c1; // Phi(-d1)
        float n2 = d2 > 0 ? 1 - c2 : c2;
        float m2 = d2 > 0 ? c2 : 1 - c2;
        call.set(i, s * n1 - disc * n2);
        put.set(i, disc * m2 - s * m1);
    }

    @Override
    public void blackScholes(int n, VecF32 s, VecF32 k, VecF32 t, float r, float sigma, VecF32 call, VecF32 put, int threads) {
        s.forHost(false);
        k.forHost(false);
        t.forHost(false);
        call.forHost(true);
        put.forHost(true);
        for (int i = 0; i < n; i++) {
            blackScholesAt(i, s.get(i), k.get(i), t.get(i), r, sigma, call, put);
        }
    }
    // @twin-end
}
