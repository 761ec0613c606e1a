package dev.pel.kernels.testing;

/**
 * Float64 references for the simulation kernels, written from the definitions in the
 * {@code Simulation} facade's documentation, independently of the kernels: plain loops in double,
 * and an accurate normal CDF (Marsaglia's series, a continued fraction in the tails) instead of the
 * kernels' Hart approximation. Each also returns what its tolerance needs (sums of magnitudes).
 */
public final class SimulationReference {
    private SimulationReference() {
    }

    /** {@code steps} heat steps on a copy of u (2-D when nz == 1 and dims == 2); returns the final grid. */
    public static double[] heat(double[] u0, int nx, int ny, int nz, int dims, double alpha, boolean periodic, int steps) {
        double[] a = u0.clone();
        double[] b = new double[a.length];
        for (int s = 0; s < steps; s++) {
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
            double[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    private static int idx(int i, int j, int k, int nx, int ny, int nz) {
        return Math.floorMod(i, nx) + nx * (Math.floorMod(j, ny) + ny * Math.floorMod(k, nz));
    }

    /** out[i] and, in sumAbs[i], sum_q |f_q x_q| of a 1-D convolution. */
    public static double[] convolve1d(double[] x, double[] f, boolean clamp, double[] sumAbs) {
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

    /** A 2-D convolution, with sum_q |f_q x_q| per pixel in sumAbs. */
    public static double[] convolve2d(double[] img, int w, int h, double[] f, int kw, int kh, boolean clamp, double[] sumAbs) {
        double[] out = new double[w * h];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                double acc = 0;
                double abs = 0;
                for (int qy = 0; qy < kh; qy++) {
                    for (int qx = 0; qx < kw; qx++) {
                        int y = py + qy - kh / 2;
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

    /**
     * Accelerations of all bodies, as {ax, ay, az, |ax| terms, |ay| terms, |az| terms}: the last three
     * are sum_j |term_j| per component.
     */
    public static double[][] nbodyAccelerations(double[] x, double[] y, double[] z, double[] m, double eps) {
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

    /** Standard normal CDF to a few 1e-16 absolute (relative in the tails beyond 7). */
    public static double phi(double x) {
        if (x < -7) {
            return tail(-x);
        }
        if (x > 7) {
            return 1 - tail(x);
        }
        // Marsaglia (2004): Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...)
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

    /** Upper tail Q(a), a &gt; 7, by the continued fraction phi(a) / (a + 1/(a + 2/(a + 3/(a + ...)))). */
    private static double tail(double a) {
        double cf = a;
        for (int k = 80; k >= 1; k--) {
            cf = a + k / cf;
        }
        return Math.exp(-0.5 * a * a - 0.91893853320467274178) / cf;
    }

    /** {call, put} by the closed form with the accurate CDF. */
    public static double[] blackScholes(double s, double k, double t, double r, double sigma) {
        double vol = sigma * Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + sigma * sigma / 2) * t) / vol;
        double d2 = d1 - vol;
        double disc = k * Math.exp(-r * t);
        return new double[] {s * phi(d1) - disc * phi(d2), disc * phi(-d2) - s * phi(-d1)};
    }
}
