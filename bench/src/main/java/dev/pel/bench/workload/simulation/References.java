package dev.pel.bench.workload.simulation;

import dev.pel.runtime.DType;

/**
 * Float64 references for the simulation workloads, and the error bounds their results are held to:
 * plain loops in double written from the definitions in the {@code Simulation} facade's
 * documentation, independently of the kernels, with the bounds the kernels' contract tests derive
 * ({@code dev.pel.kernels.testing.Tolerances}, whose comments give the error analysis). The bench's
 * main code cannot use the kernels' test jar, so these are compact copies; {@code ReferencesTest}
 * checks that they still agree with the test jar's references and tolerances.
 *
 * <p>Every bound holds for the backend's result in the element type t and for the float64 reference,
 * so it is their sum: {@code u(t) + u(F64)}.
 */
final class References {
    private References() {
    }

    /** Unit roundoff of the element type. */
    static double u(DType t) {
        return t == DType.F32 ? 0x1p-24 : 0x1p-53;
    }

    private static double uu(DType t) {
        return u(t) + u(DType.F64);
    }

    // ---- heat ----

    /** One step on an nx x ny x nz grid (nz = 1 and dims = 2 for 2-D), fixed or periodic faces. */
    static double[] heatStep(double[] a, int nx, int ny, int nz, int dims, double alpha, boolean periodic) {
        double[] b = new double[a.length];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int c = i + nx * (j + ny * k);
                    boolean face = i == 0 || j == 0 || i == nx - 1 || j == ny - 1 || (dims == 3 && (k == 0 || k == nz - 1));
                    if (!periodic && face) {
                        b[c] = a[c];
                        continue;
                    }
                    double sum = a[idx(i - 1, j, k, nx, ny, nz)] + a[idx(i + 1, j, k, nx, ny, nz)] + a[idx(i, j - 1, k, nx, ny, nz)]
                            + a[idx(i, j + 1, k, nx, ny, nz)];
                    if (dims == 3) {
                        sum += a[idx(i, j, k - 1, nx, ny, nz)] + a[idx(i, j, k + 1, nx, ny, nz)];
                    }
                    b[c] = a[c] + alpha * (sum - 2 * dims * a[c]);
                }
            }
        }
        return b;
    }

    private static int idx(int i, int j, int k, int nx, int ny, int nz) {
        return Math.floorMod(i, nx) + nx * (Math.floorMod(j, ny) + ny * Math.floorMod(k, nz));
    }

    /** Tolerances.heat: s steps of local error u M (1 + |alpha| (4d^2 + 8d)), M = max |initial value|. */
    static double heat(DType t, int dims, int steps, double alpha, double maxAbs) {
        double local = maxAbs * (1 + Math.abs(alpha) * (4.0 * dims * dims + 8.0 * dims));
        return steps * local * uu(t);
    }

    // ---- convolution ----

    /** 1-D convolution (correlation form, centred); sumAbs[i] receives sum_q |f_q x_q|. */
    static double[] convolve1d(double[] x, double[] f, boolean clamp, double[] sumAbs) {
        int n = x.length;
        int r = f.length / 2;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            double abs = 0;
            for (int q = 0; q < f.length; q++) {
                int p = i + q - r;
                double v = p >= 0 && p < n ? x[p] : clamp ? x[Math.max(0, Math.min(n - 1, p))] : 0;
                acc += f[q] * v;
                abs += Math.abs(f[q] * v);
            }
            out[i] = acc;
            sumAbs[i] = abs;
        }
        return out;
    }

    /** 2-D convolution of a row-major w x h image with a row-major kw x kh filter; sumAbs per pixel. */
    static double[] convolve2d(double[] img, int w, int h, double[] f, int kw, int kh, boolean clamp, double[] sumAbs) {
        double[] out = new double[w * h];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                double acc = 0;
                double abs = 0;
                for (int qy = 0; qy < kh; qy++) {
                    int y = py + qy - kh / 2;
                    for (int qx = 0; qx < kw; qx++) {
                        int x = px + qx - kw / 2;
                        double v;
                        if (x >= 0 && x < w && y >= 0 && y < h) {
                            v = img[x + w * y];
                        } else if (clamp) {
                            v = img[Math.max(0, Math.min(w - 1, x)) + w * Math.max(0, Math.min(h - 1, y))];
                        } else {
                            v = 0;
                        }
                        acc += f[qx + kw * qy] * v;
                        abs += Math.abs(f[qx + kw * qy] * v);
                    }
                }
                out[px + w * py] = acc;
                sumAbs[px + w * py] = abs;
            }
        }
        return out;
    }

    /** Tolerances.convolution: (taps + 1) u sum_q |f_q x_q|. */
    static double convolution(DType t, int taps, double sumAbsProducts) {
        return (taps + 1) * uu(t) * sumAbsProducts;
    }

    // ---- n-body ----

    /** Accelerations {ax, ay, az} and the sums of magnitudes of their terms {|ax|, |ay|, |az|}. */
    static double[][] nbodyAccelerations(double[] x, double[] y, double[] z, double[] m, double eps) {
        int n = x.length;
        double[][] out = new double[6][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = x[j] - x[i];
                double dy = y[j] - y[i];
                double dz = z[j] - z[i];
                double d2 = dx * dx + dy * dy + dz * dz + eps * eps;
                double f = m[j] / (d2 * Math.sqrt(d2));
                out[0][i] += f * dx;
                out[1][i] += f * dy;
                out[2][i] += f * dz;
                out[3][i] += Math.abs(f * dx);
                out[4][i] += Math.abs(f * dy);
                out[5][i] += Math.abs(f * dz);
            }
        }
        return out;
    }

    /** Tolerances.NBODY_TERM_U: relative error of one n-body term, in units of u. */
    static final int NBODY_TERM_U = 50;

    /** Tolerances.nbodyAcceleration. */
    static double nbodyAcceleration(DType t, int n, double sumAbsTerms) {
        return (n + NBODY_TERM_U) * uu(t) * sumAbsTerms;
    }

    /** Tolerances.nbodyVelocity. */
    static double nbodyVelocity(DType t, double dt, double accelErr, double a, double vNew) {
        return Math.abs(dt) * accelErr + uu(t) * (Math.abs(a * dt) + Math.abs(vNew)) * 2;
    }

    /** Tolerances.nbodyPosition. */
    static double nbodyPosition(DType t, double dt, double velocityErr, double vNew, double xNew) {
        return Math.abs(dt) * velocityErr + uu(t) * (Math.abs(vNew * dt) + Math.abs(xNew)) * 2;
    }

    // ---- random streams ----

    /** Tolerances.normal: Box-Muller against the float64 formula on the same uniforms. */
    static double normal(DType t, double radius) {
        return 32 * uu(t) * (Math.abs(radius) + 1);
    }

    // ---- Black-Scholes ----

    /** Standard normal CDF to a few 1e-16 absolute (Marsaglia's series; a continued fraction beyond 7). */
    static double phi(double x) {
        if (x < -7) {
            return tail(-x);
        }
        if (x > 7) {
            return 1 - tail(x);
        }
        double s = x;
        double t = 0;
        double b = x;
        double q = x * x;
        double i = 1;
        while (s != t) {
            t = s;
            i += 2;
            b *= q / i;
            s = t + b;
        }
        return 0.5 + s * Math.exp(-0.5 * q - 0.91893853320467274178);
    }

    private static double tail(double a) {
        double cf = a;
        for (int k = 80; k >= 1; k--) {
            cf = a + k / cf;
        }
        return Math.exp(-0.5 * a * a - 0.91893853320467274178) / cf;
    }

    /** {call, put} by the closed form with the accurate CDF. */
    static double[] blackScholes(double s, double k, double t, double r, double sigma) {
        double vol = sigma * Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + sigma * sigma / 2) * t) / vol;
        double d2 = d1 - vol;
        double disc = k * Math.exp(-r * t);
        return new double[] {s * phi(d1) - disc * phi(d2), disc * phi(-d2) - s * phi(-d1)};
    }

    /** Absolute error of Hart's normal-CDF approximation (Tolerances.NORMAL_CDF_APPROXIMATION). */
    static final double NORMAL_CDF_APPROXIMATION = 1e-15;

    /** Tolerances.blackScholes: the bound for the call or the put of one option. */
    static double blackScholes(DType t, double s, double k, double time, double r, double sigma) {
        double vol = sigma * Math.sqrt(time);
        double d1 = (Math.log(s / k) + (r + sigma * sigma / 2) * time) / vol;
        double d2 = d1 - vol;
        double l = (Math.abs(Math.log(s / k)) + Math.abs(r + sigma * sigma / 2) * time + 1) / vol;
        double u = uu(t);
        double dd1 = 16 * u * l;
        double dd2 = dd1 + u * Math.abs(d2) + 8 * u * vol;
        double n1 = 20 * u + NORMAL_CDF_APPROXIMATION + 0.4 * dd1;
        double n2 = 20 * u + NORMAL_CDF_APPROXIMATION + 0.4 * dd2;
        return (s + k) * (n1 + n2 + (14 + 2 * Math.abs(r * time)) * u);
    }
}
