package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Analytics;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.SplittableRandom;

/**
 * {@code Analytics.inclusiveScan} / {@code exclusiveScan} of n values in [-0.5, 1.5) into a separate
 * y. Extents: (n). Tolerance (the kernels' canonical order, blocks of B = 4096 summed left to right,
 * block totals added left to right into an offset, {@code y_i = offset + s_i}): a term of the current
 * block passes through at most {@code i mod B + 1} roundings, a term of an earlier block through its
 * block's sum (up to B - 1), the offset chain (up to i / B) and the final add, so
 * {@code depth(i) = i + 1} for i &lt; B, else {@code B + i / B}, and
 * {@code |y_i - exact| <= (depth + 1) u sum_{j<=i} |x_j|} (Higham 4.2), plus 2 ulps of double for the
 * compensated reference. (Data with a positive drift, as here, makes earlier blocks' errors show.)
 */
final class ScanWorkload extends AnalyticsWorkload {
    private static final int BLOCK = 4096;
    private final boolean exclusive;

    ScanWorkload(boolean exclusive) {
        super(exclusive ? Catalogue.SCAN_EXCLUSIVE : Catalogue.SCAN_INCLUSIVE);
        this.exclusive = exclusive;
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
            v[i] = rng.nextDouble(-0.5, 1.5);
        }
        Vec x = Vec.of(t, v);
        Vec y = Vec.zeros(t, n);
        return new Instance() {
            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics a = Analytics.on(runtime);
                y.fill(Double.NaN);
                if (x.f32()) {
                    return exclusive ? () -> {
                        a.exclusiveScan(x.f, y.f);
                        return 0;
                    } : () -> {
                        a.inclusiveScan(x.f, y.f);
                        return 0;
                    };
                }
                return exclusive ? () -> {
                    a.exclusiveScan(x.d, y.d);
                    return 0;
                } : () -> {
                    a.inclusiveScan(x.d, y.d);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                Worst w = new Worst(who, point);
                Sum prefix = new Sum();
                double sumAbs = 0;
                double u = u(t);
                for (int i = 0; i < n; i++) {
                    double xi = x.get(i);
                    if (!exclusive) {
                        prefix.add(xi);
                        sumAbs += Math.abs(xi);
                    }
                    long depth = i < BLOCK ? i + 1 : BLOCK + i / BLOCK;
                    double allowed = (depth + 1) * u * sumAbs * (1 + 1e-12) + 2 * U64 * sumAbs;
                    w.near("y", i, y.get(i), prefix.value(), allowed);
                    if (exclusive) {
                        prefix.add(xi);
                        sumAbs += Math.abs(xi);
                    }
                }
                w.done();
            }
        };
    }
}
