package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Analytics;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.SplittableRandom;

/**
 * {@code Analytics.softmax} of n normal(0, 3) values into a separate y, and
 * {@code Analytics.logSumExp} of the same values (two workloads). Extents: (n). Tolerances (the
 * contract suite's): with m = max x, {@code x_i - m} rounds with an error of {@code u |x_i - m|}
 * (relative in exp), exp is within {@value #EXP_ULPS} ulps (OpenCL C's allowance; Java's is 1), the sum
 * of n positive terms in any order adds up to {@code n u} relative and the divide u: softmax's y_i is
 * within {@code (|x_i - m| + max|x - m| + 2 EXP_ULPS + n + 3) u} of the exact y_i, relative, and
 * log-sum-exp within {@code (max|x - m| + EXP_ULPS + n + 2) u + u |lse|}, absolute; plus the float64
 * reference's own error ({@code (|x_i - m| + 8)} ulps of double) and, for softmax, the smallest normal
 * number (absolute) for results that underflow. The n term dominates at large n in f32 (at n = 2^24 it
 * allows 100%): it is what a sum in the element type in any order can lose, which the kernels allow.
 */
final class SoftmaxWorkload extends AnalyticsWorkload {
    static final int EXP_ULPS = 3;
    private final boolean logSumExp;

    SoftmaxWorkload(boolean logSumExp) {
        super(logSumExp ? Catalogue.LOG_SUM_EXP : Catalogue.SOFTMAX);
        this.logSumExp = logSumExp;
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
            v[i] = 3 * rng.nextGaussian();
        }
        Vec x = Vec.of(t, v);
        Vec y = logSumExp ? null : Vec.zeros(t, n);
        return new Instance() {
            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics a = Analytics.on(runtime);
                if (logSumExp) {
                    return x.f32() ? () -> a.logSumExp(x.f) : () -> a.logSumExp(x.d);
                }
                y.fill(Double.NaN);
                if (x.f32()) {
                    return () -> {
                        a.softmax(x.f, y.f);
                        return 0;
                    };
                }
                return () -> {
                    a.softmax(x.d, y.d);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                double m = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    m = Math.max(m, x.get(i));
                }
                Sum s = new Sum();
                double maxDiff = 0;
                for (int i = 0; i < n; i++) {
                    s.add(Math.exp(x.get(i) - m));
                    maxDiff = Math.max(maxDiff, Math.abs(x.get(i) - m));
                }
                double sum = s.value();
                double u = u(t);
                Worst w = new Worst(who, point);
                if (logSumExp) {
                    double lse = m + Math.log(sum);
                    double allowed = (maxDiff + EXP_ULPS + n + 2) * u + u * Math.abs(lse) + (maxDiff + 8 + Math.abs(lse)) * U64;
                    w.near("logSumExp", 0, result, lse, allowed);
                } else {
                    double tiny = x.f32() ? Float.MIN_NORMAL : Double.MIN_NORMAL;
                    for (int i = 0; i < n; i++) {
                        double diff = Math.abs(x.get(i) - m);
                        double exact = Math.exp(x.get(i) - m) / sum;
                        double rel = (diff + maxDiff + 2 * EXP_ULPS + n + 3) * u + (diff + 8) * U64;
                        w.near("y", i, y.get(i), exact, rel * exact + tiny);
                    }
                }
                w.done();
            }
        };
    }
}
