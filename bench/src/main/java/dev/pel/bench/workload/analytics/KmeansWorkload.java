package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Analytics;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One {@code Analytics.kmeansStep}: points of {@value #DIMS} dimensions drawn around {@value #K}
 * random centres in [-10, 10]^4 (normal, sd 1.5), the first K points (random positions for those
 * missing) as centroids, so clusters can be empty at small sizes. Extents: (points, k, dims); the
 * sweep's n is n/4 points (at least 1), k = 8, dims = 4. Checked, as the contract suite does:
 * <ul>
 *   <li>labels: each point's squared distance (in double) to its centroid is within
 *       {@code 4 (dims + 3) u} (relative) of the smallest: a computed squared distance of d dims is
 *       within {@code (d + 3) u} of the exact one, so near-ties may go either way;</li>
 *   <li>counts: exactly the number of points with each label;</li>
 *   <li>new centroids: the mean of each cluster's points (by the returned labels) within
 *       {@code (c + 2) u sum|x| / c} for c points (a sum in any order and a divide), plus the
 *       compensated reference's 4 ulps of double; an empty cluster keeps its centroid's bits.</li>
 * </ul>
 */
final class KmeansWorkload extends AnalyticsWorkload {
    static final int K = 8;
    static final int DIMS = 4;

    KmeansWorkload() {
        super(Catalogue.KMEANS);
    }

    @Override
    public long[] extents(long n) {
        return new long[] {Math.max(1, n / 4), K, DIMS};
    }

    @Override
    String describe(long[] e) {
        return String.format(Locale.ROOT, "%d points, k %d, dims %d", e[0], e[1], e[2]);
    }

    @Override
    Instance prepareExtents(DType t, long[] e, long seed, String point) {
        int n = length("points", e[0]);
        int k = length("k", e[1]);
        int d = length("dims", e[2]);
        length("points x dims", (long) n * d);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = rng.nextDouble(-10, 10);
        }
        double[] p = new double[n * d];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(k);
            for (int j = 0; j < d; j++) {
                p[i * d + j] = centres[c * d + j] + 1.5 * rng.nextGaussian();
            }
        }
        double[] c0 = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                c0[c * d + j] = c < n ? p[c * d + j] : rng.nextDouble(-10, 10);
            }
        }
        Vec points = Vec.of(t, p);
        Vec centroids = Vec.of(t, c0);
        Vec next = Vec.zeros(t, k * d);
        int[] labels = new int[n];
        int[] counts = new int[k];
        return new Instance() {
            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics a = Analytics.on(runtime);
                Arrays.fill(labels, -1);
                Arrays.fill(counts, -1);
                next.fill(Double.NaN);
                if (points.f32()) {
                    return () -> {
                        a.kmeansStep(points.f, d, centroids.f, labels, next.f, counts);
                        return 0;
                    };
                }
                return () -> {
                    a.kmeansStep(points.d, d, centroids.d, labels, next.d, counts);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                Worst w = new Worst(who, point);
                double slack = 4.0 * (d + 3) * u(t);
                int[] count = new int[k];
                Sum[] sums = new Sum[k * d];
                double[] sumAbs = new double[k * d];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = new Sum();
                }
                for (int i = 0; i < n; i++) {
                    int label = labels[i];
                    if (label < 0 || label >= k) {
                        w.exact(false, "labels", i, Integer.toString(label), "a cluster in [0, " + k + ")");
                        continue;
                    }
                    double best = Double.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        best = Math.min(best, distance(i, c));
                    }
                    double mine = distance(i, label);
                    if (!(mine <= best * (1 + slack))) {
                        w.fail(best == 0 ? Double.POSITIVE_INFINITY : (mine - best) / (best * slack), String.format(Locale.ROOT,
                                "labels[%d] = %d at squared distance %s, but the nearest centroid is at %s (allowed %.3g relative)",
                                i, label, mine, best, slack));
                    }
                    count[label]++;
                    for (int j = 0; j < d; j++) {
                        sums[label * d + j].add(points.get(i * d + j));
                        sumAbs[label * d + j] += Math.abs(points.get(i * d + j));
                    }
                }
                for (int c = 0; c < k; c++) {
                    w.exact(counts[c] == count[c], "counts", c, Integer.toString(counts[c]), Integer.toString(count[c])
                            + " (points labelled " + c + ")");
                    for (int j = 0; j < d; j++) {
                        int at = c * d + j;
                        if (count[c] == 0) {
                            w.exact(next.bits(at) == centroids.bits(at), "newCentroids", at, Double.toString(next.get(at)),
                                    centroids.get(at) + " (an empty cluster keeps its centroid)");
                        } else {
                            double allowed = ((count[c] + 2) * u(t) + 4 * U64) * sumAbs[at] / count[c] * (1 + 1e-12);
                            w.near("newCentroids", at, next.get(at), sums[at].value() / count[c], allowed);
                        }
                    }
                }
                w.done();
            }

            private double distance(int i, int c) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = points.get(i * d + j) - centroids.get(c * d + j);
                    s += diff * diff;
                }
                return s;
            }
        };
    }
}
