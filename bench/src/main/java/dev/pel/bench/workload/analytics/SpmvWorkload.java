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
 * {@code Analytics.spmv}, CSR {@code y = A x}: a square matrix of {@code rows} rows with nnz nonzeros,
 * each nonzero in a uniformly drawn row (so row lengths vary, about nnz/rows on average) at a
 * uniformly drawn column (sorted within the row, repeats allowed), values and x uniform in [-1, 1).
 * Extents: (nnz, rows); the sweep's n is nnz over n/16 rows (at least 1). Tolerance per row of m
 * nonzeros (any order of the row's additions, fused or not): {@code (m + 2) u sum_j |a_ij x_j|}, plus 2
 * ulps of double for the compensated reference.
 */
final class SpmvWorkload extends AnalyticsWorkload {

    SpmvWorkload() {
        super(Catalogue.SPMV);
    }

    @Override
    public long[] extents(long n) {
        return new long[] {n, Math.max(1, n / 16), 1};
    }

    @Override
    String describe(long[] e) {
        return String.format(Locale.ROOT, "nnz %d, rows %d", e[0], e[1]);
    }

    @Override
    Instance prepareExtents(DType t, long[] e, long seed, String point) {
        int nnz = length("nnz", e[0]);
        int rows = length("rows", e[1]);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] rowPtr = new int[rows + 1];
        int[] rowOf = new int[nnz];
        for (int j = 0; j < nnz; j++) {
            rowOf[j] = rng.nextInt(rows);
            rowPtr[rowOf[j] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            rowPtr[r + 1] += rowPtr[r];
        }
        int[] col = new int[nnz];
        int[] fill = Arrays.copyOf(rowPtr, rows);
        for (int j = 0; j < nnz; j++) {
            col[fill[rowOf[j]]++] = rng.nextInt(rows);
        }
        rowOf = null;
        for (int r = 0; r < rows; r++) {
            Arrays.sort(col, rowPtr[r], rowPtr[r + 1]);
        }
        double[] a = new double[nnz];
        for (int j = 0; j < nnz; j++) {
            a[j] = rng.nextDouble(-1, 1);
        }
        double[] xv = new double[rows];
        for (int i = 0; i < rows; i++) {
            xv[i] = rng.nextDouble(-1, 1);
        }
        Vec values = Vec.of(t, a);
        Vec x = Vec.of(t, xv);
        Vec y = Vec.zeros(t, rows);
        return new Instance() {
            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics an = Analytics.on(runtime);
                y.fill(Double.NaN);
                if (x.f32()) {
                    return () -> {
                        an.spmv(rowPtr, col, values.f, x.f, y.f);
                        return 0;
                    };
                }
                return () -> {
                    an.spmv(rowPtr, col, values.d, x.d, y.d);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                Worst w = new Worst(who, point);
                double u = u(t);
                for (int r = 0; r < rows; r++) {
                    Sum s = new Sum();
                    double sumAbs = 0;
                    for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++) {
                        double p = values.get(j) * x.get(col[j]); // exact in double for f32 operands
                        s.add(p);
                        sumAbs += Math.abs(p);
                    }
                    int m = rowPtr[r + 1] - rowPtr[r];
                    w.near("y", r, y.get(r), s.value(), ((m + 2) * u + 4 * U64) * sumAbs * (1 + 1e-12));
                }
                w.done();
            }
        };
    }
}
