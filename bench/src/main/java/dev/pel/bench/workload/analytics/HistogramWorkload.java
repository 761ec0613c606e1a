package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Analytics;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code Analytics.histogram} of n normal(0, 1.2) values over [-3, 3] in 256 bins; about 1.2% of the
 * values fall outside and one in 4096 is NaN (neither is counted). Extents: (n). Exact: the reference
 * evaluates the documented bin formula in the element type, {@code min(bins - 1, (int) ((v - lo) * scale))}
 * with {@code scale = bins / (hi - lo)} rounded to the element type, so the counts must be equal.
 */
final class HistogramWorkload extends AnalyticsWorkload {
    static final int BINS = 256;
    static final double LO = -3;
    static final double HI = 3;

    HistogramWorkload() {
        super(Catalogue.HISTOGRAM);
    }

    @Override
    public long[] extents(long n) {
        return new long[] {n, 1, 1};
    }

    @Override
    Instance prepareExtents(DType t, long[] e, long seed, String point) {
        int n = length("n", e[0]);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(4096) == 0 ? Double.NaN : 1.2 * rng.nextGaussian();
        }
        Vec x = Vec.of(t, v);
        long[] counts = new long[BINS];
        return new Instance() {
            private long[] expected;

            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics a = Analytics.on(runtime);
                Arrays.fill(counts, -1);
                if (x.f32()) {
                    return () -> {
                        a.histogram(x.f, (float) LO, (float) HI, counts);
                        return 0;
                    };
                }
                return () -> {
                    a.histogram(x.d, LO, HI, counts);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                if (expected == null) {
                    expected = reference();
                }
                Worst w = new Worst(who, point);
                for (int b = 0; b < BINS; b++) {
                    w.exact(counts[b] == expected[b], "counts", b, Long.toString(counts[b]), Long.toString(expected[b]));
                }
                w.done();
            }

            private long[] reference() {
                long[] c = new long[BINS];
                if (x.f32()) {
                    float lo = (float) LO;
                    float hi = (float) HI;
                    float scale = (float) ((double) BINS / ((double) hi - lo));
                    for (float xi : x.f) {
                        if (xi >= lo && xi <= hi) {
                            c[Math.min(BINS - 1, (int) ((xi - lo) * scale))]++;
                        }
                    }
                } else {
                    double scale = BINS / (HI - LO);
                    for (double xi : x.d) {
                        if (xi >= LO && xi <= HI) {
                            c[Math.min(BINS - 1, (int) ((xi - LO) * scale))]++;
                        }
                    }
                }
                return c;
            }
        };
    }
}
