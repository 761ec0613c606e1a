package dev.pel.kernels.analytics;

import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.spi.AnalyticsSet;
import dev.pel.kernels.spi.Compare;

/**
 * The {@code cpu-scalar} analytics kernels: plain loops, one thread, the reference the other
 * backends are tested against. The orders of operations here are the documented ones (scan: blocks
 * of {@link Blocking#BLOCK}; spmv, k-means, softmax sums: in index order).
 */
public final class ScalarAnalytics implements AnalyticsSet {
    public static final ScalarAnalytics INSTANCE = new ScalarAnalytics();
    static final int BLOCK = Blocking.BLOCK;

    private ScalarAnalytics() {
    }

    // @twin-begin F64
    @Override
    public void scan(int n, double[] x, double[] y, boolean exclusive, int threads) {
        double off = 0;
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int end = Math.min(n, b0 + BLOCK);
            off = off + scanBlock(x, y, b0, end, off, exclusive);
        }
    }

    /** The canonical block scan: a sequential local sum s; writes off + s; returns the block's total. */
    static double scanBlock(double[] x, double[] y, int lo, int hi, double off, boolean exclusive) {
        double s = 0;
        if (exclusive) {
            for (int i = lo; i < hi; i++) {
                double t = x[i];
                y[i] = off + s;
                s += t;
            }
        } else {
            for (int i = lo; i < hi; i++) {
                s += x[i];
                y[i] = off + s;
            }
        }
        return s;
    }

    @Override
    public void histogram(int n, double[] x, double lo, double hi, double scale, int bins, long[] counts, int threads) {
        java.util.Arrays.fill(counts, 0, bins, 0L);
        for (int i = 0; i < n; i++) {
            double v = x[i];
            if (v >= lo && v <= hi) {
                counts[binOf(v, lo, scale, bins)]++;
            }
        }
    }

    /** The bin of a counted value v (lo &lt;= v &lt;= hi): the formula every backend uses. */
    static int binOf(double v, double lo, double scale, int bins) {
        return Math.min(bins - 1, (int) ((v - lo) * scale));
    }

    @Override
    public void sortPermutation(int n, double[] keys, int[] perm, int threads) {
        long[] k = Scratch.KEYS.get(n);
        for (int i = 0; i < n; i++) {
            k[i] = SortKeys.key(keys[i]);
            perm[i] = i;
        }
        SortKeys.radixSort(n, k, perm);
    }

    @Override
    public void spmv(int rows, int[] rowPtr, int[] col, double[] val, double[] x, double[] y, int threads) {
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++) {
                s += val[j] * x[col[j]];
            }
            y[r] = s;
        }
    }

    @Override
    public void kmeans(int n, int d, int k, double[] points, double[] centroids, int[] labels, double[] newCentroids, int[] counts,
            int threads) {
        for (int i = 0; i < n; i++) {
            labels[i] = nearest(points, i * d, d, k, centroids);
        }
        double[] sums = new double[k * d];
        java.util.Arrays.fill(counts, 0, k, 0);
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            counts[c]++;
            for (int j = 0; j < d; j++) {
                sums[c * d + j] += points[i * d + j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                newCentroids[c * d + j] = counts[c] == 0 ? centroids[c * d + j] : sums[c * d + j] / counts[c];
            }
        }
    }

    /** The first centroid at the smallest squared distance (sum over dims in order); 0 when all are NaN. */
    static int nearest(double[] points, int at, int d, int k, double[] centroids) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = points[at + j] - centroids[c * d + j];
                s += t * t;
            }
            if (s < bestD) {
                bestD = s;
                best = c;
            }
        }
        return best;
    }

    @Override
    public void softmax(int n, double[] x, double[] y, int threads) {
        double m = max(n, x);
        if (!Double.isFinite(m)) {
            java.util.Arrays.fill(y, 0, n, Double.NaN);
            return;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) Math.exp(x[i] - m);
        }
        for (int i = 0; i < n; i++) {
            y[i] = (double) Math.exp(x[i] - m) / s;
        }
    }

    @Override
    public double logSumExp(int n, double[] x, int threads) {
        double m = max(n, x);
        if (!Double.isFinite(m)) {
            return m;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) Math.exp(x[i] - m);
        }
        return m + (double) Math.log(s);
    }

    /** Math.max over x (NaN propagates); -inf for n = 0. */
    static double max(int n, double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    @Override
    public void transpose(int rows, int cols, double[] a, double[] b, int threads) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                b[j * rows + i] = a[i * cols + j];
            }
        }
    }

    @Override
    public int compact(int n, double[] x, Compare op, double t, double[] y, int threads) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (op.test(x[i], t)) {
                y[c++] = x[i];
            }
        }
        return c;
    }

    @Override
    public int compactIndices(int n, double[] x, Compare op, double t, int[] idx, int threads) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (op.test(x[i], t)) {
                idx[c++] = i;
            }
        }
        return c;
    }

    @Override
    public void fft(int n, double[] data, boolean inverse, int threads) {
        double[] w = Twiddles.f64(n);
        double[] x = data;
        double[] y = Scratch.VALUES_F64.get(2 * n); // every stage writes all of [0, 2n)
        double sign = inverse ? -1 : 1;
        for (int len = n, s = 1; len >= 2; len >>= 1, s <<= 1) {
            int m = len / 2;
            for (int p = 0; p < m; p++) {
                double wr = w[2 * p * s];
                double wi = sign * w[2 * p * s + 1];
                for (int q = 0; q < s; q++) {
                    int ia = 2 * (q + s * p);
                    int ib = 2 * (q + s * (p + m));
                    int o0 = 2 * (q + s * 2 * p);
                    int o1 = o0 + 2 * s;
                    double ar = x[ia];
                    double ai = x[ia + 1];
                    double br = x[ib];
                    double bi = x[ib + 1];
                    y[o0] = ar + br;
                    y[o0 + 1] = ai + bi;
                    double dr = ar - br;
                    double di = ai - bi;
                    y[o1] = dr * wr - di * wi;
                    y[o1 + 1] = dr * wi + di * wr;
                }
            }
            double[] tmp = x;
            x = y;
            y = tmp;
        }
        if (x != data) {
            System.arraycopy(x, 0, data, 0, 2 * n);
        }
        if (inverse) {
            double f = (double) (1.0 / n);
            for (int i = 0; i < 2 * n; i++) {
                data[i] *= f;
            }
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    @Override
    public void scan(int n, float[] x, float[] y, boolean exclusive, int threads) {
        float off = 0;
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int end = Math.min(n, b0 + BLOCK);
            off = off + scanBlock(x, y, b0, end, off, exclusive);
        }
    }

    /** The canonical block scan: a sequential local sum s; writes off + s; returns the block's total. */
    static float scanBlock(float[] x, float[] y, int lo, int hi, float off, boolean exclusive) {
        float s = 0;
        if (exclusive) {
            for (int i = lo; i < hi; i++) {
                float t = x[i];
                y[i] = off + s;
                s += t;
            }
        } else {
            for (int i = lo; i < hi; i++) {
                s += x[i];
                y[i] = off + s;
            }
        }
        return s;
    }

    @Override
    public void histogram(int n, float[] x, float lo, float hi, float scale, int bins, long[] counts, int threads) {
        java.util.Arrays.fill(counts, 0, bins, 0L);
        for (int i = 0; i < n; i++) {
            float v = x[i];
            if (v >= lo && v <= hi) {
                counts[binOf(v, lo, scale, bins)]++;
            }
        }
    }

    /** The bin of a counted value v (lo &lt;= v &lt;= hi): the formula every backend uses. */
    static int binOf(float v, float lo, float scale, int bins) {
        return Math.min(bins - 1, (int) ((v - lo) * scale));
    }

    @Override
    public void sortPermutation(int n, float[] keys, int[] perm, int threads) {
        long[] k = Scratch.KEYS.get(n);
        for (int i = 0; i < n; i++) {
            k[i] = SortKeys.key(keys[i]);
            perm[i] = i;
        }
        SortKeys.radixSort(n, k, perm);
    }

    @Override
    public void spmv(int rows, int[] rowPtr, int[] col, float[] val, float[] x, float[] y, int threads) {
        for (int r = 0; r < rows; r++) {
            float s = 0;
            for (int j = rowPtr[r]; j < rowPtr[r + 1]; j++) {
                s += val[j] * x[col[j]];
            }
            y[r] = s;
        }
    }

    @Override
    public void kmeans(int n, int d, int k, float[] points, float[] centroids, int[] labels, float[] newCentroids, int[] counts,
            int threads) {
        for (int i = 0; i < n; i++) {
            labels[i] = nearest(points, i * d, d, k, centroids);
        }
        float[] sums = new float[k * d];
        java.util.Arrays.fill(counts, 0, k, 0);
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            counts[c]++;
            for (int j = 0; j < d; j++) {
                sums[c * d + j] += points[i * d + j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                newCentroids[c * d + j] = counts[c] == 0 ? centroids[c * d + j] : sums[c * d + j] / counts[c];
            }
        }
    }

    /** The first centroid at the smallest squared distance (sum over dims in order); 0 when all are NaN. */
    static int nearest(float[] points, int at, int d, int k, float[] centroids) {
        int best = 0;
        float bestD = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float s = 0;
            for (int j = 0; j < d; j++) {
                float t = points[at + j] - centroids[c * d + j];
                s += t * t;
            }
            if (s < bestD) {
                bestD = s;
                best = c;
            }
        }
        return best;
    }

    @Override
    public void softmax(int n, float[] x, float[] y, int threads) {
        float m = max(n, x);
        if (!Float.isFinite(m)) {
            java.util.Arrays.fill(y, 0, n, Float.NaN);
            return;
        }
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += (float) Math.exp(x[i] - m);
        }
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.exp(x[i] - m) / s;
        }
    }

    @Override
    public float logSumExp(int n, float[] x, int threads) {
        float m = max(n, x);
        if (!Float.isFinite(m)) {
            return m;
        }
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += (float) Math.exp(x[i] - m);
        }
        return m + (float) Math.log(s);
    }

    /** Math.max over x (NaN propagates); -inf for n = 0.f */
    static float max(int n, float[] x) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    @Override
    public void transpose(int rows, int cols, float[] a, float[] b, int threads) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                b[j * rows + i] = a[i * cols + j];
            }
        }
    }

    @Override
    public int compact(int n, float[] x, Compare op, float t, float[] y, int threads) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (op.test(x[i], t)) {
                y[c++] = x[i];
            }
        }
        return c;
    }

    @Override
    public int compactIndices(int n, float[] x, Compare op, float t, int[] idx, int threads) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (op.test(x[i], t)) {
                idx[c++] = i;
            }
        }
        return c;
    }

    @Override
    public void fft(int n, float[] data, boolean inverse, int threads) {
        float[] w = Twiddles.f32(n);
        float[] x = data;
        float[] y = Scratch.VALUES_F32.get(2 * n); // every stage writes all of [0, 2n)
        float sign = inverse ? -1 : 1;
        for (int len = n, s = 1; len >= 2; len >>= 1, s <<= 1) {
            int m = len / 2;
            for (int p = 0; p < m; p++) {
                float wr = w[2 * p * s];
                float wi = sign * w[2 * p * s + 1];
                for (int q = 0; q < s; q++) {
                    int ia = 2 * (q + s * p);
                    int ib = 2 * (q + s * (p + m));
                    int o0 = 2 * (q + s * 2 * p);
                    int o1 = o0 + 2 * s;
                    float ar = x[ia];
                    float ai = x[ia + 1];
                    float br = x[ib];
                    float bi = x[ib + 1];
                    y[o0] = ar + br;
                    y[o0 + 1] = ai + bi;
                    float dr = ar - br;
                    float di = ai - bi;
                    y[o1] = dr * wr - di * wi;
                    y[o1 + 1] = dr * wi + di * wr;
                }
            }
            float[] tmp = x;
            x = y;
            y = tmp;
        }
        if (x != data) {
            System.arraycopy(x, 0, data, 0, 2 * n);
        }
        if (inverse) {
            float f = (float) (1.0f / n);
            for (int i = 0; i < 2 * n; i++) {
                data[i] *= f;
            }
        }
    }
    // @twin-end
}
