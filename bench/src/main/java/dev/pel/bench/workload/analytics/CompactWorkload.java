package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Analytics;
import dev.pel.kernels.Catalogue;
import dev.pel.kernels.spi.Compare;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code Analytics.compact(x, GT, 0.25, y)} (the kept values) or {@code compactIndices} (their
 * indices) over n normal(0, 1) values, one in 1024 NaN (never kept by GT): about 40% are kept.
 * Extents: (n). Exact: the count, the kept values' bits (or the indices) in input order, and the rest
 * of the output untouched (it holds the poison the call was bound with).
 */
final class CompactWorkload extends AnalyticsWorkload {
    static final double THRESHOLD = 0.25;
    private final boolean indices;

    CompactWorkload(boolean indices) {
        super(indices ? Catalogue.COMPACT_INDEX : Catalogue.COMPACT);
        this.indices = indices;
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
            v[i] = rng.nextInt(1024) == 0 ? Double.NaN : rng.nextGaussian();
        }
        Vec x = Vec.of(t, v);
        Vec y = indices ? null : Vec.zeros(t, n);
        int[] idx = indices ? new int[n] : null;
        return new Instance() {
            private int[] kept;

            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics a = Analytics.on(runtime);
                if (indices) {
                    Arrays.fill(idx, -1);
                    return x.f32() ? () -> a.compactIndices(x.f, Compare.GT, (float) THRESHOLD, idx)
                            : () -> a.compactIndices(x.d, Compare.GT, THRESHOLD, idx);
                }
                y.fill(Double.NaN);
                return x.f32() ? () -> a.compact(x.f, Compare.GT, (float) THRESHOLD, y.f)
                        : () -> a.compact(x.d, Compare.GT, THRESHOLD, y.d);
            }

            @Override
            public void verify(double result, String who) {
                if (kept == null) {
                    int[] k = new int[n];
                    int count = 0;
                    double threshold = x.f32() ? (float) THRESHOLD : THRESHOLD;
                    for (int i = 0; i < n; i++) {
                        if (x.get(i) > threshold) {
                            k[count++] = i;
                        }
                    }
                    kept = Arrays.copyOf(k, count);
                }
                Worst w = new Worst(who, point);
                int count = kept.length;
                w.exact(result == count, "count", 0, Double.toString(result), Integer.toString(count));
                for (int i = 0; i < n; i++) {
                    if (indices) {
                        int want = i < count ? kept[i] : -1;
                        w.exact(idx[i] == want, "indices", i, Integer.toString(idx[i]), i < count ? Integer.toString(want)
                                : "-1 (untouched past the count)");
                    } else if (i < count) {
                        w.exact(y.bits(i) == x.bits(kept[i]), "y", i, Double.toString(y.get(i)), x.get(kept[i]) + " (x["
                                + kept[i] + "])");
                    } else {
                        w.exact(Double.isNaN(y.get(i)), "y", i, Double.toString(y.get(i)), "NaN (untouched past the count)");
                    }
                }
                w.done();
            }
        };
    }
}
