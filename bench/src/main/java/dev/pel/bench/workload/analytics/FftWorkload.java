package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Analytics;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code Analytics.fft}, forward, in place, of m complex points interleaved (re, im), uniform in
 * [-1, 1). Extents: (m); the sweep's n gives the largest power of two {@code <= n} (at least 2: one
 * point is no call). Each call first restores the input (a copy of 2m elements, which the time
 * includes; transforming the previous output would grow it without bound). Tolerance (Higham, Thm
 * 24.2, as the contract suite): {@code ||y^ - y||_2 <= 8 log2(m) u ||y||_2}, checked as a norm, plus
 * the float64 reference's own error: a radix-2 FFT in double with twiddles {@code cos, sin(2 pi j / m)}
 * (about 8 ulps of double each), within {@code 16 log2(m)} ulps of double of {@code ||y||}.
 */
final class FftWorkload extends AnalyticsWorkload {

    FftWorkload() {
        super(Catalogue.FFT);
    }

    @Override
    public long[] extents(long n) {
        return new long[] {Math.max(2, Long.highestOneBit(n)), 1, 1};
    }

    @Override
    String describe(long[] e) {
        return String.format(Locale.ROOT, "%d complex points", e[0]);
    }

    @Override
    Instance prepareExtents(DType t, long[] e, long seed, String point) {
        int m = length("points", e[0]);
        if (Integer.bitCount(m) != 1 || m < 2) {
            throw new IllegalArgumentException("points: must be a power of two >= 2, was " + m);
        }
        length("2 x points", 2L * m);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[2 * m];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        Vec input = Vec.of(t, v);
        Vec data = input.copy();
        return new Instance() {
            private double[] expected;

            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics a = Analytics.on(runtime);
                data.copyFrom(input); // untransformed, as the poison: a call that does nothing fails the check
                if (data.f32()) {
                    return () -> {
                        data.copyFrom(input);
                        a.fft(data.f);
                        return 0;
                    };
                }
                return () -> {
                    data.copyFrom(input);
                    a.fft(data.d);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                if (expected == null) {
                    expected = input.values();
                    fft(expected);
                }
                int log2 = Integer.numberOfTrailingZeros(m);
                double norm2 = 0;
                double err2 = 0;
                int worst = 0;
                double worstErr = -1;
                for (int k = 0; k < m; k++) {
                    double dr = data.get(2 * k) - expected[2 * k];
                    double di = data.get(2 * k + 1) - expected[2 * k + 1];
                    double e2 = dr * dr + di * di;
                    norm2 += expected[2 * k] * expected[2 * k] + expected[2 * k + 1] * expected[2 * k + 1];
                    err2 += e2;
                    if (!(e2 <= worstErr)) { // NaN counts as worst
                        worstErr = e2;
                        worst = k;
                    }
                }
                double norm = Math.sqrt(norm2);
                double err = Math.sqrt(err2);
                double allowed = (8.0 * log2 * u(t) + 16.0 * log2 * U64) * norm * (1 + 1e-9);
                Worst w = new Worst(who, point);
                if (!(err <= allowed)) {
                    w.fail(Double.isNaN(err) ? Double.POSITIVE_INFINITY : err / allowed, String.format(Locale.ROOT,
                            "||y^ - y||_2 = %.4g > %.4g (8 log2(m) u ||y||); the worst point y[%d] = (%s, %s), expected (%s, %s)",
                            err, allowed, worst, data.get(2 * worst), data.get(2 * worst + 1), expected[2 * worst],
                            expected[2 * worst + 1]));
                }
                w.done();
            }
        };
    }

    /** In-place forward radix-2 FFT in double (iterative, bit-reversed input order), the reference. */
    static void fft(double[] z) {
        int m = z.length / 2;
        int log2 = Integer.numberOfTrailingZeros(m);
        for (int i = 0; i < m; i++) {
            int j = Integer.reverse(i) >>> (32 - log2);
            if (log2 > 0 && j > i) {
                double re = z[2 * i];
                double im = z[2 * i + 1];
                z[2 * i] = z[2 * j];
                z[2 * i + 1] = z[2 * j + 1];
                z[2 * j] = re;
                z[2 * j + 1] = im;
            }
        }
        double[] cos = new double[m / 2];
        double[] sin = new double[m / 2];
        for (int j = 0; j < m / 2; j++) {
            double angle = -2 * Math.PI * ((double) j / m);
            cos[j] = Math.cos(angle);
            sin[j] = Math.sin(angle);
        }
        for (int len = 2; len <= m; len <<= 1) {
            int half = len / 2;
            int stride = m / len;
            for (int s = 0; s < m; s += len) {
                for (int q = 0; q < half; q++) {
                    double wr = cos[q * stride];
                    double wi = sin[q * stride];
                    int a = 2 * (s + q);
                    int b = 2 * (s + q + half);
                    double tr = wr * z[b] - wi * z[b + 1];
                    double ti = wr * z[b + 1] + wi * z[b];
                    z[b] = z[a] - tr;
                    z[b + 1] = z[a + 1] - ti;
                    z[a] += tr;
                    z[a + 1] += ti;
                }
            }
        }
    }
}
