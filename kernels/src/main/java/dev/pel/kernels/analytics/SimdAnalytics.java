package dev.pel.kernels.analytics;

import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.cpu.Lanes;
import dev.pel.kernels.spi.AnalyticsSet;
import dev.pel.kernels.spi.Compare;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.cpu.WorkerPool;
import java.util.function.IntConsumer;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code cpu-simd} analytics kernels: work split across the runtime's worker pool, Vector API
 * loops where they pay (spmv's gathered rows, k-means distances, softmax's exp, compaction's
 * compress, the FFT's butterflies over contiguous runs, histogram's bins). Scan keeps the canonical
 * sequential order inside blocks (so its results are the reference's bits) and gains from threads
 * only; sort is a scatter, threads only as well.
 */
public final class SimdAnalytics implements AnalyticsSet {
    private static final int BLOCK = Blocking.BLOCK;
    private static final int TASKS_PER_THREAD = 4;
    /** Below this many elements a call runs on the caller's thread. */
    private static final int SERIAL = 1 << 14;

    private final WorkerPool pool;

    SimdAnalytics(SimdBackend backend) {
        this.pool = backend.pool();
    }

    /** Runs tasks [0, tasks) on the pool (on the caller when there is one). */
    private void parallel(int tasks, IntConsumer task) {
        if (tasks <= 1) {
            task.accept(0);
        } else {
            pool.run(tasks, task);
        }
    }

    /** Tasks for n items of work: 1 below {@link #SERIAL} or with one thread, else a few per thread. */
    private static int tasks(long n, int threads, int perThread) {
        if (threads <= 1 || n < SERIAL) {
            return 1;
        }
        return (int) Math.max(1, Math.min((long) threads * perThread, n / (SERIAL / 4)));
    }

    private static int lo(int n, int tasks, int t) {
        return (int) ((long) n * t / tasks);
    }

    /**
     * counts[b] = the sum over tasks of part[t][b]. A task counts into an array of its own ({@link #count}): a loop that
     * increments one element at a time, as cpu-scalar's does, ran 150-200 us over 65536 floats in some processes and
     * 450-600 us in others, or in the same one from a moment to the next (Zen 1, same compiled code, no collection
     * between); with the bins of a vector of values computed at once (eight floats here), 80-200 us.
     */
    private static void merge(int[][] part, int bins, long[] counts) {
        for (int b = 0; b < bins; b++) {
            long s = 0;
            for (int[] p : part) {
                s += p[b];
            }
            counts[b] = s;
        }
    }

    @Override
    public void sortPermutation(int n, double[] keys, int[] perm, int threads) {
        long[] k = Scratch.KEYS.get(n);
        int tasks = tasks(n, threads, 1);
        parallel(tasks, t -> {
            for (int i = lo(n, tasks, t), e = lo(n, tasks, t + 1); i < e; i++) {
                k[i] = SortKeys.key(keys[i]);
                perm[i] = i;
            }
        });
        radixSort(n, k, perm, tasks);
    }

    @Override
    public void sortPermutation(int n, float[] keys, int[] perm, int threads) {
        long[] k = Scratch.KEYS.get(n);
        int tasks = tasks(n, threads, 1);
        parallel(tasks, t -> {
            for (int i = lo(n, tasks, t), e = lo(n, tasks, t + 1); i < e; i++) {
                k[i] = SortKeys.key(keys[i]);
                perm[i] = i;
            }
        });
        radixSort(n, k, perm, tasks);
    }

    /** Stable parallel LSD radix sort: per pass, counts per (task, digit), offsets digit-major, scatter per task in order. */
    private void radixSort(int n, long[] keys, int[] perm, int tasks) {
        if (tasks == 1) {
            SortKeys.radixSort(n, keys, perm);
            return;
        }
        final int radix = SortKeys.RADIX;
        long[] ka = keys;
        int[] pa = perm;
        long[] kb = Scratch.KEYS_SWAP.get(n);
        int[] pb = Scratch.PERM_SWAP.get(n);
        int[][] counts = new int[tasks][radix];
        for (int pass = 0; pass < SortKeys.PASSES; pass++) {
            int shift = pass * SortKeys.DIGIT_BITS;
            long[] src = ka;
            parallel(tasks, t -> {
                int[] c = counts[t];
                java.util.Arrays.fill(c, 0);
                for (int i = lo(n, tasks, t), e = lo(n, tasks, t + 1); i < e; i++) {
                    c[(int) (src[i] >>> shift) & (radix - 1)]++;
                }
            });
            int first = (int) (src[0] >>> shift) & (radix - 1);
            long same = 0;
            for (int t = 0; t < tasks; t++) {
                same += counts[t][first];
            }
            if (same == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < radix; d++) {
                for (int t = 0; t < tasks; t++) {
                    int c = counts[t][d];
                    counts[t][d] = sum;
                    sum += c;
                }
            }
            int[] psrc = pa;
            long[] kdst = kb;
            int[] pdst = pb;
            parallel(tasks, t -> {
                int[] at = counts[t];
                for (int i = lo(n, tasks, t), e = lo(n, tasks, t + 1); i < e; i++) {
                    int d = (int) (src[i] >>> shift) & (radix - 1);
                    int o = at[d]++;
                    kdst[o] = src[i];
                    pdst[o] = psrc[i];
                }
            });
            kb = ka;
            ka = kdst;
            pb = pa;
            pa = pdst;
        }
        if (pa != perm) {
            System.arraycopy(pa, 0, perm, 0, n);
        }
    }

    /** The first row whose start is at or after nonzero j (0 for the first task). */
    private static int rowAt(int[] rowPtr, int rows, long j, boolean first) {
        if (first) {
            return 0;
        }
        int lo = 0;
        int hi = rows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rowPtr[mid] < j) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static final int TILE = 32;

    private static VectorOperators.Comparison comparison(Compare op) {
        return switch (op) {
            case GT -> VectorOperators.GT;
            case GE -> VectorOperators.GE;
            case LT -> VectorOperators.LT;
            case LE -> VectorOperators.LE;
            case EQ -> VectorOperators.EQ;
            case NE -> VectorOperators.NE;
        };
    }

    // @twin-begin F64
    private static final VectorSpecies<Double> SPECIES_F64 = DoubleVector.SPECIES_PREFERRED;

    @Override
    public void scan(int n, double[] x, double[] y, boolean exclusive, int threads) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int tasks = Math.min(blocks, tasks(n, threads, TASKS_PER_THREAD));
        if (tasks <= 1) {
            ScalarAnalytics.INSTANCE.scan(n, x, y, exclusive, 1);
            return;
        }
        // Pass 1: each block's local prefix s (the canonical sequential chain), stored in y, and its total.
        // Pass 2: y = off + s in vectors; the same roundings as the reference's off + s, so the same bits.
        double[] total = new double[blocks];
        parallel(tasks, t -> {
            for (int b = lo(blocks, tasks, t), e = lo(blocks, tasks, t + 1); b < e; b++) {
                total[b] = ScalarAnalytics.scanBlock(x, y, b * BLOCK, Math.min(n, (b + 1) * BLOCK), 0, exclusive);
            }
        });
        double[] off = new double[blocks];
        double o = 0;
        for (int b = 0; b < blocks; b++) {
            off[b] = o;
            o = o + total[b];
        }
        int lanes = SPECIES_F64.length();
        parallel(tasks, t -> {
            for (int b = lo(blocks, tasks, t), e = lo(blocks, tasks, t + 1); b < e; b++) {
                int i = b * BLOCK;
                int end = Math.min(n, (b + 1) * BLOCK);
                double ob = off[b];
                for (; i <= end - lanes; i += lanes) {
                    DoubleVector.broadcast(SPECIES_F64, ob).add(DoubleVector.fromArray(SPECIES_F64, y, i)).intoArray(y, i);
                }
                for (; i < end; i++) {
                    y[i] = ob + y[i];
                }
            }
        });
    }

    @Override
    public void histogram(int n, double[] x, double lo, double hi, double scale, int bins, long[] counts, int threads) {
        int tasks = tasks(n, threads, 1);
        int[][] part = new int[tasks][];
        parallel(tasks, t -> part[t] = count(x, lo(n, tasks, t), lo(n, tasks, t + 1), lo, hi, scale, bins));
        merge(part, bins, counts);
    }

    /** Bins of a {@code double} vector: the shape with one int per lane. */
    private static final VectorSpecies<Integer> BINS_F64 = VectorSpecies.of(int.class,
            VectorShape.forBitSize(SPECIES_F64.length() * Integer.SIZE));

    /**
     * Counts x[from, to) into bins [0, bins), and values not counted (outside [lo, hi], NaN) into bin {@code bins}:
     * the bins of a vector of values are computed at once (the documented formula, lane by lane: a subtraction, a
     * multiplication, a truncation, a minimum) and counted one by one.
     */
    private static int[] count(double[] x, int from, int to, double lo, double hi, double scale, int bins) {
        int[] c = new int[bins + 1];
        int lanes = SPECIES_F64.length();
        int[] at = new int[lanes];
        DoubleVector vlo = DoubleVector.broadcast(SPECIES_F64, lo);
        DoubleVector vhi = DoubleVector.broadcast(SPECIES_F64, hi);
        DoubleVector vscale = DoubleVector.broadcast(SPECIES_F64, scale);
        IntVector top = IntVector.broadcast(BINS_F64, bins - 1);
        IntVector outside = IntVector.broadcast(BINS_F64, bins);
        int i = from;
        for (; i <= to - lanes; i += lanes) {
            DoubleVector v = DoubleVector.fromArray(SPECIES_F64, x, i);
            VectorMask<Integer> counted = v.compare(VectorOperators.GE, vlo).and(v.compare(VectorOperators.LE, vhi))
                    .cast(BINS_F64);
            IntVector bin = ((IntVector) v.sub(vlo).mul(vscale).convertShape(VectorOperators.D2I, BINS_F64, 0)).min(top); //F32: IntVector bin = ((IntVector) v.sub(vlo).mul(vscale).convertShape(VectorOperators.F2I, BINS_F32, 0)).min(top);
            outside.blend(bin, counted).intoArray(at, 0);
            for (int k = 0; k < lanes; k++) {
                c[at[k]]++;
            }
        }
        for (; i < to; i++) {
            double v = x[i];
            c[v >= lo && v <= hi ? ScalarAnalytics.binOf(v, lo, scale, bins) : bins]++;
        }
        return c;
    }

    @Override
    public void spmv(int rows, int[] rowPtr, int[] col, double[] val, double[] x, double[] y, int threads) {
        int nnz = rowPtr[rows];
        int tasks = Math.min(Math.max(1, rows), tasks((long) nnz + rows, threads, TASKS_PER_THREAD));
        parallel(tasks, t -> {
            // Rows split so each task gets about the same number of nonzeros.
            int r0 = rowAt(rowPtr, rows, (long) nnz * t / tasks, t == 0);
            int r1 = t == tasks - 1 ? rows : rowAt(rowPtr, rows, (long) nnz * (t + 1) / tasks, false);
            double[] scratch = Lanes.f64(); // the task's thread's, fetched once for its rows
            for (int r = r0; r < r1; r++) {
                y[r] = rowDot(rowPtr[r], rowPtr[r + 1], col, val, x, scratch);
            }
        });
    }

    private static double rowDot(int j0, int j1, int[] col, double[] val, double[] x, double[] scratch) {
        int lanes = SPECIES_F64.length();
        int j = j0;
        double s = 0;
        if (j1 - j0 >= lanes) {
            DoubleVector acc = DoubleVector.zero(SPECIES_F64);
            for (; j <= j1 - lanes; j += lanes) {
                DoubleVector v = DoubleVector.fromArray(SPECIES_F64, val, j);
                DoubleVector g = DoubleVector.fromArray(SPECIES_F64, x, 0, col, j);
                acc = v.fma(g, acc);
            }
            acc.intoArray(scratch, 0);
            s = Lanes.fold(scratch, acc.length());
        }
        for (; j < j1; j++) {
            s += val[j] * x[col[j]];
        }
        return s;
    }

    @Override
    public void kmeans(int n, int d, int k, double[] points, double[] centroids, int[] labels, double[] newCentroids, int[] counts,
            int threads) {
        int tasks = tasks((long) n * k * d, threads, 1);
        tasks = Math.max(1, Math.min(tasks, n));
        double[][] sums = new double[tasks][];
        int[][] cnt = new int[tasks][];
        int tk = tasks;
        double[] byDim = new double[d * k]; // centroids transposed: coordinate j of centroid c at j*k + c
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                byDim[j * k + c] = centroids[c * d + j];
            }
        }
        parallel(tasks, t -> {
            double[] s = new double[k * d];
            int[] c = new int[k];
            for (int i = lo(n, tk, t), e = lo(n, tk, t + 1); i < e; i++) {
                int best = d >= SPECIES_F64.length() ? nearestVector(points, i * d, d, k, centroids)
                        : k > 1 ? nearestAcross(points, i * d, d, k, byDim) : 0;
                labels[i] = best;
                c[best]++;
                for (int j = 0; j < d; j++) {
                    s[best * d + j] += points[i * d + j];
                }
            }
            sums[t] = s;
            cnt[t] = c;
        });
        for (int c = 0; c < k; c++) {
            int total = 0;
            for (int t = 0; t < tasks; t++) {
                total += cnt[t][c];
            }
            counts[c] = total;
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int t = 0; t < tasks; t++) {
                    s += sums[t][c * d + j];
                }
                newCentroids[c * d + j] = total == 0 ? centroids[c * d + j] : s / total;
            }
        }
    }

    /**
     * Nearest centroid for few dimensions: distances to a vector of centroids at a time from the
     * transposed centroids; NaN distances never win (as in the reference), ties go to the first.
     */
    private static int nearestAcross(double[] points, int at, int d, int k, double[] byDim) {
        int lanes = SPECIES_F64.length();
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        DoubleVector inf = DoubleVector.broadcast(SPECIES_F64, Double.POSITIVE_INFINITY);
        for (int c0 = 0; c0 < k; c0 += lanes) {
            VectorMask<Double> live = SPECIES_F64.indexInRange(c0, k);
            DoubleVector acc = DoubleVector.zero(SPECIES_F64);
            for (int j = 0; j < d; j++) {
                DoubleVector t = DoubleVector.broadcast(SPECIES_F64, points[at + j]).sub(DoubleVector.fromArray(SPECIES_F64, byDim,
                        j * k + c0, live));
                acc = t.fma(t, acc);
            }
            acc = acc.blend(inf, acc.test(VectorOperators.IS_NAN).or(live.not()));
            double m = acc.reduceLanes(VectorOperators.MIN);
            if (m < bestD) {
                bestD = m;
                best = c0 + acc.compare(VectorOperators.EQ, m).firstTrue();
            }
        }
        return best;
    }

    private static int nearestVector(double[] points, int at, int d, int k, double[] centroids) {
        int lanes = SPECIES_F64.length();
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        double[] scratch = Lanes.f64();
        for (int c = 0; c < k; c++) {
            DoubleVector acc = DoubleVector.zero(SPECIES_F64);
            int j = 0;
            for (; j <= d - lanes; j += lanes) {
                DoubleVector t = DoubleVector.fromArray(SPECIES_F64, points, at + j).sub(DoubleVector.fromArray(SPECIES_F64, centroids,
                        c * d + j));
                acc = t.fma(t, acc);
            }
            acc.intoArray(scratch, 0);
            double s = Lanes.fold(scratch, acc.length());
            for (; j < d; j++) {
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

    /** Math.max over x in parallel vectors (NaN propagates); -inf for n = 0. */
    private double max(int n, double[] x, int tasks) {
        double[] part = new double[tasks];
        int lanes = SPECIES_F64.length();
        parallel(tasks, t -> {
            int i = lo(n, tasks, t);
            int e = lo(n, tasks, t + 1);
            DoubleVector m = DoubleVector.broadcast(SPECIES_F64, Double.NEGATIVE_INFINITY);
            for (; i <= e - lanes; i += lanes) {
                m = m.lanewise(VectorOperators.MAX, DoubleVector.fromArray(SPECIES_F64, x, i));
            }
            double r = m.reduceLanes(VectorOperators.MAX);
            for (; i < e; i++) {
                r = Math.max(r, x[i]);
            }
            part[t] = r;
        });
        double m = Double.NEGATIVE_INFINITY;
        for (double v : part) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Sum of exp(x - m) in parallel vectors. */
    private double sumExp(int n, double[] x, double m, int tasks) {
        double[] part = new double[tasks];
        int lanes = SPECIES_F64.length();
        parallel(tasks, t -> {
            int i = lo(n, tasks, t);
            int e = lo(n, tasks, t + 1);
            DoubleVector acc = DoubleVector.zero(SPECIES_F64);
            for (; i <= e - lanes; i += lanes) {
                acc = acc.add(DoubleVector.fromArray(SPECIES_F64, x, i).sub(m).lanewise(VectorOperators.EXP));
            }
            double[] scratch = Lanes.f64();
            acc.intoArray(scratch, 0);
            double s = Lanes.fold(scratch, acc.length());
            for (; i < e; i++) {
                s += (double) Math.exp(x[i] - m);
            }
            part[t] = s;
        });
        double s = 0;
        for (double v : part) {
            s += v;
        }
        return s;
    }

    @Override
    public void softmax(int n, double[] x, double[] y, int threads) {
        int tasks = Math.max(1, tasks(n, threads, TASKS_PER_THREAD));
        double m = max(n, x, tasks);
        if (!Double.isFinite(m)) {
            java.util.Arrays.fill(y, 0, n, Double.NaN);
            return;
        }
        double s = sumExp(n, x, m, tasks);
        int lanes = SPECIES_F64.length();
        parallel(tasks, t -> {
            int i = lo(n, tasks, t);
            int e = lo(n, tasks, t + 1);
            for (; i <= e - lanes; i += lanes) {
                DoubleVector.fromArray(SPECIES_F64, x, i).sub(m).lanewise(VectorOperators.EXP).div(s).intoArray(y, i);
            }
            for (; i < e; i++) {
                y[i] = (double) Math.exp(x[i] - m) / s;
            }
        });
    }

    @Override
    public double logSumExp(int n, double[] x, int threads) {
        int tasks = Math.max(1, tasks(n, threads, TASKS_PER_THREAD));
        double m = max(n, x, tasks);
        if (!Double.isFinite(m)) {
            return m;
        }
        return m + (double) Math.log(sumExp(n, x, m, tasks));
    }

    @Override
    public void transpose(int rows, int cols, double[] a, double[] b, int threads) {
        int rowTiles = (rows + TILE - 1) / TILE;
        int tasks = Math.min(Math.max(1, rowTiles), tasks((long) rows * cols, threads, TASKS_PER_THREAD));
        parallel(tasks, t -> {
            for (int rt = lo(rowTiles, tasks, t), re = lo(rowTiles, tasks, t + 1); rt < re; rt++) {
                int i0 = rt * TILE;
                int i1 = Math.min(rows, i0 + TILE);
                for (int j0 = 0; j0 < cols; j0 += TILE) {
                    int j1 = Math.min(cols, j0 + TILE);
                    for (int i = i0; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            b[j * rows + i] = a[i * cols + j];
                        }
                    }
                }
            }
        });
    }

    @Override
    public int compact(int n, double[] x, Compare op, double t, double[] y, int threads) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int tasks = Math.min(Math.max(1, blocks), tasks(n, threads, TASKS_PER_THREAD));
        VectorOperators.Comparison cmp = comparison(op);
        int[] count = new int[blocks];
        parallel(tasks, k -> {
            for (int b = lo(blocks, tasks, k), e = lo(blocks, tasks, k + 1); b < e; b++) {
                count[b] = countBlock(x, b * BLOCK, Math.min(n, (b + 1) * BLOCK), op, cmp, t);
            }
        });
        int[] start = new int[blocks];
        int total = 0;
        for (int b = 0; b < blocks; b++) {
            start[b] = total;
            total += count[b];
        }
        parallel(tasks, k -> {
            for (int b = lo(blocks, tasks, k), e = lo(blocks, tasks, k + 1); b < e; b++) {
                storeBlock(x, b * BLOCK, Math.min(n, (b + 1) * BLOCK), op, cmp, t, y, start[b]);
            }
        });
        return total;
    }

    private static int countBlock(double[] x, int lo, int hi, Compare op, VectorOperators.Comparison cmp, double t) {
        int lanes = SPECIES_F64.length();
        int c = 0;
        int i = lo;
        for (; i <= hi - lanes; i += lanes) {
            c += DoubleVector.fromArray(SPECIES_F64, x, i).compare(cmp, t).trueCount();
        }
        for (; i < hi; i++) {
            if (op.test(x[i], t)) {
                c++;
            }
        }
        return c;
    }

    private static void storeBlock(double[] x, int lo, int hi, Compare op, VectorOperators.Comparison cmp, double t, double[] y,
            int at) {
        int lanes = SPECIES_F64.length();
        int i = lo;
        int o = at;
        for (; i <= hi - lanes; i += lanes) {
            DoubleVector v = DoubleVector.fromArray(SPECIES_F64, x, i);
            VectorMask<Double> m = v.compare(cmp, t);
            int c = m.trueCount();
            if (c == lanes) {
                v.intoArray(y, o);
            } else if (c > 0) {
                v.compress(m).intoArray(y, o, SPECIES_F64.indexInRange(0, c));
            }
            o += c;
        }
        for (; i < hi; i++) {
            if (op.test(x[i], t)) {
                y[o++] = x[i];
            }
        }
    }

    @Override
    public int compactIndices(int n, double[] x, Compare op, double t, int[] idx, int threads) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int tasks = Math.min(Math.max(1, blocks), tasks(n, threads, TASKS_PER_THREAD));
        VectorOperators.Comparison cmp = comparison(op);
        int[] count = new int[blocks];
        parallel(tasks, k -> {
            for (int b = lo(blocks, tasks, k), e = lo(blocks, tasks, k + 1); b < e; b++) {
                count[b] = countBlock(x, b * BLOCK, Math.min(n, (b + 1) * BLOCK), op, cmp, t);
            }
        });
        int[] start = new int[blocks];
        int total = 0;
        for (int b = 0; b < blocks; b++) {
            start[b] = total;
            total += count[b];
        }
        parallel(tasks, k -> {
            for (int b = lo(blocks, tasks, k), e = lo(blocks, tasks, k + 1); b < e; b++) {
                int o = start[b];
                for (int i = b * BLOCK, end = Math.min(n, (b + 1) * BLOCK); i < end; i++) {
                    if (op.test(x[i], t)) {
                        idx[o++] = i;
                    }
                }
            }
        });
        return total;
    }

    @Override
    public void fft(int n, double[] data, boolean inverse, int threads) {
        double[] w = Twiddles.f64(n);
        double[] x = data;
        double[] y = Scratch.VALUES_F64.get(2 * n); // every stage writes all of [0, 2n)
        double sign = inverse ? -1 : 1;
        int half = n / 2;
        int tasks = tasks((long) n * 4, threads, 1);
        tasks = Math.max(1, Math.min(tasks, half));
        int tk = tasks;
        for (int len = n, s = 1; len >= 2; len >>= 1, s <<= 1) {
            int m = len / 2;
            int ss = s;
            double[] src = x;
            double[] dst = y;
            parallel(tk, t -> fftStage(src, dst, w, ss, m, sign, lo(half, tk, t), lo(half, tk, t + 1)));
            double[] tmp = x;
            x = y;
            y = tmp;
        }
        if (x != data) {
            System.arraycopy(x, 0, data, 0, 2 * n);
        }
        if (inverse) {
            double f = (double) (1.0 / n);
            int lanes = SPECIES_F64.length();
            int i = 0;
            for (; i <= 2 * n - lanes; i += lanes) {
                DoubleVector.fromArray(SPECIES_F64, data, i).mul(f).intoArray(data, i);
            }
            for (; i < 2 * n; i++) {
                data[i] *= f;
            }
        }
    }

    /**
     * Butterflies g in [g0, g1) of one Stockham stage (g = p*s + q): runs of q for one p are contiguous
     * interleaved (re, im) pairs, done in whole vectors with the twiddle product formed by a pair swap.
     */
    private static void fftStage(double[] x, double[] y, double[] w, int s, int m, double sign, int g0, int g1) {
        int lanes = SPECIES_F64.length();
        VectorShuffle<Double> swap = VectorShuffle.fromOp(SPECIES_F64, i -> i ^ 1);
        VectorMask<Double> evenLanes = VectorMask.fromLong(SPECIES_F64, 0x5555555555555555L);
        int g = g0;
        while (g < g1) {
            int p = g / s;
            int q0 = g - p * s;
            int q1 = Math.min(s, q0 + (g1 - g));
            double wr = w[2 * p * s];
            double wi = sign * w[2 * p * s + 1];
            int ia = 2 * (s * p);
            int ib = 2 * (s * (p + m));
            int o0 = 2 * (s * 2 * p);
            int o1 = o0 + 2 * s;
            int e0 = 2 * q0;
            int e1 = 2 * q1;
            int e = e0;
            if (e1 - e0 >= lanes && (lanes & 1) == 0) {
                DoubleVector vwr = DoubleVector.broadcast(SPECIES_F64, wr);
                // lane 2i holds re: re*wr - im*wi; lane 2i+1 holds im: im*wr + re*wi.
                DoubleVector vwi = DoubleVector.broadcast(SPECIES_F64, wi).blend(DoubleVector.broadcast(SPECIES_F64, -wi), evenLanes);
                for (; e <= e1 - lanes; e += lanes) {
                    DoubleVector a = DoubleVector.fromArray(SPECIES_F64, x, ia + e);
                    DoubleVector b = DoubleVector.fromArray(SPECIES_F64, x, ib + e);
                    a.add(b).intoArray(y, o0 + e);
                    DoubleVector dv = a.sub(b);
                    dv.mul(vwr).add(dv.rearrange(swap).mul(vwi)).intoArray(y, o1 + e);
                }
            }
            for (; e < e1; e += 2) {
                double ar = x[ia + e];
                double ai = x[ia + e + 1];
                double br = x[ib + e];
                double bi = x[ib + e + 1];
                y[o0 + e] = ar + br;
                y[o0 + e + 1] = ai + bi;
                double dr = ar - br;
                double di = ai - bi;
                y[o1 + e] = dr * wr - di * wi;
                y[o1 + e + 1] = dr * wi + di * wr;
            }
            g += q1 - q0;
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private static final VectorSpecies<Float> SPECIES_F32 = FloatVector.SPECIES_PREFERRED;

    @Override
    public void scan(int n, float[] x, float[] y, boolean exclusive, int threads) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int tasks = Math.min(blocks, tasks(n, threads, TASKS_PER_THREAD));
        if (tasks <= 1) {
            ScalarAnalytics.INSTANCE.scan(n, x, y, exclusive, 1);
            return;
        }
        // Pass 1: each block's local prefix s (the canonical sequential chain), stored in y, and its total.
        // Pass 2: y = off + s in vectors; the same roundings as the reference's off + s, so the same bits.
        float[] total = new float[blocks];
        parallel(tasks, t -> {
            for (int b = lo(blocks, tasks, t), e = lo(blocks, tasks, t + 1); b < e; b++) {
                total[b] = ScalarAnalytics.scanBlock(x, y, b * BLOCK, Math.min(n, (b + 1) * BLOCK), 0, exclusive);
            }
        });
        float[] off = new float[blocks];
        float o = 0;
        for (int b = 0; b < blocks; b++) {
            off[b] = o;
            o = o + total[b];
        }
        int lanes = SPECIES_F32.length();
        parallel(tasks, t -> {
            for (int b = lo(blocks, tasks, t), e = lo(blocks, tasks, t + 1); b < e; b++) {
                int i = b * BLOCK;
                int end = Math.min(n, (b + 1) * BLOCK);
                float ob = off[b];
                for (; i <= end - lanes; i += lanes) {
                    FloatVector.broadcast(SPECIES_F32, ob).add(FloatVector.fromArray(SPECIES_F32, y, i)).intoArray(y, i);
                }
                for (; i < end; i++) {
                    y[i] = ob + y[i];
                }
            }
        });
    }

    @Override
    public void histogram(int n, float[] x, float lo, float hi, float scale, int bins, long[] counts, int threads) {
        int tasks = tasks(n, threads, 1);
        int[][] part = new int[tasks][];
        parallel(tasks, t -> part[t] = count(x, lo(n, tasks, t), lo(n, tasks, t + 1), lo, hi, scale, bins));
        merge(part, bins, counts);
    }

    /** Bins of a {@code float} vector: the shape with one int per lane. */
    private static final VectorSpecies<Integer> BINS_F32 = VectorSpecies.of(int.class,
            VectorShape.forBitSize(SPECIES_F32.length() * Integer.SIZE));

    /**
     * Counts x[from, to) into bins [0, bins), and values not counted (outside [lo, hi], NaN) into bin {@code bins}:
     * the bins of a vector of values are computed at once (the documented formula, lane by lane: a subtraction, a
     * multiplication, a truncation, a minimum) and counted one by one.
     */
    private static int[] count(float[] x, int from, int to, float lo, float hi, float scale, int bins) {
        int[] c = new int[bins + 1];
        int lanes = SPECIES_F32.length();
        int[] at = new int[lanes];
        FloatVector vlo = FloatVector.broadcast(SPECIES_F32, lo);
        FloatVector vhi = FloatVector.broadcast(SPECIES_F32, hi);
        FloatVector vscale = FloatVector.broadcast(SPECIES_F32, scale);
        IntVector top = IntVector.broadcast(BINS_F32, bins - 1);
        IntVector outside = IntVector.broadcast(BINS_F32, bins);
        int i = from;
        for (; i <= to - lanes; i += lanes) {
            FloatVector v = FloatVector.fromArray(SPECIES_F32, x, i);
            VectorMask<Integer> counted = v.compare(VectorOperators.GE, vlo).and(v.compare(VectorOperators.LE, vhi))
                    .cast(BINS_F32);
            IntVector bin = ((IntVector) v.sub(vlo).mul(vscale).convertShape(VectorOperators.F2I, BINS_F32, 0)).min(top);
            outside.blend(bin, counted).intoArray(at, 0);
            for (int k = 0; k < lanes; k++) {
                c[at[k]]++;
            }
        }
        for (; i < to; i++) {
            float v = x[i];
            c[v >= lo && v <= hi ? ScalarAnalytics.binOf(v, lo, scale, bins) : bins]++;
        }
        return c;
    }

    @Override
    public void spmv(int rows, int[] rowPtr, int[] col, float[] val, float[] x, float[] y, int threads) {
        int nnz = rowPtr[rows];
        int tasks = Math.min(Math.max(1, rows), tasks((long) nnz + rows, threads, TASKS_PER_THREAD));
        parallel(tasks, t -> {
            // Rows split so each task gets about the same number of nonzeros.
            int r0 = rowAt(rowPtr, rows, (long) nnz * t / tasks, t == 0);
            int r1 = t == tasks - 1 ? rows : rowAt(rowPtr, rows, (long) nnz * (t + 1) / tasks, false);
            float[] scratch = Lanes.f32(); // the task's thread's, fetched once for its rows
            for (int r = r0; r < r1; r++) {
                y[r] = rowDot(rowPtr[r], rowPtr[r + 1], col, val, x, scratch);
            }
        });
    }

    private static float rowDot(int j0, int j1, int[] col, float[] val, float[] x, float[] scratch) {
        int lanes = SPECIES_F32.length();
        int j = j0;
        float s = 0;
        if (j1 - j0 >= lanes) {
            FloatVector acc = FloatVector.zero(SPECIES_F32);
            for (; j <= j1 - lanes; j += lanes) {
                FloatVector v = FloatVector.fromArray(SPECIES_F32, val, j);
                FloatVector g = FloatVector.fromArray(SPECIES_F32, x, 0, col, j);
                acc = v.fma(g, acc);
            }
            acc.intoArray(scratch, 0);
            s = Lanes.fold(scratch, acc.length());
        }
        for (; j < j1; j++) {
            s += val[j] * x[col[j]];
        }
        return s;
    }

    @Override
    public void kmeans(int n, int d, int k, float[] points, float[] centroids, int[] labels, float[] newCentroids, int[] counts,
            int threads) {
        int tasks = tasks((long) n * k * d, threads, 1);
        tasks = Math.max(1, Math.min(tasks, n));
        float[][] sums = new float[tasks][];
        int[][] cnt = new int[tasks][];
        int tk = tasks;
        float[] byDim = new float[d * k]; // centroids transposed: coordinate j of centroid c at j*k + c
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                byDim[j * k + c] = centroids[c * d + j];
            }
        }
        parallel(tasks, t -> {
            float[] s = new float[k * d];
            int[] c = new int[k];
            for (int i = lo(n, tk, t), e = lo(n, tk, t + 1); i < e; i++) {
                int best = d >= SPECIES_F32.length() ? nearestVector(points, i * d, d, k, centroids)
                        : k > 1 ? nearestAcross(points, i * d, d, k, byDim) : 0;
                labels[i] = best;
                c[best]++;
                for (int j = 0; j < d; j++) {
                    s[best * d + j] += points[i * d + j];
                }
            }
            sums[t] = s;
            cnt[t] = c;
        });
        for (int c = 0; c < k; c++) {
            int total = 0;
            for (int t = 0; t < tasks; t++) {
                total += cnt[t][c];
            }
            counts[c] = total;
            for (int j = 0; j < d; j++) {
                float s = 0;
                for (int t = 0; t < tasks; t++) {
                    s += sums[t][c * d + j];
                }
                newCentroids[c * d + j] = total == 0 ? centroids[c * d + j] : s / total;
            }
        }
    }

    /**
     * Nearest centroid for few dimensions: distances to a vector of centroids at a time from the
     * transposed centroids; NaN distances never win (as in the reference), ties go to the first.
     */
    private static int nearestAcross(float[] points, int at, int d, int k, float[] byDim) {
        int lanes = SPECIES_F32.length();
        int best = 0;
        float bestD = Float.POSITIVE_INFINITY;
        FloatVector inf = FloatVector.broadcast(SPECIES_F32, Float.POSITIVE_INFINITY);
        for (int c0 = 0; c0 < k; c0 += lanes) {
            VectorMask<Float> live = SPECIES_F32.indexInRange(c0, k);
            FloatVector acc = FloatVector.zero(SPECIES_F32);
            for (int j = 0; j < d; j++) {
                FloatVector t = FloatVector.broadcast(SPECIES_F32, points[at + j]).sub(FloatVector.fromArray(SPECIES_F32, byDim,
                        j * k + c0, live));
                acc = t.fma(t, acc);
            }
            acc = acc.blend(inf, acc.test(VectorOperators.IS_NAN).or(live.not()));
            float m = acc.reduceLanes(VectorOperators.MIN);
            if (m < bestD) {
                bestD = m;
                best = c0 + acc.compare(VectorOperators.EQ, m).firstTrue();
            }
        }
        return best;
    }

    private static int nearestVector(float[] points, int at, int d, int k, float[] centroids) {
        int lanes = SPECIES_F32.length();
        int best = 0;
        float bestD = Float.POSITIVE_INFINITY;
        float[] scratch = Lanes.f32();
        for (int c = 0; c < k; c++) {
            FloatVector acc = FloatVector.zero(SPECIES_F32);
            int j = 0;
            for (; j <= d - lanes; j += lanes) {
                FloatVector t = FloatVector.fromArray(SPECIES_F32, points, at + j).sub(FloatVector.fromArray(SPECIES_F32, centroids,
                        c * d + j));
                acc = t.fma(t, acc);
            }
            acc.intoArray(scratch, 0);
            float s = Lanes.fold(scratch, acc.length());
            for (; j < d; j++) {
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

    /** Math.max over x in parallel vectors (NaN propagates); -inf for n = 0.f */
    private float max(int n, float[] x, int tasks) {
        float[] part = new float[tasks];
        int lanes = SPECIES_F32.length();
        parallel(tasks, t -> {
            int i = lo(n, tasks, t);
            int e = lo(n, tasks, t + 1);
            FloatVector m = FloatVector.broadcast(SPECIES_F32, Float.NEGATIVE_INFINITY);
            for (; i <= e - lanes; i += lanes) {
                m = m.lanewise(VectorOperators.MAX, FloatVector.fromArray(SPECIES_F32, x, i));
            }
            float r = m.reduceLanes(VectorOperators.MAX);
            for (; i < e; i++) {
                r = Math.max(r, x[i]);
            }
            part[t] = r;
        });
        float m = Float.NEGATIVE_INFINITY;
        for (float v : part) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Sum of exp(x - m) in parallel vectors. */
    private float sumExp(int n, float[] x, float m, int tasks) {
        float[] part = new float[tasks];
        int lanes = SPECIES_F32.length();
        parallel(tasks, t -> {
            int i = lo(n, tasks, t);
            int e = lo(n, tasks, t + 1);
            FloatVector acc = FloatVector.zero(SPECIES_F32);
            for (; i <= e - lanes; i += lanes) {
                acc = acc.add(FloatVector.fromArray(SPECIES_F32, x, i).sub(m).lanewise(VectorOperators.EXP));
            }
            float[] scratch = Lanes.f32();
            acc.intoArray(scratch, 0);
            float s = Lanes.fold(scratch, acc.length());
            for (; i < e; i++) {
                s += (float) Math.exp(x[i] - m);
            }
            part[t] = s;
        });
        float s = 0;
        for (float v : part) {
            s += v;
        }
        return s;
    }

    @Override
    public void softmax(int n, float[] x, float[] y, int threads) {
        int tasks = Math.max(1, tasks(n, threads, TASKS_PER_THREAD));
        float m = max(n, x, tasks);
        if (!Float.isFinite(m)) {
            java.util.Arrays.fill(y, 0, n, Float.NaN);
            return;
        }
        float s = sumExp(n, x, m, tasks);
        int lanes = SPECIES_F32.length();
        parallel(tasks, t -> {
            int i = lo(n, tasks, t);
            int e = lo(n, tasks, t + 1);
            for (; i <= e - lanes; i += lanes) {
                FloatVector.fromArray(SPECIES_F32, x, i).sub(m).lanewise(VectorOperators.EXP).div(s).intoArray(y, i);
            }
            for (; i < e; i++) {
                y[i] = (float) Math.exp(x[i] - m) / s;
            }
        });
    }

    @Override
    public float logSumExp(int n, float[] x, int threads) {
        int tasks = Math.max(1, tasks(n, threads, TASKS_PER_THREAD));
        float m = max(n, x, tasks);
        if (!Float.isFinite(m)) {
            return m;
        }
        return m + (float) Math.log(sumExp(n, x, m, tasks));
    }

    @Override
    public void transpose(int rows, int cols, float[] a, float[] b, int threads) {
        int rowTiles = (rows + TILE - 1) / TILE;
        int tasks = Math.min(Math.max(1, rowTiles), tasks((long) rows * cols, threads, TASKS_PER_THREAD));
        parallel(tasks, t -> {
            for (int rt = lo(rowTiles, tasks, t), re = lo(rowTiles, tasks, t + 1); rt < re; rt++) {
                int i0 = rt * TILE;
                int i1 = Math.min(rows, i0 + TILE);
                for (int j0 = 0; j0 < cols; j0 += TILE) {
                    int j1 = Math.min(cols, j0 + TILE);
                    for (int i = i0; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            b[j * rows + i] = a[i * cols + j];
                        }
                    }
                }
            }
        });
    }

    @Override
    public int compact(int n, float[] x, Compare op, float t, float[] y, int threads) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int tasks = Math.min(Math.max(1, blocks), tasks(n, threads, TASKS_PER_THREAD));
        VectorOperators.Comparison cmp = comparison(op);
        int[] count = new int[blocks];
        parallel(tasks, k -> {
            for (int b = lo(blocks, tasks, k), e = lo(blocks, tasks, k + 1); b < e; b++) {
                count[b] = countBlock(x, b * BLOCK, Math.min(n, (b + 1) * BLOCK), op, cmp, t);
            }
        });
        int[] start = new int[blocks];
        int total = 0;
        for (int b = 0; b < blocks; b++) {
            start[b] = total;
            total += count[b];
        }
        parallel(tasks, k -> {
            for (int b = lo(blocks, tasks, k), e = lo(blocks, tasks, k + 1); b < e; b++) {
                storeBlock(x, b * BLOCK, Math.min(n, (b + 1) * BLOCK), op, cmp, t, y, start[b]);
            }
        });
        return total;
    }

    private static int countBlock(float[] x, int lo, int hi, Compare op, VectorOperators.Comparison cmp, float t) {
        int lanes = SPECIES_F32.length();
        int c = 0;
        int i = lo;
        for (; i <= hi - lanes; i += lanes) {
            c += FloatVector.fromArray(SPECIES_F32, x, i).compare(cmp, t).trueCount();
        }
        for (; i < hi; i++) {
            if (op.test(x[i], t)) {
                c++;
            }
        }
        return c;
    }

    private static void storeBlock(float[] x, int lo, int hi, Compare op, VectorOperators.Comparison cmp, float t, float[] y,
            int at) {
        int lanes = SPECIES_F32.length();
        int i = lo;
        int o = at;
        for (; i <= hi - lanes; i += lanes) {
            FloatVector v = FloatVector.fromArray(SPECIES_F32, x, i);
            VectorMask<Float> m = v.compare(cmp, t);
            int c = m.trueCount();
            if (c == lanes) {
                v.intoArray(y, o);
            } else if (c > 0) {
                v.compress(m).intoArray(y, o, SPECIES_F32.indexInRange(0, c));
            }
            o += c;
        }
        for (; i < hi; i++) {
            if (op.test(x[i], t)) {
                y[o++] = x[i];
            }
        }
    }

    @Override
    public int compactIndices(int n, float[] x, Compare op, float t, int[] idx, int threads) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int tasks = Math.min(Math.max(1, blocks), tasks(n, threads, TASKS_PER_THREAD));
        VectorOperators.Comparison cmp = comparison(op);
        int[] count = new int[blocks];
        parallel(tasks, k -> {
            for (int b = lo(blocks, tasks, k), e = lo(blocks, tasks, k + 1); b < e; b++) {
                count[b] = countBlock(x, b * BLOCK, Math.min(n, (b + 1) * BLOCK), op, cmp, t);
            }
        });
        int[] start = new int[blocks];
        int total = 0;
        for (int b = 0; b < blocks; b++) {
            start[b] = total;
            total += count[b];
        }
        parallel(tasks, k -> {
            for (int b = lo(blocks, tasks, k), e = lo(blocks, tasks, k + 1); b < e; b++) {
                int o = start[b];
                for (int i = b * BLOCK, end = Math.min(n, (b + 1) * BLOCK); i < end; i++) {
                    if (op.test(x[i], t)) {
                        idx[o++] = i;
                    }
                }
            }
        });
        return total;
    }

    @Override
    public void fft(int n, float[] data, boolean inverse, int threads) {
        float[] w = Twiddles.f32(n);
        float[] x = data;
        float[] y = Scratch.VALUES_F32.get(2 * n); // every stage writes all of [0, 2n)
        float sign = inverse ? -1 : 1;
        int half = n / 2;
        int tasks = tasks((long) n * 4, threads, 1);
        tasks = Math.max(1, Math.min(tasks, half));
        int tk = tasks;
        for (int len = n, s = 1; len >= 2; len >>= 1, s <<= 1) {
            int m = len / 2;
            int ss = s;
            float[] src = x;
            float[] dst = y;
            parallel(tk, t -> fftStage(src, dst, w, ss, m, sign, lo(half, tk, t), lo(half, tk, t + 1)));
            float[] tmp = x;
            x = y;
            y = tmp;
        }
        if (x != data) {
            System.arraycopy(x, 0, data, 0, 2 * n);
        }
        if (inverse) {
            float f = (float) (1.0f / n);
            int lanes = SPECIES_F32.length();
            int i = 0;
            for (; i <= 2 * n - lanes; i += lanes) {
                FloatVector.fromArray(SPECIES_F32, data, i).mul(f).intoArray(data, i);
            }
            for (; i < 2 * n; i++) {
                data[i] *= f;
            }
        }
    }

    /**
     * Butterflies g in [g0, g1) of one Stockham stage (g = p*s + q): runs of q for one p are contiguous
     * interleaved (re, im) pairs, done in whole vectors with the twiddle product formed by a pair swap.
     */
    private static void fftStage(float[] x, float[] y, float[] w, int s, int m, float sign, int g0, int g1) {
        int lanes = SPECIES_F32.length();
        VectorShuffle<Float> swap = VectorShuffle.fromOp(SPECIES_F32, i -> i ^ 1);
        VectorMask<Float> evenLanes = VectorMask.fromLong(SPECIES_F32, 0x5555555555555555L);
        int g = g0;
        while (g < g1) {
            int p = g / s;
            int q0 = g - p * s;
            int q1 = Math.min(s, q0 + (g1 - g));
            float wr = w[2 * p * s];
            float wi = sign * w[2 * p * s + 1];
            int ia = 2 * (s * p);
            int ib = 2 * (s * (p + m));
            int o0 = 2 * (s * 2 * p);
            int o1 = o0 + 2 * s;
            int e0 = 2 * q0;
            int e1 = 2 * q1;
            int e = e0;
            if (e1 - e0 >= lanes && (lanes & 1) == 0) {
                FloatVector vwr = FloatVector.broadcast(SPECIES_F32, wr);
                // lane 2i holds re: re*wr - im*wi; lane 2i+1 holds im: im*wr + re*wi.
                FloatVector vwi = FloatVector.broadcast(SPECIES_F32, wi).blend(FloatVector.broadcast(SPECIES_F32, -wi), evenLanes);
                for (; e <= e1 - lanes; e += lanes) {
                    FloatVector a = FloatVector.fromArray(SPECIES_F32, x, ia + e);
                    FloatVector b = FloatVector.fromArray(SPECIES_F32, x, ib + e);
                    a.add(b).intoArray(y, o0 + e);
                    FloatVector dv = a.sub(b);
                    dv.mul(vwr).add(dv.rearrange(swap).mul(vwi)).intoArray(y, o1 + e);
                }
            }
            for (; e < e1; e += 2) {
                float ar = x[ia + e];
                float ai = x[ia + e + 1];
                float br = x[ib + e];
                float bi = x[ib + e + 1];
                y[o0 + e] = ar + br;
                y[o0 + e + 1] = ai + bi;
                float dr = ar - br;
                float di = ai - bi;
                y[o1 + e] = dr * wr - di * wi;
                y[o1 + e + 1] = dr * wi + di * wr;
            }
            g += q1 - q0;
        }
    }
    // @twin-end
}
