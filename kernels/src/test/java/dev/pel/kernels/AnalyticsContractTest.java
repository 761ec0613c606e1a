package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.spi.Compare;
import dev.pel.kernels.testing.BackendArgs;
import dev.pel.kernels.testing.BackendArgs.Target;
import dev.pel.kernels.testing.Data;
import dev.pel.kernels.testing.Sizes;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytics contract on every backend x element type x size, against float64 references within
 * {@link Tolerances} (exact where the kernel does no arithmetic, the reference's bits for the scan's
 * documented order, {@link Arrays#sort} for sort, a naive DFT for the FFT). Every call must be
 * recorded as run on the backend under test.
 */
@Tag("simd-width")
class AnalyticsContractTest {
    private static final int LARGE = 100_003;

    static List<Integer> sizes(DType t) {
        int l = Sizes.lanes(t);
        return List.of(0, 1, 2, l - 1, l + 1, 97, Blocking.BLOCK + 1, LARGE);
    }

    static Stream<Arguments> vectorCases() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (int n : new java.util.TreeSet<>(sizes(t))) {
                    out.add(Arguments.of(target, t, n));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> targetsAndTypes() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                out.add(Arguments.of(target, t));
            }
        }
        return out.stream();
    }

    private static Analytics on(Target target, DType t) {
        return Analytics.on(target.runtime(t));
    }

    private static String id(Target target, DType t, Object n, long seed) {
        return "[" + target.name() + " " + t.label() + " n=" + n + " " + Data.describe(seed) + "]";
    }

    /** The call just made ran on the target's backend, as the kernel named. */
    private static void ran(Target target, String kernel, String id) {
        CallRecord r = PelRuntime.lastCall();
        if (r == null || !r.backend().equals(target.name()) || !r.kernel().equals(kernel)) {
            fail(id + " expected " + kernel + " on " + target.name() + ", last call record: " + r);
        }
    }

    private static double round(DType t, double v) {
        return t == DType.F32 ? (float) v : v;
    }

    private static double[] uniform(DType t, SplittableRandom r, int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = round(t, lo + (hi - lo) * r.nextDouble());
        }
        return x;
    }

    private static float[] f32(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static double[] f64(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    // ---- scan ------------------------------------------------------------------------------------------

    /** The documented canonical order, in the element type. */
    private static double[] canonicalScan(DType t, double[] x, boolean exclusive) {
        int n = x.length;
        double[] y = new double[n];
        double off = 0;
        for (int b0 = 0; b0 < n; b0 += Blocking.BLOCK) {
            double s = 0;
            for (int i = b0; i < Math.min(n, b0 + Blocking.BLOCK); i++) {
                if (exclusive) {
                    y[i] = round(t, off + s);
                    s = round(t, s + x[i]);
                } else {
                    s = round(t, s + x[i]);
                    y[i] = round(t, off + s);
                }
            }
            off = round(t, off + s);
        }
        return y;
    }

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("vectorCases")
    void scanHasTheCanonicalOrdersBitsAndIsWithinTheBoundOfTheExactPrefix(Target target, DType t, int n) {
        long seed = Data.seed("scan", t, n);
        double[] x = uniform(t, Data.random(seed), n, -1000, 1000);
        Analytics a = on(target, t);
        for (boolean exclusive : new boolean[] {false, true}) {
            String id = id(target, t, n, seed) + (exclusive ? " exclusive" : " inclusive");
            double[] y;
            if (t == DType.F32) {
                float[] fy = new float[n];
                float[] fx = f32(x);
                if (exclusive) {
                    a.exclusiveScan(fx, fy);
                } else {
                    a.inclusiveScan(fx, fy);
                }
                y = f64(fy);
                assertArrayEquals(f32(x), fx, id + " x changed");
            } else {
                y = new double[n];
                double[] xc = x.clone();
                if (exclusive) {
                    a.exclusiveScan(xc, y);
                } else {
                    a.inclusiveScan(xc, y);
                }
                assertArrayEquals(x, xc, id + " x changed");
            }
            ran(target, exclusive ? "scan-exclusive" : "scan-inclusive", id);
            double[] canon = canonicalScan(t, x, exclusive);
            double exact = 0;
            double comp = 0;
            double sumAbs = 0;
            for (int i = 0; i < n; i++) {
                if (exclusive) {
                    checkScan(t, id, i, y[i], canon[i], exact + comp, sumAbs);
                }
                double s = exact + x[i]; // Neumaier: exact + comp is the float64 prefix to ~2^-106 relative
                comp += Math.abs(exact) >= Math.abs(x[i]) ? (exact - s) + x[i] : (x[i] - s) + exact;
                exact = s;
                sumAbs += Math.abs(x[i]);
                if (!exclusive) {
                    checkScan(t, id, i, y[i], canon[i], exact + comp, sumAbs);
                }
            }
        }
    }

    private static void checkScan(DType t, String id, int i, double got, double canon, double exact, double sumAbs) {
        if (Double.compare(got, canon) != 0 && !(got == 0 && canon == 0)) {
            fail(id + " y[" + i + "] = " + got + " but the canonical order gives " + canon);
        }
        double bound = Tolerances.scan(t, i, sumAbs);
        if (!(Math.abs(got - exact) <= bound)) {
            fail(id + " y[" + i + "] = " + got + " is " + Math.abs(got - exact) + " from the exact " + exact + " > bound " + bound);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void scanInPlace(Target target, DType t) {
        long seed = Data.seed("scan-in-place", t);
        double[] x = uniform(t, Data.random(seed), LARGE, -1, 1);
        Analytics a = on(target, t);
        double[] expected = canonicalScan(t, x, true);
        double[] got;
        if (t == DType.F32) {
            float[] f = f32(x);
            a.exclusiveScan(f, f);
            got = f64(f);
        } else {
            got = x.clone();
            a.exclusiveScan(got, got);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.compare(got[i], expected[i]) != 0 && !(got[i] == 0 && expected[i] == 0)) {
                fail(id(target, t, LARGE, seed) + " in place: y[" + i + "] = " + got[i] + " != " + expected[i]);
            }
        }
    }

    // ---- histogram -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("vectorCases")
    void histogramCountsEachValueInTheDocumentedBin(Target target, DType t, int n) {
        long seed = Data.seed("histogram", t, n);
        SplittableRandom r = Data.random(seed);
        double[] x = uniform(t, r, n, -3, 7);
        for (int i = 0; i < n; i += 13) { // outside, on the edges, NaN
            x[i] = switch ((i / 13) % 6) {
                case 0 -> Double.NaN;
                case 1 -> -2.5;
                case 2 -> 6.0;
                case 3 -> round(t, 5.75);
                case 4 -> Double.POSITIVE_INFINITY;
                default -> round(t, -2.0);
            };
        }
        Analytics a = on(target, t);
        for (int bins : new int[] {1, 7, 64, 5000}) {
            double lo = -2.0;
            double hi = round(t, 5.75);
            String id = id(target, t, n, seed) + " bins=" + bins;
            long[] got = t == DType.F32 ? a.histogram(f32(x), (float) lo, (float) hi, bins) : a.histogram(x.clone(), lo, hi, bins);
            ran(target, "histogram", id);
            double scale = round(t, bins / (hi - lo));
            long[] expected = new long[bins];
            for (double v : x) {
                if (v >= lo && v <= hi) {
                    int b = Math.min(bins - 1, (int) round(t, round(t, v - lo) * scale));
                    expected[b]++;
                    double exactBin = (v - lo) / (hi - lo) * bins;
                    assertTrue(Math.abs(b - Math.min(bins - 1, Math.floor(exactBin))) <= 1, id + " value " + v + " in bin " + b);
                }
            }
            assertArrayEquals(expected, got, id);
        }
    }

    // ---- sort ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("vectorCases")
    void sortMatchesArraysSortAndIsStable(Target target, DType t, int n) {
        long seed = Data.seed("sort", t, n);
        SplittableRandom r = Data.random(seed);
        double[] x = new double[n];
        double[] specials = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.longBitsToDouble(0xfff8000000000001L)};
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            x[i] = kind == 0 ? specials[r.nextInt(specials.length)] : kind < 4 ? round(t, r.nextInt(20) - 10) // many ties
                    : round(t, (r.nextDouble() - 0.5) * Math.scalb(1.0, r.nextInt(-40, 40)));
        }
        Analytics a = on(target, t);
        String id = id(target, t, n, seed);
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        double[] keys;
        if (t == DType.F32) {
            float[] fk = f32(x);
            float[] expected = fk.clone();
            Arrays.sort(expected);
            a.sort(fk, values);
            for (int i = 0; i < n; i++) {
                assertEquals(0, Float.compare(expected[i], fk[i]), id + " key " + i);
            }
            keys = f64(fk);
        } else {
            keys = x.clone();
            double[] expected = x.clone();
            Arrays.sort(expected);
            a.sort(keys, values);
            for (int i = 0; i < n; i++) {
                assertEquals(0, Double.compare(expected[i], keys[i]), id + " key " + i);
            }
        }
        ran(target, "sort", id);
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int v = values[i];
            assertTrue(!seen[v], id + " value " + v + " twice");
            seen[v] = true;
            double original = t == DType.F32 ? (float) x[v] : x[v];
            assertEquals(Double.doubleToRawLongBits(original), Double.doubleToRawLongBits(keys[i]),
                    id + " position " + i + " holds value " + v + " but not its key (NaN bits are kept)");
            if (i > 0 && Double.compare(keys[i - 1], keys[i]) == 0) {
                assertTrue(values[i - 1] < values[i], id + " not stable at " + i);
            }
        }
        if (n > 0) { // keys-only and long values agree with the key-value sort
            long[] lv = new long[n];
            for (int i = 0; i < n; i++) {
                lv[i] = 1000L * i;
            }
            if (t == DType.F32) {
                float[] fk = f32(x);
                a.sort(fk, lv);
            } else {
                a.sort(x.clone(), lv);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(1000L * values[i], lv[i], id + " long values");
            }
        }
    }

    /** The work arrays are kept per thread (Scratch): a sort after a larger one gets longer arrays holding its values. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void aSortAfterALargerOneOnTheSameThreadIsExact(Target target, DType t) {
        sortMatchesArraysSortAndIsStable(target, t, LARGE);
        sortMatchesArraysSortAndIsStable(target, t, 37);
        sortMatchesArraysSortAndIsStable(target, t, Sizes.lanes(t) + 1);
    }

    // ---- spmv ------------------------------------------------------------------------------------------

    static Stream<Arguments> spmvCases() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (int rows : new int[] {0, 1, 7, 300, 20_011}) {
                    out.add(Arguments.of(target, t, rows));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} rows={2}")
    @MethodSource("spmvCases")
    void spmvIsWithinTheRowBound(Target target, DType t, int rows) {
        long seed = Data.seed("spmv", t, rows);
        SplittableRandom r = Data.random(seed);
        int cols = Math.max(1, rows / 2 + 3);
        int[] rowPtr = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            int m = switch (r.nextInt(4)) {
                case 0 -> 0; // empty rows
                case 1 -> r.nextInt(3);
                case 2 -> r.nextInt(40); // longer than any vector
                default -> r.nextInt(12);
            };
            rowPtr[i + 1] = rowPtr[i] + m;
        }
        int nnz = rowPtr[rows];
        int[] col = new int[nnz];
        for (int j = 0; j < nnz; j++) {
            col[j] = r.nextInt(cols);
        }
        double[] val = uniform(t, r, nnz, -2, 2);
        double[] x = uniform(t, r, cols, -5, 5);
        Analytics a = on(target, t);
        String id = id(target, t, rows, seed);
        double[] y;
        if (t == DType.F32) {
            float[] fy = new float[rows];
            a.spmv(rowPtr, col, f32(val), f32(x), fy);
            y = f64(fy);
        } else {
            y = new double[rows];
            a.spmv(rowPtr, col, val, x, y);
        }
        ran(target, "spmv", id);
        for (int i = 0; i < rows; i++) {
            double exact = 0;
            double sumAbs = 0;
            for (int j = rowPtr[i]; j < rowPtr[i + 1]; j++) {
                exact += val[j] * x[col[j]]; // products of floats are exact in double; the sum is far inside the bound
                sumAbs += Math.abs(val[j] * x[col[j]]);
            }
            double bound = Tolerances.spmv(t, rowPtr[i + 1] - rowPtr[i], sumAbs) + (t == DType.F64 ? 64 * 0x1p-53 * sumAbs : 0);
            if (!(Math.abs(y[i] - exact) <= bound)) {
                fail(id + " y[" + i + "] = " + y[i] + " vs " + exact + " > bound " + bound);
            }
        }
    }

    // ---- k-means ---------------------------------------------------------------------------------------

    static Stream<Arguments> kmeansCases() {
        List<Arguments> out = new ArrayList<>();
        int[][] shapes = {{0, 2, 3}, {1, 1, 1}, {100, 2, 5}, {1000, 3, 8}, {3000, 17, 4}, {40_000, 2, 6}};
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (int[] s : shapes) {
                    out.add(Arguments.of(target, t, s[0], s[1], s[2]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} n={2} d={3} k={4}")
    @MethodSource("kmeansCases")
    void kmeansAssignsToANearestCentroidAndAverages(Target target, DType t, int n, int d, int k) {
        long seed = Data.seed("kmeans", t, n, d, k);
        SplittableRandom r = Data.random(seed);
        double[] points = uniform(t, r, n * d, -10, 10);
        double[] cent = uniform(t, r, k * d, -10, 10);
        if (k > 1) {
            for (int j = 0; j < d; j++) {
                cent[(k - 1) * d + j] = round(t, 1e4 + j); // far away: an empty cluster, which keeps its centroid
            }
        }
        Analytics a = on(target, t);
        String id = id(target, t, n + "x" + d + " k=" + k, seed);
        int[] labels = new int[n];
        int[] counts = new int[k];
        double[] next;
        if (t == DType.F32) {
            float[] fn = new float[k * d];
            a.kmeansStep(f32(points), d, f32(cent), labels, fn, counts);
            next = f64(fn);
        } else {
            next = new double[k * d];
            a.kmeansStep(points.clone(), d, cent.clone(), labels, next, counts);
        }
        ran(target, "kmeans-step", id);
        int[] expectCounts = new int[k];
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            double[] dist = new double[k];
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = points[i * d + j] - cent[c * d + j];
                    s += diff * diff;
                }
                dist[c] = s;
                min = Math.min(min, s);
            }
            int l = labels[i];
            assertTrue(l >= 0 && l < k, id + " label " + l);
            assertTrue(dist[l] <= min * (1 + Tolerances.kmeansDistance(t, d)), id + " point " + i + " -> " + l + " at " + dist[l]
                    + " but the nearest is at " + min);
            expectCounts[l]++;
        }
        assertArrayEquals(expectCounts, counts, id + " counts");
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double got = next[c * d + j];
                if (counts[c] == 0) {
                    assertEquals(cent[c * d + j], got, id + " empty cluster " + c + " keeps its centroid");
                    continue;
                }
                double sum = 0;
                double sumAbs = 0;
                for (int i = 0; i < n; i++) {
                    if (labels[i] == c) {
                        sum += points[i * d + j];
                        sumAbs += Math.abs(points[i * d + j]);
                    }
                }
                double mean = sum / counts[c];
                double bound = Tolerances.kmeansMean(t, counts[c], sumAbs) + (t == DType.F64 ? Tolerances.kmeansMean(t, counts[c], sumAbs)
                        : 0);
                assertTrue(Math.abs(got - mean) <= bound, id + " centroid " + c + "[" + j + "] = " + got + " vs " + mean);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void kmeansPointsWithNanDistancesGoToTheFirstCluster(Target target, DType t) {
        double[] points = {Double.NaN, 1, 5, 5, -5, -5};
        double[] cent = {-4, -4, 4, 4, 100, 100};
        int[] labels = new int[3];
        int[] counts = new int[3];
        double[] next;
        Analytics a = on(target, t);
        if (t == DType.F32) {
            float[] fn = new float[6];
            a.kmeansStep(f32(points), 2, f32(cent), labels, fn, counts);
            next = f64(fn);
        } else {
            next = new double[6];
            a.kmeansStep(points, 2, cent, labels, next, counts);
        }
        String id = target.name() + " " + t.label();
        assertArrayEquals(new int[] {0, 1, 0}, labels, id + " labels");
        assertArrayEquals(new int[] {2, 1, 0}, counts, id + " counts");
        assertTrue(Double.isNaN(next[0]) && next[1] == -2, id + " cluster 0 averages the NaN in: " + Arrays.toString(next));
        assertArrayEquals(new double[] {5, 5, 100, 100}, Arrays.copyOfRange(next, 2, 6), id);
    }

    // ---- softmax and log-sum-exp -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("vectorCases")
    void softmaxAndLogSumExpAreWithinTheirBounds(Target target, DType t, int n) {
        long seed = Data.seed("softmax", t, n);
        double[] x = uniform(t, Data.random(seed), n, -30, 30);
        if (n > 3) {
            x[n / 2] = Double.NEGATIVE_INFINITY; // contributes 0
            x[1] = round(t, 700.0); // large values must not overflow
        }
        Analytics a = on(target, t);
        String id = id(target, t, n, seed);
        double[] y;
        double lse;
        if (t == DType.F32) {
            float[] fy = new float[n];
            a.softmax(f32(x), fy);
            y = f64(fy);
            ran(target, "softmax", id);
            lse = a.logSumExp(f32(x));
        } else {
            y = new double[n];
            a.softmax(x.clone(), y);
            ran(target, "softmax", id);
            lse = a.logSumExp(x.clone());
        }
        ran(target, "logsumexp", id);
        if (n == 0) {
            assertEquals(Double.NEGATIVE_INFINITY, lse, id);
            return;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        double maxDiff = 0;
        double s = 0;
        for (double v : x) {
            if (v != Double.NEGATIVE_INFINITY) {
                maxDiff = Math.max(maxDiff, m - v);
            }
            s += StrictMath.exp(v - m);
        }
        double exactLse = m + StrictMath.log(s);
        double lseBound = Tolerances.logSumExp(t, n, maxDiff, exactLse);
        assertTrue(Math.abs(lse - exactLse) <= lseBound, id + " lse " + lse + " vs " + exactLse + " > " + lseBound);
        for (int i = 0; i < n; i++) {
            double exact = StrictMath.exp(x[i] - m) / s;
            double rel = Tolerances.softmax(t, n, x[i] == Double.NEGATIVE_INFINITY ? 0 : m - x[i], maxDiff);
            double bound = rel * exact + (t == DType.F32 ? Float.MIN_VALUE : Double.MIN_VALUE);
            if (!(Math.abs(y[i] - exact) <= bound)) {
                fail(id + " y[" + i + "] = " + y[i] + " vs " + exact + " > " + bound + " (x = " + x[i] + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void softmaxOfNonFiniteMaximaIsNanAndLogSumExpIsTheMaximum(Target target, DType t) {
        Analytics a = on(target, t);
        double[][] inputs = {{1, Double.NaN, 2}, {1, Double.POSITIVE_INFINITY, 2},
            {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}};
        double[] lses = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int c = 0; c < inputs.length; c++) {
            double[] x = inputs[c];
            double lse;
            double[] y;
            if (t == DType.F32) {
                float[] fy = new float[x.length];
                a.softmax(f32(x), fy);
                y = f64(fy);
                lse = a.logSumExp(f32(x));
            } else {
                y = new double[x.length];
                a.softmax(x, y);
                lse = a.logSumExp(x);
            }
            assertEquals(lses[c], lse, target.name() + " " + Arrays.toString(x));
            for (double v : y) {
                assertTrue(Double.isNaN(v), target.name() + " softmax of " + Arrays.toString(x) + " = " + Arrays.toString(y));
            }
        }
    }

    // ---- transpose -------------------------------------------------------------------------------------

    static Stream<Arguments> transposeCases() {
        List<Arguments> out = new ArrayList<>();
        int[][] shapes = {{0, 5}, {5, 0}, {1, 1}, {1, 7}, {7, 1}, {17, 33}, {64, 64}, {300, 513}};
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (int[] s : shapes) {
                    out.add(Arguments.of(target, t, s[0], s[1]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}")
    @MethodSource("transposeCases")
    void transposeIsExact(Target target, DType t, int rows, int cols) {
        long seed = Data.seed("transpose", t, rows, cols);
        double[] x = uniform(t, Data.random(seed), rows * cols, -1, 1);
        Analytics a = on(target, t);
        String id = id(target, t, rows + "x" + cols, seed);
        double[] b;
        if (t == DType.F32) {
            float[] fb = new float[rows * cols];
            a.transpose(f32(x), rows, cols, fb);
            b = f64(fb);
        } else {
            b = new double[rows * cols];
            a.transpose(x.clone(), rows, cols, b);
        }
        ran(target, "transpose", id);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (b[j * rows + i] != x[i * cols + j]) {
                    fail(id + " b[" + j + "][" + i + "] = " + b[j * rows + i] + " != a[" + i + "][" + j + "] = " + x[i * cols + j]);
                }
            }
        }
    }

    // ---- compact ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("vectorCases")
    void compactKeepsMatchingElementsInOrder(Target target, DType t, int n) {
        long seed = Data.seed("compact", t, n);
        SplittableRandom r = Data.random(seed);
        double[] x = uniform(t, r, n, -1, 1);
        for (int i = 0; i < n; i += 11) {
            x[i] = i % 22 == 0 ? Double.NaN : round(t, 0.25); // NaN, and values equal to the threshold
        }
        Analytics a = on(target, t);
        for (Compare op : Compare.values()) {
            double th = round(t, 0.25);
            String id = id(target, t, n, seed) + " " + op;
            List<Double> expected = new ArrayList<>();
            for (double v : x) {
                if (op.test(v, th)) {
                    expected.add(v);
                }
            }
            double sentinel = -777;
            int count;
            double[] y;
            if (t == DType.F32) {
                float[] fy = new float[n + 3];
                Arrays.fill(fy, (float) sentinel);
                count = a.compact(f32(x), op, (float) th, fy);
                y = f64(fy);
            } else {
                y = new double[n + 3];
                Arrays.fill(y, sentinel);
                count = a.compact(x.clone(), op, th, y);
            }
            ran(target, "compact", id);
            assertEquals(expected.size(), count, id + " count");
            int[] idx = new int[n + 1];
            Arrays.fill(idx, -5);
            int icount = t == DType.F32 ? a.compactIndices(f32(x), op, (float) th, idx) : a.compactIndices(x.clone(), op, th, idx);
            ran(target, "compact-index", id);
            assertEquals(expected.size(), icount, id + " index count");
            for (int i = 0, c = 0; i < n; i++) {
                if (op.test(x[i], th)) {
                    assertEquals(i, idx[c++], id + " indices[" + (c - 1) + "]");
                }
            }
            assertEquals(-5, idx[icount], id + " indices past the count were written");
            for (int i = 0; i < count; i++) {
                assertEquals(Double.doubleToRawLongBits(expected.get(i)), Double.doubleToRawLongBits(y[i]), id + " y[" + i + "]");
            }
            for (int i = count; i < y.length; i++) {
                assertEquals(sentinel, y[i], id + " y[" + i + "] past the count was written");
            }
        }
    }

    // ---- off-heap operands -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void offHeapOperandsGiveTheHeapResults(Target target, DType t) {
        int n = 1024;
        long seed = Data.seed("off-heap", t);
        double[] x = uniform(t, Data.random(seed), n, -3, 3);
        Analytics a = on(target, t);
        String id = id(target, t, n, seed);
        if (t == DType.F32) {
            float[] h = f32(x);
            try (FloatArray ox = FloatArray.of(h); FloatArray oy = FloatArray.allocate(n); FloatArray big = FloatArray.allocate(n + 2)) {
                float[] hy = new float[n];
                a.inclusiveScan(h, hy);
                a.inclusiveScan(ox, oy);
                assertArrayEquals(hy, oy.toArray(), id + " scan");
                a.exclusiveScan(h, hy);
                a.exclusiveScan(ox, oy);
                assertArrayEquals(hy, oy.toArray(), id + " exclusive scan");
                assertArrayEquals(a.histogram(h, -1f, 2f, 9), a.histogram(ox, -1f, 2f, 9), id + " histogram");
                a.softmax(h, hy);
                a.softmax(ox, oy);
                assertArrayEquals(hy, oy.toArray(), id + " softmax");
                assertEquals(a.logSumExp(h), a.logSumExp(ox), id + " logsumexp");
                float[] hc = new float[n];
                int c = a.compact(h, Compare.GT, 0.5f, hc);
                big.fill(-7f);
                assertEquals(c, a.compact(ox, Compare.GT, 0.5f, big), id + " compact count");
                float[] got = big.toArray();
                assertArrayEquals(Arrays.copyOf(hc, c), Arrays.copyOf(got, c), id + " compact");
                assertEquals(-7f, got[c], id + " compact wrote past the count");
                int[] labels = new int[n / 2];
                int[] labels2 = new int[n / 2];
                float[] cen = {0, 0, 1, 1, -1, 2};
                float[] nc = new float[6];
                float[] nc2 = new float[6];
                a.kmeansStep(h, 2, cen, labels, nc, new int[3]);
                a.kmeansStep(ox, 2, cen, labels2, nc2, new int[3]);
                assertArrayEquals(labels, labels2, id + " kmeans labels");
                assertArrayEquals(nc, nc2, id + " kmeans centroids");
                a.fft(h);
                a.fft(ox);
                assertArrayEquals(h, ox.toArray(), id + " fft");
                a.ifft(h);
                a.ifft(ox);
                assertArrayEquals(h, ox.toArray(), id + " ifft");
                a.sort(h);
                a.sort(ox);
                assertArrayEquals(h, ox.toArray(), id + " sort");
            }
        } else {
            double[] h = x.clone();
            try (DoubleArray ox = DoubleArray.of(h); DoubleArray oy = DoubleArray.allocate(n);
                    DoubleArray big = DoubleArray.allocate(n + 2)) {
                double[] hy = new double[n];
                a.inclusiveScan(h, hy);
                a.inclusiveScan(ox, ox); // in place
                assertArrayEquals(hy, ox.toArray(), id + " scan in place");
                ox.copyFrom(h);
                a.exclusiveScan(h, hy);
                a.exclusiveScan(ox, oy);
                assertArrayEquals(hy, oy.toArray(), id + " exclusive scan");
                assertArrayEquals(a.histogram(h, -1, 2, 9), a.histogram(ox, -1, 2, 9), id + " histogram");
                a.softmax(h, hy);
                a.softmax(ox, oy);
                assertArrayEquals(hy, oy.toArray(), id + " softmax");
                assertEquals(a.logSumExp(h), a.logSumExp(ox), id + " logsumexp");
                double[] hc = new double[n];
                int c = a.compact(h, Compare.LE, -0.5, hc);
                big.fill(-7);
                assertEquals(c, a.compact(ox, Compare.LE, -0.5, big), id + " compact count");
                double[] got = big.toArray();
                assertArrayEquals(Arrays.copyOf(hc, c), Arrays.copyOf(got, c), id + " compact");
                assertEquals(-7, got[c], id + " compact wrote past the count");
                a.fft(h);
                a.fft(ox);
                assertArrayEquals(h, ox.toArray(), id + " fft");
                a.sort(h);
                a.sort(ox);
                assertArrayEquals(h, ox.toArray(), id + " sort");
            }
        }
    }

    // ---- FFT -------------------------------------------------------------------------------------------

    static Stream<Arguments> fftCases() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (int n : new int[] {1, 2, 4, 8, 16, 64, 256, 1024}) {
                    out.add(Arguments.of(target, t, n));
                }
            }
        }
        return out.stream();
    }

    /** The naive DFT in float64: reduced arguments, compensated sums. */
    static double[] dft(double[] x, boolean inverse) {
        int n = x.length / 2;
        double[] out = new double[2 * n];
        double sign = inverse ? 1 : -1;
        for (int k = 0; k < n; k++) {
            double re = 0;
            double reC = 0;
            double im = 0;
            double imC = 0;
            for (int j = 0; j < n; j++) {
                long r = (long) j * k % n;
                double ang = 2 * Math.PI * r / n;
                double c = Math.cos(ang);
                double s = sign * Math.sin(ang);
                double tr = x[2 * j] * c - x[2 * j + 1] * s;
                double ti = x[2 * j] * s + x[2 * j + 1] * c;
                double nr = re + tr;
                reC += Math.abs(re) >= Math.abs(tr) ? (re - nr) + tr : (tr - nr) + re;
                re = nr;
                double ni = im + ti;
                imC += Math.abs(im) >= Math.abs(ti) ? (im - ni) + ti : (ti - ni) + im;
                im = ni;
            }
            out[2 * k] = (re + reC) / (inverse ? n : 1);
            out[2 * k + 1] = (im + imC) / (inverse ? n : 1);
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    private static double[] runFft(Analytics a, DType t, double[] x, boolean inverse) {
        if (t == DType.F32) {
            float[] f = f32(x);
            if (inverse) {
                a.ifft(f);
            } else {
                a.fft(f);
            }
            return f64(f);
        }
        double[] d = x.clone();
        if (inverse) {
            a.ifft(d);
        } else {
            a.fft(d);
        }
        return d;
    }

    @ParameterizedTest(name = "{0} {1} n={2}")
    @MethodSource("fftCases")
    void fftMatchesTheNaiveDftWithinTheLogNBound(Target target, DType t, int n) {
        long seed = Data.seed("fft", t, n);
        double[] x = uniform(t, Data.random(seed), 2 * n, -1, 1);
        Analytics a = on(target, t);
        for (boolean inverse : new boolean[] {false, true}) {
            String id = id(target, t, n, seed) + (inverse ? " inverse" : " forward");
            double[] got = runFft(a, t, x, inverse);
            if (n > 1) {
                ran(target, "fft", id);
            }
            double[] exact = dft(x, inverse);
            double[] err = new double[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                err[i] = got[i] - exact[i];
            }
            double bound = Tolerances.fft(t, n, norm(exact));
            assertTrue(norm(err) <= bound, id + " ||error|| = " + norm(err) + " > bound " + bound);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void largeFftRoundTripsAndAgreesWithTheReference(Target target, DType t) {
        int n = 1 << 16;
        long seed = Data.seed("fft-large", t);
        double[] x = uniform(t, Data.random(seed), 2 * n, -1, 1);
        Analytics a = on(target, t);
        String id = id(target, t, n, seed);
        double[] y = runFft(a, t, x, false);
        ran(target, "fft", id);
        double[] reference = runFft(Analytics.on(PelRuntime.defaultRuntime().withBackend("cpu-scalar")), t, x, false);
        // Every backend does the same butterflies with the same twiddles and no contraction: the same bits.
        for (int i = 0; i < 2 * n; i++) {
            if (Double.compare(y[i], reference[i]) != 0) {
                fail(id + " element " + i + " = " + y[i] + " but cpu-scalar gives " + reference[i]);
            }
        }
        double[] err = new double[2 * n];
        double[] back = runFft(a, t, t == DType.F32 ? f64(f32(y)) : y, true);
        for (int i = 0; i < 2 * n; i++) {
            err[i] = back[i] - x[i];
        }
        // Forward then inverse: each adds at most the bound relative to its exact output (||y|| = sqrt(n) ||x||).
        double rt = 2 * Tolerances.fft(t, n, norm(x)) + 2 * Tolerances.u(t) * norm(x);
        assertTrue(norm(err) <= rt, id + " round trip: " + norm(err) + " > " + rt);
    }

    /** The work array is kept per thread (Scratch): an FFT after a larger one gets a longer array holding its values. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("targetsAndTypes")
    void anFftAfterALargerOneOnTheSameThreadIsWithinItsBound(Target target, DType t) {
        largeFftRoundTripsAndAgreesWithTheReference(target, t);
        fftMatchesTheNaiveDftWithinTheLogNBound(target, t, 32);
        fftMatchesTheNaiveDftWithinTheLogNBound(target, t, 2);
    }
}
