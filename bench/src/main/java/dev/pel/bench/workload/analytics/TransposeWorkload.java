package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Analytics;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code Analytics.transpose} of a rows x cols matrix of uniform [-1, 1) values into a separate b.
 * Extents: (rows, cols); the sweep's n is floor(sqrt n) x floor(sqrt n). Exact (no arithmetic): b
 * must hold a's bits transposed.
 */
final class TransposeWorkload extends AnalyticsWorkload {

    TransposeWorkload() {
        super(Catalogue.TRANSPOSE);
    }

    @Override
    public long[] extents(long n) {
        long s = Math.max(1, (long) Math.floor(Math.sqrt((double) n)));
        while (s * s > n && s > 1) {
            s--;
        }
        return new long[] {s, s, 1};
    }

    @Override
    String describe(long[] e) {
        return String.format(Locale.ROOT, "%d x %d", e[0], e[1]);
    }

    @Override
    Instance prepareExtents(DType t, long[] e, long seed, String point) {
        int rows = length("rows", e[0]);
        int cols = length("cols", e[1]);
        int n = length("rows x cols", (long) rows * cols);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        Vec a = Vec.of(t, v);
        Vec b = Vec.zeros(t, n);
        return new Instance() {
            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics an = Analytics.on(runtime);
                b.fill(Double.NaN);
                if (a.f32()) {
                    return () -> {
                        an.transpose(a.f, rows, cols, b.f);
                        return 0;
                    };
                }
                return () -> {
                    an.transpose(a.d, rows, cols, b.d);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                Worst w = new Worst(who, point);
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        int at = j * rows + i;
                        w.exact(b.bits(at) == a.bits(i * cols + j), "b", at, Double.toString(b.get(at)),
                                a.get(i * cols + j) + " (a[" + i + " x " + cols + " + " + j + "])");
                    }
                }
                w.done();
            }
        };
    }
}
