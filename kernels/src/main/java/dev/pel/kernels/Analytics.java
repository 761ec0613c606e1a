package dev.pel.kernels;

import static dev.pel.kernels.Catalogue.COMPACT;
import static dev.pel.kernels.Catalogue.COMPACT_INDEX;
import static dev.pel.kernels.Catalogue.FFT;
import static dev.pel.kernels.Catalogue.HISTOGRAM;
import static dev.pel.kernels.Catalogue.KMEANS;
import static dev.pel.kernels.Catalogue.LOG_SUM_EXP;
import static dev.pel.kernels.Catalogue.SCAN_EXCLUSIVE;
import static dev.pel.kernels.Catalogue.SCAN_INCLUSIVE;
import static dev.pel.kernels.Catalogue.SOFTMAX;
import static dev.pel.kernels.Catalogue.SORT;
import static dev.pel.kernels.Catalogue.SPMV;
import static dev.pel.kernels.Catalogue.TRANSPOSE;

import dev.pel.kernels.analytics.AnalyticsFamily;
import dev.pel.kernels.analytics.Scratch;
import dev.pel.kernels.spi.AnalyticsSet;
import dev.pel.kernels.spi.Compare;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.Placement;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;

/**
 * Analytics kernels over heap arrays, float and double: prefix scans, histograms, stable sorts,
 * CSR sparse matrix-vector products, k-means steps, softmax and log-sum-exp, transposes, compaction
 * by a comparison, and complex FFTs. Each runs on {@code cpu-scalar}, {@code cpu-simd} and
 * {@code opencl} with the semantics below.
 *
 * <ul>
 *   <li><b>Scan</b> ({@link #inclusiveScan}, {@link #exclusiveScan}): sums in one canonical order on
 *       every backend: blocks of 4096 elements from the start, each summed left to right (s), block
 *       totals accumulated left to right (off), and {@code y[i] = off + s}. Results are therefore the
 *       same bits on every backend and thread count. {@code y} may be {@code x} (in place).</li>
 *   <li><b>Histogram</b>: v is counted when {@code lo <= v <= hi}; values outside the range and NaN are
 *       not counted (compare the total with the length). The bin is
 *       {@code min(bins - 1, (int) ((v - lo) * scale))} in the element type with
 *       {@code scale = bins / (hi - lo)} computed in double and rounded to the element type: bins are
 *       half-open {@code [edge_i, edge_i+1)} except the last, which includes hi.</li>
 *   <li><b>Sort</b>: stable, in the order of {@link Double#compare} / {@link Float#compare} (as
 *       {@link java.util.Arrays#sort(double[])}): -inf, negatives, -0.0, 0.0, positives, +inf, then every
 *       NaN in input order with its bits kept. Key-value forms move the values with their keys; equal
 *       keys keep their input order. {@link #sortPermutation} gives the permutation itself.</li>
 *   <li><b>spmv</b> (CSR): {@code y[r] = sum val[j] * x[col[j]]} over {@code j in [rowPtr[r], rowPtr[r+1])};
 *       row pointers must start at 0, never decrease and end at nnz; every column index must be in
 *       {@code [0, x.length)} (checked up front, O(nnz)). The order of a row's additions may differ by
 *       backend.</li>
 *   <li><b>k-means step</b>: points n x d and centroids k x d row-major; each point gets the first
 *       centroid at the smallest squared Euclidean distance (a point whose distances are all NaN gets
 *       0); each new centroid is the mean of its points; an <b>empty cluster keeps its previous
 *       centroid</b> (its count is 0, so callers can reseed it).</li>
 *   <li><b>Softmax / log-sum-exp</b>: stable: {@code m = max x}, {@code y = exp(x - m) / sum exp(x - m)},
 *       {@code lse = m + log(sum exp(x - m))}. If m is not finite (a NaN, +inf, or every element -inf)
 *       softmax writes NaN everywhere and log-sum-exp returns m; log-sum-exp of no elements is -inf.</li>
 *   <li><b>Transpose</b>: {@code b[j*rows + i] = a[i*cols + j]}, out of place, any shape.</li>
 *   <li><b>Compact</b>: writes the elements with {@code x OP t} ({@link Compare}, IEEE comparisons: NaN
 *       passes only {@code NE}) to {@code y[0, count)} in input order, returns count, leaves the rest
 *       of y unchanged. y needs room for every element ({@code y.length >= x.length}) and must not be
 *       x. {@link #compactIndices} writes the kept elements' indices instead.</li>
 *   <li><b>FFT</b>: in place over n complex numbers interleaved {@code (re, im)} in an array of 2n, n a
 *       power of two. Forward {@code X_k = sum_j x_j exp(-2 pi i jk/n)}; inverse with {@code +i} and
 *       scaled by 1/n, so {@code ifft(fft(x)) = x}. Radix-2 Stockham with twiddles computed in double
 *       and rounded once; every backend does the same operations, so results are the same bits.</li>
 * </ul>
 *
 * <p>Operands are heap arrays. Off-heap {@code FloatArray}/{@code DoubleArray} overloads exist for the
 * vector kernels (scan, histogram, sort of keys, k-means points, softmax, log-sum-exp, compact, FFT):
 * they are staged through heap copies, one extra pass in and one out, so data resident on a device
 * comes back to the host first.
 *
 * <p>Bad arguments throw before anything is written: {@link NullPointerException},
 * {@link IllegalArgumentException} or {@link IndexOutOfBoundsException} naming the argument and its
 * value.
 */
public final class Analytics extends Facade<AnalyticsSet> {
    private static final Analytics DEFAULT = new Analytics(null);

    private Analytics(PelRuntime runtime) {
        super(runtime, AnalyticsFamily.ANALYTICS);
    }

    /** Analytics on the process-wide default runtime. */
    public static Analytics get() {
        return DEFAULT;
    }

    /** Analytics on a given runtime (for example one that forces a backend). */
    public static Analytics on(PelRuntime runtime) {
        return new Analytics(Check.notNull("runtime", runtime));
    }

    private static void sameLengthOrSame(String yName, int yLength, String xName, int xLength) {
        Check.sameLength(yName, yLength, xName, xLength);
    }

    private static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    private static void permute(int[] perm, int[] values) {
        int n = values.length;
        int[] v = Scratch.PERM_SWAP.get(n); // the kernel has returned: its roles are free
        System.arraycopy(values, 0, v, 0, n);
        for (int i = 0; i < n; i++) {
            values[i] = v[perm[i]];
        }
    }

    private static void permute(int[] perm, long[] values) {
        int n = values.length;
        long[] v = Scratch.KEYS.get(n);
        System.arraycopy(values, 0, v, 0, n);
        for (int i = 0; i < n; i++) {
            values[i] = v[perm[i]];
        }
    }

    /** Validates CSR structure: rowPtr of rows + 1 entries from 0 to nnz, non-decreasing; columns in [0, cols). */
    private static void checkCsr(int[] rowPtr, int[] col, int valLength, int cols) {
        Check.notNull("rowPtr", rowPtr);
        Check.notNull("colIdx", col);
        if (rowPtr.length < 1) {
            throw new IllegalArgumentException("rowPtr: must have rows + 1 >= 1 entries, has 0");
        }
        if (rowPtr[0] != 0) {
            throw new IllegalArgumentException("rowPtr: rowPtr[0] must be 0, was " + rowPtr[0]);
        }
        int rows = rowPtr.length - 1;
        for (int r = 0; r < rows; r++) {
            if (rowPtr[r + 1] < rowPtr[r]) {
                throw new IllegalArgumentException("rowPtr: decreases at row " + r + ": rowPtr[" + r + "] = " + rowPtr[r] + " > rowPtr["
                        + (r + 1) + "] = " + rowPtr[r + 1]);
            }
        }
        int nnz = rowPtr[rows];
        if (nnz > col.length) {
            throw new IndexOutOfBoundsException("colIdx: rowPtr[" + rows + "] = " + nnz + " nonzeros but colIdx has length " + col.length);
        }
        if (nnz > valLength) {
            throw new IndexOutOfBoundsException("values: rowPtr[" + rows + "] = " + nnz + " nonzeros but values has length " + valLength);
        }
        for (int j = 0; j < nnz; j++) {
            if (col[j] < 0 || col[j] >= cols) {
                throw new IndexOutOfBoundsException("colIdx: colIdx[" + j + "] = " + col[j] + " is outside [0, " + cols + ") (x length)");
            }
        }
    }

    private static void checkKmeans(int n, int d, int k, int pointsLength, int centroidsLength, int[] labels, int newLength,
            int[] counts) {
        if (d < 1) {
            throw new IllegalArgumentException("dims: must be >= 1, was " + d);
        }
        if (k < 1) {
            throw new IllegalArgumentException("centroids: must hold at least one centroid of " + d + " dims, has length "
                    + centroidsLength);
        }
        if (pointsLength % d != 0) {
            throw new IllegalArgumentException("points: length " + pointsLength + " is not a multiple of dims " + d);
        }
        if (centroidsLength % d != 0) {
            throw new IllegalArgumentException("centroids: length " + centroidsLength + " is not a multiple of dims " + d);
        }
        Check.notNull("labels", labels);
        Check.notNull("counts", counts);
        Check.sameLength("labels", labels.length, "points / dims", n);
        Check.sameLength("newCentroids", newLength, "centroids", centroidsLength);
        Check.sameLength("counts", counts.length, "centroids / dims", k);
    }

    // @twin-begin F64
    /** {@code y[i] = x[0] + ... + x[i]} (canonical blocked order); y may be x. */
    public void inclusiveScan(double[] x, double[] y) {
        scanF64(x, y, false);
    }

    /** {@code y[0] = 0, y[i] = x[0] + ... + x[i-1]} (canonical blocked order); y may be x. */
    public void exclusiveScan(double[] x, double[] y) {
        scanF64(x, y, true);
    }

    private void scanF64(double[] x, double[] y, boolean exclusive) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        sameLengthOrSame("y", y.length, "x", x.length);
        int n = x.length;
        run(exclusive ? SCAN_EXCLUSIVE : SCAN_INCLUSIVE, DType.F64, n, Placement.HEAP, (k, t) -> k.scan(n, x, y, exclusive, t));
    }

    /** A new histogram of x over [lo, hi] in {@code bins} bins; values outside and NaN are not counted. */
    public long[] histogram(double[] x, double lo, double hi, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins: must be >= 1, was " + bins);
        }
        long[] counts = new long[bins];
        histogram(x, lo, hi, counts);
        return counts;
    }

    /** Overwrites counts with the histogram of x over [lo, hi] in {@code counts.length} bins. */
    public void histogram(double[] x, double lo, double hi, long[] counts) {
        Check.notNull("x", x);
        Check.notNull("counts", counts);
        int bins = counts.length;
        if (bins < 1) {
            throw new IllegalArgumentException("counts: must have at least one bin, has length 0");
        }
        if (!Double.isFinite(lo)) {
            throw new IllegalArgumentException("lo: must be finite, was " + lo);
        }
        if (!Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("hi: must be finite and > lo = " + lo + ", was " + hi);
        }
        if (!Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("hi: hi - lo overflows, hi = " + hi + ", lo = " + lo);
        }
        double scale = (double) ((/*wide*/double) bins / ((/*wide*/double) hi - lo));
        if (!Double.isFinite(scale) || !(scale > 0)) {
            throw new IllegalArgumentException("bins: bins / (hi - lo) = " + scale + " is not a finite positive number (bins = " + bins
                    + ", lo = " + lo + ", hi = " + hi + ")");
        }
        int n = x.length;
        run(HISTOGRAM, DType.F64, n, Placement.HEAP, (k, t) -> k.histogram(n, x, lo, hi, scale, bins, counts, t));
    }

    /** Writes the stable sorting permutation of keys to perm ({@code perm[i]}: original index of the i-th in order). */
    public void sortPermutation(double[] keys, int[] perm) {
        Check.notNull("keys", keys);
        Check.notNull("perm", perm);
        Check.sameLength("perm", perm.length, "keys", keys.length);
        int n = keys.length;
        run(SORT, DType.F64, n, Placement.HEAP, (k, t) -> k.sortPermutation(n, keys, perm, t));
    }

    /** The sorting permutation, in this thread's {@link Scratch#PERMUTATION} (longer than n, perhaps). */
    private int[] permutationF64(double[] keys) {
        int n = keys.length;
        int[] perm = Scratch.PERMUTATION.get(n);
        run(SORT, DType.F64, n, Placement.HEAP, (k, t) -> k.sortPermutation(n, keys, perm, t));
        return perm;
    }

    private static void permute(int[] perm, double[] keys) {
        int n = keys.length;
        double[] v = Scratch.VALUES_F64.get(n);
        System.arraycopy(keys, 0, v, 0, n);
        for (int i = 0; i < n; i++) {
            keys[i] = v[perm[i]];
        }
    }

    /** Sorts keys in place (stable, total order of Double.compare). */
    public void sort(double[] keys) {
        Check.notNull("keys", keys);
        permute(permutationF64(keys), keys);
    }

    /** Sorts keys in place and moves values with them (stable). */
    public void sort(double[] keys, int[] values) {
        Check.notNull("keys", keys);
        Check.notNull("values", values);
        Check.sameLength("values", values.length, "keys", keys.length);
        int[] perm = permutationF64(keys);
        permute(perm, keys);
        permute(perm, values);
    }

    /** Sorts keys in place and moves values with them (stable). */
    public void sort(double[] keys, long[] values) {
        Check.notNull("keys", keys);
        Check.notNull("values", values);
        Check.sameLength("values", values.length, "keys", keys.length);
        int[] perm = permutationF64(keys);
        permute(perm, keys);
        permute(perm, values);
    }

    /**
     * {@code y = A x} for A in CSR form: {@code rows = rowPtr.length - 1}, nonzeros {@code values[j]} at
     * column {@code colIdx[j]} for j in {@code [rowPtr[r], rowPtr[r+1])}; {@code x.length} is the column count.
     */
    public void spmv(int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] y) {
        Check.notNull("values", values);
        Check.notNull("x", x);
        Check.notNull("y", y);
        checkCsr(rowPtr, colIdx, values.length, x.length);
        int rows = rowPtr.length - 1;
        Check.sameLength("y", y.length, "rowPtr.length - 1", rows);
        if (y == x) {
            throw new IllegalArgumentException("y: must not be the same array as x");
        }
        int nnz = rowPtr[rows];
        run(SPMV, DType.F64, nnz, Placement.HEAP, (k, t) -> k.spmv(rows, rowPtr, colIdx, values, x, y, t));
    }

    /**
     * One k-means (Lloyd) step over points (n x dims, row-major) and centroids (k x dims): writes each
     * point's label, the new centroids (the mean of each cluster; an empty cluster keeps its centroid)
     * and each cluster's count.
     */
    public void kmeansStep(double[] points, int dims, double[] centroids, int[] labels, double[] newCentroids, int[] counts) {
        Check.notNull("points", points);
        Check.notNull("centroids", centroids);
        Check.notNull("newCentroids", newCentroids);
        if (dims < 1) {
            throw new IllegalArgumentException("dims: must be >= 1, was " + dims);
        }
        int n = points.length / dims;
        int k = centroids.length / dims;
        checkKmeans(n, dims, k, points.length, centroids.length, labels, newCentroids.length, counts);
        if (newCentroids == centroids) {
            throw new IllegalArgumentException("newCentroids: must not be the same array as centroids");
        }
        run(KMEANS, DType.F64, n, k, dims, Placement.HEAP, (s, t) -> s.kmeans(n, dims, k, points, centroids, labels, newCentroids,
                counts, t));
    }

    /** {@code y = softmax(x)}, numerically stable; y may be x. */
    public void softmax(double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        int n = x.length;
        run(SOFTMAX, DType.F64, n, Placement.HEAP, (k, t) -> k.softmax(n, x, y, t));
    }

    /** {@code log(sum exp(x))}, numerically stable; -inf for an empty x. */
    public double logSumExp(double[] x) {
        Check.notNull("x", x);
        int n = x.length;
        return (double) reduce(LOG_SUM_EXP, DType.F64, n, Placement.HEAP, (k, t) -> k.logSumExp(n, x, t));
    }

    /** {@code b = a^T}: a is rows x cols row-major, b is cols x rows row-major. */
    public void transpose(double[] a, int rows, int cols, double[] b) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.count("rows", rows);
        Check.count("cols", cols);
        if ((long) rows * cols != a.length) {
            throw new IllegalArgumentException("a: length " + a.length + " != rows " + rows + " x cols " + cols);
        }
        Check.sameLength("b", b.length, "a", a.length);
        if (a == b && a.length > 1) {
            throw new IllegalArgumentException("b: must not be the same array as a (out of place)");
        }
        run(TRANSPOSE, DType.F64, rows, cols, 1, Placement.HEAP, (k, t) -> k.transpose(rows, cols, a, b, t));
    }

    /** Writes the x with {@code x op t} to y[0, count) in order; returns count. y needs x.length room. */
    public int compact(double[] x, Compare op, double t, double[] y) {
        Check.notNull("x", x);
        Check.notNull("op", op);
        Check.notNull("y", y);
        if (y.length < x.length) {
            throw new IllegalArgumentException("y: length " + y.length + " < x length " + x.length + " (room for every element)");
        }
        if (y == x && x.length > 0) {
            throw new IllegalArgumentException("y: must not be the same array as x");
        }
        int n = x.length;
        return (int) reduceIndex(COMPACT, DType.F64, n, Placement.HEAP, (k, th) -> k.compact(n, x, op, t, y, th));
    }

    /**
     * Writes the indices i with {@code x[i] op t} to indices[0, count) in increasing order and returns
     * count; the rest of indices is unchanged. indices needs x.length room.
     */
    public int compactIndices(double[] x, Compare op, double t, int[] indices) {
        Check.notNull("x", x);
        Check.notNull("op", op);
        Check.notNull("indices", indices);
        if (indices.length < x.length) {
            throw new IllegalArgumentException("indices: length " + indices.length + " < x length " + x.length
                    + " (room for every element)");
        }
        int n = x.length;
        return (int) reduceIndex(COMPACT_INDEX, DType.F64, n, Placement.HEAP, (k, th) -> k.compactIndices(n, x, op, t, indices, th));
    }

    /** In-place forward FFT of {@code data.length / 2} complex numbers interleaved (re, im); a power of two. */
    public void fft(double[] data) {
        fftF64(data, false);
    }

    /** In-place inverse FFT (with the 1/n scaling) of {@code data.length / 2} interleaved complex numbers. */
    public void ifft(double[] data) {
        fftF64(data, true);
    }

    private void fftF64(double[] data, boolean inverse) {
        Check.notNull("data", data);
        if (data.length % 2 != 0) {
            throw new IllegalArgumentException("data: length " + data.length + " is odd; complex numbers are interleaved (re, im)");
        }
        int n = data.length / 2;
        if (n > 0 && !isPowerOfTwo(n)) {
            throw new IllegalArgumentException("data: " + n + " complex points is not a power of two (length " + data.length + ")");
        }
        if (n <= 1) {
            return;
        }
        run(FFT, DType.F64, n, Placement.HEAP, (k, t) -> k.fft(n, data, inverse, t));
    }

    // ---- Off-heap operands: staged through heap copies (one extra pass in and out) ---------------------

    /** A heap copy of an open off-heap array that fits in a Java array. */
    private static double[] staged(String name, DoubleArray a) {
        Check.open(name, a);
        if (a.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": length " + a.length() + " exceeds a Java array, the analytics kernels' limit");
        }
        return a.toArray();
    }

    /** {@link #inclusiveScan(double[], double[])} of off-heap arrays (staged through heap copies); y may be x. */
    public void inclusiveScan(DoubleArray x, DoubleArray y) {
        Check.open("y", y);
        Check.open("x", x);
        Check.sameLength("y", y.length(), "x", x.length());
        double[] hx = staged("x", x);
        inclusiveScan(hx, hx);
        y.copyFrom(hx);
    }

    /** {@link #exclusiveScan(double[], double[])} of off-heap arrays (staged through heap copies); y may be x. */
    public void exclusiveScan(DoubleArray x, DoubleArray y) {
        Check.open("y", y);
        Check.open("x", x);
        Check.sameLength("y", y.length(), "x", x.length());
        double[] hx = staged("x", x);
        exclusiveScan(hx, hx);
        y.copyFrom(hx);
    }

    /** {@link #histogram(double[], double, double, int)} of an off-heap array (staged through a heap copy). */
    public long[] histogram(DoubleArray x, double lo, double hi, int bins) {
        Check.open("x", x);
        if (bins < 1) {
            throw new IllegalArgumentException("bins: must be >= 1, was " + bins);
        }
        long[] counts = new long[bins];
        histogram(x, lo, hi, counts);
        return counts;
    }

    /** {@link #histogram(double[], double, double, long[])} of an off-heap array (staged through a heap copy). */
    public void histogram(DoubleArray x, double lo, double hi, long[] counts) {
        Check.open("x", x);
        Check.notNull("counts", counts);
        histogram(staged("x", x), lo, hi, counts);
    }

    /** Sorts an off-heap array in place (staged through a heap copy). */
    public void sort(DoubleArray keys) {
        double[] h = staged("keys", keys);
        sort(h);
        keys.copyFrom(h);
    }

    /** {@link #kmeansStep(double[], int, double[], int[], double[], int[])} over off-heap points (staged through a heap copy). */
    public void kmeansStep(DoubleArray points, int dims, double[] centroids, int[] labels, double[] newCentroids, int[] counts) {
        kmeansStep(staged("points", points), dims, centroids, labels, newCentroids, counts);
    }

    /** {@link #softmax(double[], double[])} of off-heap arrays (staged through heap copies); y may be x. */
    public void softmax(DoubleArray x, DoubleArray y) {
        Check.open("y", y);
        Check.open("x", x);
        Check.sameLength("y", y.length(), "x", x.length());
        double[] hx = staged("x", x);
        softmax(hx, hx);
        y.copyFrom(hx);
    }

    /** {@link #logSumExp(double[])} of an off-heap array (staged through a heap copy). */
    public double logSumExp(DoubleArray x) {
        return logSumExp(staged("x", x));
    }

    /** {@link #compact(double[], Compare, double, double[])} of off-heap arrays (staged); writes only y[0, count). */
    public int compact(DoubleArray x, Compare op, double t, DoubleArray y) {
        Check.open("x", x);
        Check.notNull("op", op);
        Check.open("y", y);
        if (y.length() < x.length()) {
            throw new IllegalArgumentException("y: length " + y.length() + " < x length " + x.length() + " (room for every element)");
        }
        double[] hx = staged("x", x);
        double[] hy = new double[hx.length];
        int count = compact(hx, op, t, hy);
        if (count > 0) {
            y.view(0, count).copyFrom(java.util.Arrays.copyOf(hy, count));
        }
        return count;
    }

    /** In-place forward FFT of an off-heap interleaved array (staged through a heap copy). */
    public void fft(DoubleArray data) {
        double[] h = staged("data", data);
        fft(h);
        data.copyFrom(h);
    }

    /** In-place inverse FFT of an off-heap interleaved array (staged through a heap copy). */
    public void ifft(DoubleArray data) {
        double[] h = staged("data", data);
        ifft(h);
        data.copyFrom(h);
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** {@code y[i] = x[0] + ... + x[i]} (canonical blocked order); y may be x. */
    public void inclusiveScan(float[] x, float[] y) {
        scanF32(x, y, false);
    }

    /** {@code y[0] = 0, y[i] = x[0] + ... + x[i-1]} (canonical blocked order); y may be x. */
    public void exclusiveScan(float[] x, float[] y) {
        scanF32(x, y, true);
    }

    private void scanF32(float[] x, float[] y, boolean exclusive) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        sameLengthOrSame("y", y.length, "x", x.length);
        int n = x.length;
        run(exclusive ? SCAN_EXCLUSIVE : SCAN_INCLUSIVE, DType.F32, n, Placement.HEAP, (k, t) -> k.scan(n, x, y, exclusive, t));
    }

    /** A new histogram of x over [lo, hi] in {@code bins} bins; values outside and NaN are not counted. */
    public long[] histogram(float[] x, float lo, float hi, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins: must be >= 1, was " + bins);
        }
        long[] counts = new long[bins];
        histogram(x, lo, hi, counts);
        return counts;
    }

    /** Overwrites counts with the histogram of x over [lo, hi] in {@code counts.length} bins. */
    public void histogram(float[] x, float lo, float hi, long[] counts) {
        Check.notNull("x", x);
        Check.notNull("counts", counts);
        int bins = counts.length;
        if (bins < 1) {
            throw new IllegalArgumentException("counts: must have at least one bin, has length 0");
        }
        if (!Float.isFinite(lo)) {
            throw new IllegalArgumentException("lo: must be finite, was " + lo);
        }
        if (!Float.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("hi: must be finite and > lo = " + lo + ", was " + hi);
        }
        if (!Float.isFinite(hi - lo)) {
            throw new IllegalArgumentException("hi: hi - lo overflows, hi = " + hi + ", lo = " + lo);
        }
        float scale = (float) ((/*wide*/double) bins / ((/*wide*/double) hi - lo));
        if (!Float.isFinite(scale) || !(scale > 0)) {
            throw new IllegalArgumentException("bins: bins / (hi - lo) = " + scale + " is not a finite positive number (bins = " + bins
                    + ", lo = " + lo + ", hi = " + hi + ")");
        }
        int n = x.length;
        run(HISTOGRAM, DType.F32, n, Placement.HEAP, (k, t) -> k.histogram(n, x, lo, hi, scale, bins, counts, t));
    }

    /** Writes the stable sorting permutation of keys to perm ({@code perm[i]}: original index of the i-th in order). */
    public void sortPermutation(float[] keys, int[] perm) {
        Check.notNull("keys", keys);
        Check.notNull("perm", perm);
        Check.sameLength("perm", perm.length, "keys", keys.length);
        int n = keys.length;
        run(SORT, DType.F32, n, Placement.HEAP, (k, t) -> k.sortPermutation(n, keys, perm, t));
    }

    /** The sorting permutation, in this thread's {@link Scratch#PERMUTATION} (longer than n, perhaps). */
    private int[] permutationF32(float[] keys) {
        int n = keys.length;
        int[] perm = Scratch.PERMUTATION.get(n);
        run(SORT, DType.F32, n, Placement.HEAP, (k, t) -> k.sortPermutation(n, keys, perm, t));
        return perm;
    }

    private static void permute(int[] perm, float[] keys) {
        int n = keys.length;
        float[] v = Scratch.VALUES_F32.get(n);
        System.arraycopy(keys, 0, v, 0, n);
        for (int i = 0; i < n; i++) {
            keys[i] = v[perm[i]];
        }
    }

    /** Sorts keys in place (stable, total order of Float.compare). */
    public void sort(float[] keys) {
        Check.notNull("keys", keys);
        permute(permutationF32(keys), keys);
    }

    /** Sorts keys in place and moves values with them (stable). */
    public void sort(float[] keys, int[] values) {
        Check.notNull("keys", keys);
        Check.notNull("values", values);
        Check.sameLength("values", values.length, "keys", keys.length);
        int[] perm = permutationF32(keys);
        permute(perm, keys);
        permute(perm, values);
    }

    /** Sorts keys in place and moves values with them (stable). */
    public void sort(float[] keys, long[] values) {
        Check.notNull("keys", keys);
        Check.notNull("values", values);
        Check.sameLength("values", values.length, "keys", keys.length);
        int[] perm = permutationF32(keys);
        permute(perm, keys);
        permute(perm, values);
    }

    /**
     * {@code y = A x} for A in CSR form: {@code rows = rowPtr.length - 1}, nonzeros {@code values[j]} at
     * column {@code colIdx[j]} for j in {@code [rowPtr[r], rowPtr[r+1])}; {@code x.length} is the column count.
     */
    public void spmv(int[] rowPtr, int[] colIdx, float[] values, float[] x, float[] y) {
        Check.notNull("values", values);
        Check.notNull("x", x);
        Check.notNull("y", y);
        checkCsr(rowPtr, colIdx, values.length, x.length);
        int rows = rowPtr.length - 1;
        Check.sameLength("y", y.length, "rowPtr.length - 1", rows);
        if (y == x) {
            throw new IllegalArgumentException("y: must not be the same array as x");
        }
        int nnz = rowPtr[rows];
        run(SPMV, DType.F32, nnz, Placement.HEAP, (k, t) -> k.spmv(rows, rowPtr, colIdx, values, x, y, t));
    }

    /**
     * One k-means (Lloyd) step over points (n x dims, row-major) and centroids (k x dims): writes each
     * point's label, the new centroids (the mean of each cluster; an empty cluster keeps its centroid)
     * and each cluster's count.
     */
    public void kmeansStep(float[] points, int dims, float[] centroids, int[] labels, float[] newCentroids, int[] counts) {
        Check.notNull("points", points);
        Check.notNull("centroids", centroids);
        Check.notNull("newCentroids", newCentroids);
        if (dims < 1) {
            throw new IllegalArgumentException("dims: must be >= 1, was " + dims);
        }
        int n = points.length / dims;
        int k = centroids.length / dims;
        checkKmeans(n, dims, k, points.length, centroids.length, labels, newCentroids.length, counts);
        if (newCentroids == centroids) {
            throw new IllegalArgumentException("newCentroids: must not be the same array as centroids");
        }
        run(KMEANS, DType.F32, n, k, dims, Placement.HEAP, (s, t) -> s.kmeans(n, dims, k, points, centroids, labels, newCentroids,
                counts, t));
    }

    /** {@code y = softmax(x)}, numerically stable; y may be x. */
    public void softmax(float[] x, float[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        int n = x.length;
        run(SOFTMAX, DType.F32, n, Placement.HEAP, (k, t) -> k.softmax(n, x, y, t));
    }

    /** {@code log(sum exp(x))}, numerically stable; -inf for an empty x. */
    public float logSumExp(float[] x) {
        Check.notNull("x", x);
        int n = x.length;
        return (float) reduce(LOG_SUM_EXP, DType.F32, n, Placement.HEAP, (k, t) -> k.logSumExp(n, x, t));
    }

    /** {@code b = a^T}: a is rows x cols row-major, b is cols x rows row-major. */
    public void transpose(float[] a, int rows, int cols, float[] b) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.count("rows", rows);
        Check.count("cols", cols);
        if ((long) rows * cols != a.length) {
            throw new IllegalArgumentException("a: length " + a.length + " != rows " + rows + " x cols " + cols);
        }
        Check.sameLength("b", b.length, "a", a.length);
        if (a == b && a.length > 1) {
            throw new IllegalArgumentException("b: must not be the same array as a (out of place)");
        }
        run(TRANSPOSE, DType.F32, rows, cols, 1, Placement.HEAP, (k, t) -> k.transpose(rows, cols, a, b, t));
    }

    /** Writes the x with {@code x op t} to y[0, count) in order; returns count. y needs x.length room. */
    public int compact(float[] x, Compare op, float t, float[] y) {
        Check.notNull("x", x);
        Check.notNull("op", op);
        Check.notNull("y", y);
        if (y.length < x.length) {
            throw new IllegalArgumentException("y: length " + y.length + " < x length " + x.length + " (room for every element)");
        }
        if (y == x && x.length > 0) {
            throw new IllegalArgumentException("y: must not be the same array as x");
        }
        int n = x.length;
        return (int) reduceIndex(COMPACT, DType.F32, n, Placement.HEAP, (k, th) -> k.compact(n, x, op, t, y, th));
    }

    /**
     * Writes the indices i with {@code x[i] op t} to indices[0, count) in increasing order and returns
     * count; the rest of indices is unchanged. indices needs x.length room.
     */
    public int compactIndices(float[] x, Compare op, float t, int[] indices) {
        Check.notNull("x", x);
        Check.notNull("op", op);
        Check.notNull("indices", indices);
        if (indices.length < x.length) {
            throw new IllegalArgumentException("indices: length " + indices.length + " < x length " + x.length
                    + " (room for every element)");
        }
        int n = x.length;
        return (int) reduceIndex(COMPACT_INDEX, DType.F32, n, Placement.HEAP, (k, th) -> k.compactIndices(n, x, op, t, indices, th));
    }

    /** In-place forward FFT of {@code data.length / 2} complex numbers interleaved (re, im); a power of two. */
    public void fft(float[] data) {
        fftF32(data, false);
    }

    /** In-place inverse FFT (with the 1/n scaling) of {@code data.length / 2} interleaved complex numbers. */
    public void ifft(float[] data) {
        fftF32(data, true);
    }

    private void fftF32(float[] data, boolean inverse) {
        Check.notNull("data", data);
        if (data.length % 2 != 0) {
            throw new IllegalArgumentException("data: length " + data.length + " is odd; complex numbers are interleaved (re, im)");
        }
        int n = data.length / 2;
        if (n > 0 && !isPowerOfTwo(n)) {
            throw new IllegalArgumentException("data: " + n + " complex points is not a power of two (length " + data.length + ")");
        }
        if (n <= 1) {
            return;
        }
        run(FFT, DType.F32, n, Placement.HEAP, (k, t) -> k.fft(n, data, inverse, t));
    }

    // ---- Off-heap operands: staged through heap copies (one extra pass in and out) ---------------------

    /** A heap copy of an open off-heap array that fits in a Java array. */
    private static float[] staged(String name, FloatArray a) {
        Check.open(name, a);
        if (a.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": length " + a.length() + " exceeds a Java array, the analytics kernels' limit");
        }
        return a.toArray();
    }

    /** {@link #inclusiveScan(float[], float[])} of off-heap arrays (staged through heap copies); y may be x. */
    public void inclusiveScan(FloatArray x, FloatArray y) {
        Check.open("y", y);
        Check.open("x", x);
        Check.sameLength("y", y.length(), "x", x.length());
        float[] hx = staged("x", x);
        inclusiveScan(hx, hx);
        y.copyFrom(hx);
    }

    /** {@link #exclusiveScan(float[], float[])} of off-heap arrays (staged through heap copies); y may be x. */
    public void exclusiveScan(FloatArray x, FloatArray y) {
        Check.open("y", y);
        Check.open("x", x);
        Check.sameLength("y", y.length(), "x", x.length());
        float[] hx = staged("x", x);
        exclusiveScan(hx, hx);
        y.copyFrom(hx);
    }

    /** {@link #histogram(float[], float, float, int)} of an off-heap array (staged through a heap copy). */
    public long[] histogram(FloatArray x, float lo, float hi, int bins) {
        Check.open("x", x);
        if (bins < 1) {
            throw new IllegalArgumentException("bins: must be >= 1, was " + bins);
        }
        long[] counts = new long[bins];
        histogram(x, lo, hi, counts);
        return counts;
    }

    /** {@link #histogram(float[], float, float, long[])} of an off-heap array (staged through a heap copy). */
    public void histogram(FloatArray x, float lo, float hi, long[] counts) {
        Check.open("x", x);
        Check.notNull("counts", counts);
        histogram(staged("x", x), lo, hi, counts);
    }

    /** Sorts an off-heap array in place (staged through a heap copy). */
    public void sort(FloatArray keys) {
        float[] h = staged("keys", keys);
        sort(h);
        keys.copyFrom(h);
    }

    /** {@link #kmeansStep(float[], int, float[], int[], float[], int[])} over off-heap points (staged through a heap copy). */
    public void kmeansStep(FloatArray points, int dims, float[] centroids, int[] labels, float[] newCentroids, int[] counts) {
        kmeansStep(staged("points", points), dims, centroids, labels, newCentroids, counts);
    }

    /** {@link #softmax(float[], float[])} of off-heap arrays (staged through heap copies); y may be x. */
    public void softmax(FloatArray x, FloatArray y) {
        Check.open("y", y);
        Check.open("x", x);
        Check.sameLength("y", y.length(), "x", x.length());
        float[] hx = staged("x", x);
        softmax(hx, hx);
        y.copyFrom(hx);
    }

    /** {@link #logSumExp(float[])} of an off-heap array (staged through a heap copy). */
    public float logSumExp(FloatArray x) {
        return logSumExp(staged("x", x));
    }

    /** {@link #compact(float[], Compare, float, float[])} of off-heap arrays (staged); writes only y[0, count). */
    public int compact(FloatArray x, Compare op, float t, FloatArray y) {
        Check.open("x", x);
        Check.notNull("op", op);
        Check.open("y", y);
        if (y.length() < x.length()) {
            throw new IllegalArgumentException("y: length " + y.length() + " < x length " + x.length() + " (room for every element)");
        }
        float[] hx = staged("x", x);
        float[] hy = new float[hx.length];
        int count = compact(hx, op, t, hy);
        if (count > 0) {
            y.view(0, count).copyFrom(java.util.Arrays.copyOf(hy, count));
        }
        return count;
    }

    /** In-place forward FFT of an off-heap interleaved array (staged through a heap copy). */
    public void fft(FloatArray data) {
        float[] h = staged("data", data);
        fft(h);
        data.copyFrom(h);
    }

    /** In-place inverse FFT of an off-heap interleaved array (staged through a heap copy). */
    public void ifft(FloatArray data) {
        float[] h = staged("data", data);
        ifft(h);
        data.copyFrom(h);
    }
    // @twin-end
}
