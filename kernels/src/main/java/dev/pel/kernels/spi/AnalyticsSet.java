package dev.pel.kernels.spi;

/**
 * The analytics kernels of one backend (scan, histogram, sort, CSR sparse matrix-vector product,
 * k-means step, softmax and log-sum-exp, transpose, compact, FFT) over heap arrays. The facade
 * ({@code dev.pel.kernels.Analytics}) validates every argument first: implementations assume valid
 * input, write only their outputs, and honour the semantics documented on the facade.
 */
public interface AnalyticsSet {
    // @twin-begin F64
    /** y = prefix sums of x (exclusive: y[0] = 0), in the canonical blocked order; y may be x. */
    void scan(int n, double[] x, double[] y, boolean exclusive, int threads);

    /**
     * Overwrites counts[0, bins) with the histogram of x: v is counted when {@code lo <= v <= hi}, in bin
     * {@code min(bins - 1, (int) ((v - lo) * scale))} computed in the element type.
     */
    void histogram(int n, double[] x, double lo, double hi, double scale, int bins, long[] counts, int threads);

    /**
     * Writes the stable sorting permutation of keys in the order of {@code dev.pel.kernels.analytics.SortKeys}:
     * {@code perm[i]} is the original index of the i-th key in order. {@code keys} is not changed.
     */
    void sortPermutation(int n, double[] keys, int[] perm, int threads);

    /** y[r] = sum over j in [rowPtr[r], rowPtr[r+1]) of val[j] * x[col[j]]. */
    void spmv(int rows, int[] rowPtr, int[] col, double[] val, double[] x, double[] y, int threads);

    /** One Lloyd step: labels, new centroids (empty clusters keep theirs) and counts. */
    void kmeans(int n, int d, int k, double[] points, double[] centroids, int[] labels, double[] newCentroids, int[] counts,
            int threads);

    /** y = softmax(x). */
    void softmax(int n, double[] x, double[] y, int threads);

    /** log(sum exp(x)). */
    double logSumExp(int n, double[] x, int threads);

    /** b (cols x rows) = transpose of a (rows x cols), both row-major. */
    void transpose(int rows, int cols, double[] a, double[] b, int threads);

    /** Writes the x with {@code x op t} to y[0, count) in order; returns count. */
    int compact(int n, double[] x, Compare op, double t, double[] y, int threads);

    /** Writes the indices i with {@code x[i] op t} to idx[0, count) in increasing order; returns count. */
    int compactIndices(int n, double[] x, Compare op, double t, int[] idx, int threads);

    /** In-place complex FFT of n (a power of two) interleaved points; the inverse is scaled by 1/n. */
    void fft(int n, double[] data, boolean inverse, int threads);
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** y = prefix sums of x (exclusive: y[0] = 0), in the canonical blocked order; y may be x. */
    void scan(int n, float[] x, float[] y, boolean exclusive, int threads);

    /**
     * Overwrites counts[0, bins) with the histogram of x: v is counted when {@code lo <= v <= hi}, in bin
     * {@code min(bins - 1, (int) ((v - lo) * scale))} computed in the element type.
     */
    void histogram(int n, float[] x, float lo, float hi, float scale, int bins, long[] counts, int threads);

    /**
     * Writes the stable sorting permutation of keys in the order of {@code dev.pel.kernels.analytics.SortKeys}:
     * {@code perm[i]} is the original index of the i-th key in order. {@code keys} is not changed.
     */
    void sortPermutation(int n, float[] keys, int[] perm, int threads);

    /** y[r] = sum over j in [rowPtr[r], rowPtr[r+1]) of val[j] * x[col[j]]. */
    void spmv(int rows, int[] rowPtr, int[] col, float[] val, float[] x, float[] y, int threads);

    /** One Lloyd step: labels, new centroids (empty clusters keep theirs) and counts. */
    void kmeans(int n, int d, int k, float[] points, float[] centroids, int[] labels, float[] newCentroids, int[] counts,
            int threads);

    /** y = softmax(x). */
    void softmax(int n, float[] x, float[] y, int threads);

    /** log(sum exp(x)). */
    float logSumExp(int n, float[] x, int threads);

    /** b (cols x rows) = transpose of a (rows x cols), both row-major. */
    void transpose(int rows, int cols, float[] a, float[] b, int threads);

    /** Writes the x with {@code x op t} to y[0, count) in order; returns count. */
    int compact(int n, float[] x, Compare op, float t, float[] y, int threads);

    /** Writes the indices i with {@code x[i] op t} to idx[0, count) in increasing order; returns count. */
    int compactIndices(int n, float[] x, Compare op, float t, int[] idx, int threads);

    /** In-place complex FFT of n (a power of two) interleaved points; the inverse is scaled by 1/n. */
    void fft(int n, float[] data, boolean inverse, int threads);
    // @twin-end
}
