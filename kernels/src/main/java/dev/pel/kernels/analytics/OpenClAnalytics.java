package dev.pel.kernels.analytics;

import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.spi.AnalyticsSet;
import dev.pel.kernels.spi.Compare;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClBuffer;
import dev.pel.runtime.opencl.OpenClProgram;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.Pointer;

/**
 * The analytics kernels as OpenCL C ({@code analytics.cl}), built per element type. Heap operands
 * are copied to pooled temporary buffers and results copied back; every call ends with
 * {@code clFinish}. Multi-pass kernels keep their intermediates on the device; where a pass needs a
 * small sequential step (sort's digit offsets, compact's group offsets, softmax's block maxima and
 * sums) the host does it on a few values per work-group.
 */
public final class OpenClAnalytics implements AnalyticsSet {
    private static final int BLOCK = Blocking.BLOCK;
    private static final int GROUP = 64;
    /** Bins counted in local memory per work-group (4 bytes each); more go to global atomics. */
    private static final int LOCAL_BINS = 2048;
    /** Work-groups of the tiled passes (histogram, sort, compact): each walks a tile of n / groups. */
    private static final int TILED_GROUPS = 256;
    /** Work-items of k-means' partial sums, and the most partial values (parts x k x d) kept on the device. */
    private static final int KMEANS_PARTS = 1024;
    private static final long KMEANS_PARTIAL_VALUES = 1 << 22;
    private static final List<String> KERNELS = List.of("scan_local", "scan_offsets", "scan_add", "hist_local", "hist_global",
            "sort_keys", "radix_count", "radix_scatter", "spmv_csr", "kmeans_assign", "kmeans_partial", "kmeans_combine", "max_blocks", "sumexp_blocks",
            "softmax_norm", "transpose_naive", "compact_count", "compact_store", "compact_store_index", "fft_stage", "scale_");

    private final OpenClBackend backend;
    private final String source;
    private volatile OpenClProgram programF32;
    private volatile OpenClProgram programF64;
    private final Map<OpenClProgram, Integer> groups = new ConcurrentHashMap<>();
    private final Map<OpenClProgram, Boolean> tiledTranspose = new ConcurrentHashMap<>();

    OpenClAnalytics(OpenClBackend backend) {
        this.backend = backend;
        this.source = resource("common.h.cl") + "\n#define BLOCK " + BLOCK + "\n#define RADIX_BITS " + SortKeys.DIGIT_BITS + "\n"
                + resource("analytics.cl");
    }

    private static String resource(String name) {
        try (InputStream in = OpenClAnalytics.class.getResourceAsStream("/dev/pel/kernels/opencl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing OpenCL source " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The work-group size of every launch but the tiled transpose: 64, capped by what every kernel allows here. */
    private int group(OpenClProgram program) {
        return groups.computeIfAbsent(program, p -> {
            int g = GROUP;
            for (String k : KERNELS) {
                g = Math.min(g, backend.workGroupSize(p, k, GROUP));
            }
            return g;
        });
    }

    private boolean tiled(OpenClProgram program) {
        return tiledTranspose.computeIfAbsent(program, p -> backend.workGroupSize(p, "transpose_tiled", 256) == 256);
    }

    private static long roundUp(long n, int g) {
        return Math.max(g, (n + g - 1) / g * g);
    }

    /** Buffers of one call, returned to the pool at the end (also on failure). */
    private static final class Call implements AutoCloseable {
        private final OpenClBackend backend;
        private final List<OpenClBuffer> buffers = new ArrayList<>();

        Call(OpenClBackend backend) {
            this.backend = backend;
        }

        OpenClBuffer buffer(long bytes) {
            OpenClBuffer b = backend.borrow(Math.max(1, bytes));
            buffers.add(b);
            return b;
        }

        OpenClBuffer ints(int[] a, int count) {
            OpenClBuffer b = buffer(4L * count);
            backend.write(b, 0, Pointer.to(a), 4L * count);
            return b;
        }

        @Override
        public void close() {
            for (OpenClBuffer b : buffers) {
                backend.giveBack(b);
            }
        }
    }

    private void launch(OpenClProgram p, String kernel, long items, Object... args) {
        int g = group(p);
        backend.launch(p, kernel, roundUp(items, g), g, args);
    }

    /** Work-groups and tile length (a multiple of the group size) for a tiled pass over n items. */
    private static long[] tiles(long n, int g) {
        long tile = Math.max(g, roundUp((n + TILED_GROUPS - 1) / TILED_GROUPS, g));
        long count = Math.max(1, (n + tile - 1) / tile);
        return new long[] {count, tile};
    }

    private static int[] readInts(OpenClBackend backend, OpenClBuffer b, int count) {
        int[] out = new int[count];
        backend.read(b, 0, Pointer.to(out), 4L * count);
        return out;
    }

    @Override
    public void sortPermutation(int n, double[] keys, int[] perm, int threads) {
        sortPermutationF64(n, keys, perm);
    }

    @Override
    public void sortPermutation(int n, float[] keys, int[] perm, int threads) {
        sortPermutationF32(n, keys, perm);
    }

    /** Radix passes over device keys; the host scans each pass's (digit, group) counts and skips constant digits. */
    private void radix(Call call, OpenClProgram p, int n, OpenClBuffer keys, OpenClBuffer permIn, int[] perm) {
        int g = group(p);
        long[] t = tiles(n, g);
        int groupsN = (int) t[0];
        long tile = t[1];
        OpenClBuffer keys2 = call.buffer(8L * n);
        OpenClBuffer perm2 = call.buffer(4L * n);
        OpenClBuffer hist = call.buffer(4L * SortKeys.RADIX * groupsN);
        OpenClBuffer ka = keys;
        OpenClBuffer pa = permIn;
        OpenClBuffer kb = keys2;
        OpenClBuffer pb = perm2;
        for (int pass = 0; pass < SortKeys.PASSES; pass++) {
            int shift = pass * SortKeys.DIGIT_BITS;
            backend.launch(p, "radix_count", (long) groupsN * g, g, (long) n, tile, shift, ka, hist,
                    new OpenClBackend.LocalMemory(4L * SortKeys.RADIX));
            int[] h = readInts(backend, hist, SortKeys.RADIX * groupsN);
            boolean skip = false;
            for (int d = 0; d < SortKeys.RADIX && !skip; d++) {
                long s = 0;
                for (int q = 0; q < groupsN; q++) {
                    s += h[d * groupsN + q];
                }
                skip = s == n;
            }
            if (skip) {
                continue;
            }
            int sum = 0;
            for (int i = 0; i < h.length; i++) {
                int c = h[i];
                h[i] = sum;
                sum += c;
            }
            backend.write(hist, 0, Pointer.to(h), 4L * h.length);
            backend.launch(p, "radix_scatter", (long) groupsN * g, g, (long) n, tile, shift, ka, pa, kb, pb, hist,
                    new OpenClBackend.LocalMemory(4L * SortKeys.RADIX), new OpenClBackend.LocalMemory(4L * g));
            OpenClBuffer tk = ka;
            ka = kb;
            kb = tk;
            OpenClBuffer tp = pa;
            pa = pb;
            pb = tp;
        }
        backend.read(pa, 0, Pointer.to(perm), 4L * n);
    }

    /** Double programs need cl_khr_fp64; the family already keeps double calls away without it. */
    private void checkF64() {
        if (!backend.info().fp64()) {
            throw new UnsupportedOperationException(backend.name() + " (" + backend.info().name() + ") lacks cl_khr_fp64");
        }
    }

    /** Float programs run on every device. */
    private void checkF32() {
    }

    // @twin-begin F64
    private OpenClProgram programF64() {
        OpenClProgram p = programF64;
        if (p == null) {
            checkF64();
            p = backend.program(source, "-DREAL=double -DPEL_FP64"); //F32: p = backend.program(source, "-DREAL=float" + (backend.info().correctlyRoundedDivideSqrt() ? " -cl-fp32-correctly-rounded-divide-sqrt" : ""));
            programF64 = p;
        }
        return p;
    }

    private OpenClBuffer upload(Call call, double[] a, int count) {
        OpenClBuffer b = call.buffer((long) Double.BYTES * count);
        backend.write(b, 0, Pointer.to(a), (long) Double.BYTES * count);
        return b;
    }

    private void download(OpenClBuffer b, double[] a, int count) {
        backend.read(b, 0, Pointer.to(a), (long) Double.BYTES * count);
    }

    @Override
    public void scan(int n, double[] x, double[] y, boolean exclusive, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF64();
        long blocks = (n + BLOCK - 1) / BLOCK;
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            OpenClBuffer by = call.buffer((long) Double.BYTES * n);
            OpenClBuffer total = call.buffer(Double.BYTES * blocks);
            OpenClBuffer off = call.buffer(Double.BYTES * blocks);
            launch(p, "scan_local", blocks, (long) n, bx, by, total, exclusive ? 1 : 0);
            launch(p, "scan_offsets", 1, blocks, total, off);
            launch(p, "scan_add", n, (long) n, by, off);
            backend.finish();
            download(by, y, n);
        }
    }

    @Override
    public void histogram(int n, double[] x, double lo, double hi, double scale, int bins, long[] counts, int threads) {
        java.util.Arrays.fill(counts, 0, bins, 0L);
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF64();
        int g = group(p);
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            if (bins <= LOCAL_BINS) {
                long[] t = tiles(n, g);
                int groupsN = (int) t[0];
                OpenClBuffer part = call.buffer(4L * groupsN * bins);
                backend.launch(p, "hist_local", (long) groupsN * g, g, (long) n, t[1], bx, lo, hi, scale, bins, part,
                        new OpenClBackend.LocalMemory(4L * bins));
                int[] h = readInts(backend, part, groupsN * bins);
                for (int q = 0; q < groupsN; q++) {
                    for (int b = 0; b < bins; b++) {
                        counts[b] += h[q * bins + b];
                    }
                }
            } else {
                OpenClBuffer c = call.ints(new int[bins], bins);
                launch(p, "hist_global", n, (long) n, bx, lo, hi, scale, bins, c);
                int[] h = readInts(backend, c, bins);
                for (int b = 0; b < bins; b++) {
                    counts[b] = Integer.toUnsignedLong(h[b]);
                }
            }
        }
    }

    private void sortPermutationF64(int n, double[] keys, int[] perm) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF64();
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, keys, n);
            OpenClBuffer k = call.buffer(8L * n);
            OpenClBuffer pm = call.buffer(4L * n);
            launch(p, "sort_keys", n, (long) n, bx, k, pm);
            radix(call, p, n, k, pm, perm);
        }
    }

    @Override
    public void spmv(int rows, int[] rowPtr, int[] col, double[] val, double[] x, double[] y, int threads) {
        if (rows == 0) {
            return;
        }
        OpenClProgram p = programF64();
        int nnz = rowPtr[rows];
        try (Call call = new Call(backend)) {
            OpenClBuffer rp = call.ints(rowPtr, rows + 1);
            OpenClBuffer c = call.ints(col, nnz);
            OpenClBuffer v = upload(call, val, nnz);
            OpenClBuffer bx = upload(call, x, x.length);
            OpenClBuffer by = call.buffer((long) Double.BYTES * rows);
            launch(p, "spmv_csr", rows, rows, rp, c, v, bx, by);
            backend.finish();
            download(by, y, rows);
        }
    }

    @Override
    public void kmeans(int n, int d, int k, double[] points, double[] centroids, int[] labels, double[] newCentroids, int[] counts,
            int threads) {
        OpenClProgram p = programF64();
        try (Call call = new Call(backend)) {
            OpenClBuffer pts = upload(call, points, n * d);
            OpenClBuffer cen = upload(call, centroids, k * d);
            OpenClBuffer lab = call.buffer(4L * n);
            OpenClBuffer out = call.buffer((long) Double.BYTES * k * d);
            OpenClBuffer cnt = call.buffer(4L * k);
            if (n > 0) {
                launch(p, "kmeans_assign", n, n, d, k, pts, cen, lab);
            }
            // Update in two passes: per-work-item partial sums over contiguous points, then combined in order.
            int parts = (int) Math.max(1, Math.min(Math.min(n, KMEANS_PARTS), KMEANS_PARTIAL_VALUES / ((long) k * d)));
            long chunk = Math.max(1, (n + parts - 1) / parts);
            OpenClBuffer sums = call.buffer((long) Double.BYTES * parts * k * d);
            OpenClBuffer partCounts = call.buffer(4L * parts * k);
            launch(p, "kmeans_partial", parts, n, d, k, parts, chunk, pts, lab, sums, partCounts);
            launch(p, "kmeans_combine", (long) k * d, d, k, parts, sums, partCounts, cen, out, cnt);
            backend.finish();
            if (n > 0) {
                backend.read(lab, 0, Pointer.to(labels), 4L * n);
            }
            download(out, newCentroids, k * d);
            backend.read(cnt, 0, Pointer.to(counts), 4L * k);
        }
    }

    /** Block maxima on the device, combined with Math.max on the host. */
    private double maxF64(OpenClProgram p, Call call, OpenClBuffer bx, int n, int blocks) {
        int g = group(p);
        OpenClBuffer part = call.buffer((long) Double.BYTES * blocks);
        backend.launch(p, "max_blocks", (long) blocks * g, g, (long) n, bx, part, new OpenClBackend.LocalMemory((long) Double.BYTES * g));
        double[] h = new double[blocks];
        download(part, h, blocks);
        double m = Double.NEGATIVE_INFINITY;
        for (double v : h) {
            m = Math.max(m, v);
        }
        return m;
    }

    private double sumExpF64(OpenClProgram p, Call call, OpenClBuffer bx, int n, int blocks, double m) {
        int g = group(p);
        OpenClBuffer part = call.buffer((long) Double.BYTES * blocks);
        backend.launch(p, "sumexp_blocks", (long) blocks * g, g, (long) n, bx, m, part,
                new OpenClBackend.LocalMemory((long) Double.BYTES * g));
        double[] h = new double[blocks];
        download(part, h, blocks);
        double s = 0;
        for (double v : h) {
            s += v;
        }
        return s;
    }

    @Override
    public void softmax(int n, double[] x, double[] y, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF64();
        int blocks = (n + BLOCK - 1) / BLOCK;
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            double m = maxF64(p, call, bx, n, blocks);
            if (!Double.isFinite(m)) {
                java.util.Arrays.fill(y, 0, n, Double.NaN);
                return;
            }
            double s = sumExpF64(p, call, bx, n, blocks, m);
            OpenClBuffer by = call.buffer((long) Double.BYTES * n);
            launch(p, "softmax_norm", n, (long) n, bx, by, m, s);
            backend.finish();
            download(by, y, n);
        }
    }

    @Override
    public double logSumExp(int n, double[] x, int threads) {
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        OpenClProgram p = programF64();
        int blocks = (n + BLOCK - 1) / BLOCK;
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            double m = maxF64(p, call, bx, n, blocks);
            if (!Double.isFinite(m)) {
                return m;
            }
            return m + (double) Math.log(sumExpF64(p, call, bx, n, blocks, m));
        }
    }

    @Override
    public void transpose(int rows, int cols, double[] a, double[] b, int threads) {
        int total = rows * cols;
        if (total == 0) {
            return;
        }
        OpenClProgram p = programF64();
        try (Call call = new Call(backend)) {
            OpenClBuffer ba = upload(call, a, total);
            OpenClBuffer bb = call.buffer((long) Double.BYTES * total);
            if (tiled(p)) {
                long tilesN = (long) ((cols + 15) / 16) * ((rows + 15) / 16);
                backend.launch(p, "transpose_tiled", tilesN * 256, 256, rows, cols, ba, bb);
            } else {
                launch(p, "transpose_naive", total, rows, cols, ba, bb);
            }
            backend.finish();
            download(bb, b, total);
        }
    }

    @Override
    public int compact(int n, double[] x, Compare op, double t, double[] y, int threads) {
        if (n == 0) {
            return 0;
        }
        OpenClProgram p = programF64();
        int g = group(p);
        long[] tl = tiles(n, g);
        int groupsN = (int) tl[0];
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            OpenClBuffer counts = call.buffer(4L * groupsN);
            backend.launch(p, "compact_count", (long) groupsN * g, g, (long) n, tl[1], bx, op.code(), t, counts,
                    new OpenClBackend.LocalMemory(4L * g));
            int[] c = readInts(backend, counts, groupsN);
            int total = 0;
            for (int q = 0; q < groupsN; q++) {
                int v = c[q];
                c[q] = total;
                total += v;
            }
            if (total == 0) {
                return 0;
            }
            backend.write(counts, 0, Pointer.to(c), 4L * groupsN);
            OpenClBuffer by = call.buffer((long) Double.BYTES * total);
            backend.launch(p, "compact_store", (long) groupsN * g, g, (long) n, tl[1], bx, op.code(), t, counts, by,
                    new OpenClBackend.LocalMemory(4L * g), new OpenClBackend.LocalMemory(4));
            backend.finish();
            download(by, y, total);
            return total;
        }
    }

    @Override
    public int compactIndices(int n, double[] x, Compare op, double t, int[] idx, int threads) {
        if (n == 0) {
            return 0;
        }
        OpenClProgram p = programF64();
        int g = group(p);
        long[] tl = tiles(n, g);
        int groupsN = (int) tl[0];
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            OpenClBuffer counts = call.buffer(4L * groupsN);
            backend.launch(p, "compact_count", (long) groupsN * g, g, (long) n, tl[1], bx, op.code(), t, counts,
                    new OpenClBackend.LocalMemory(4L * g));
            int[] c = readInts(backend, counts, groupsN);
            int total = 0;
            for (int q = 0; q < groupsN; q++) {
                int v = c[q];
                c[q] = total;
                total += v;
            }
            if (total == 0) {
                return 0;
            }
            backend.write(counts, 0, Pointer.to(c), 4L * groupsN);
            OpenClBuffer out = call.buffer(4L * total);
            backend.launch(p, "compact_store_index", (long) groupsN * g, g, (long) n, tl[1], bx, op.code(), t, counts, out,
                    new OpenClBackend.LocalMemory(4L * g), new OpenClBackend.LocalMemory(4));
            backend.finish();
            backend.read(out, 0, Pointer.to(idx), 4L * total);
            return total;
        }
    }

    @Override
    public void fft(int n, double[] data, boolean inverse, int threads) {
        OpenClProgram p = programF64();
        double[] w = Twiddles.f64(n);
        try (Call call = new Call(backend)) {
            OpenClBuffer x = upload(call, data, 2 * n);
            OpenClBuffer y = call.buffer((long) Double.BYTES * 2 * n);
            OpenClBuffer bw = upload(call, w, w.length);
            double sign = inverse ? -1 : 1;
            for (int len = n, s = 1; len >= 2; len >>= 1, s <<= 1) {
                launch(p, "fft_stage", n / 2, n, s, len / 2, sign, x, y, bw);
                OpenClBuffer tmp = x;
                x = y;
                y = tmp;
            }
            if (inverse) {
                launch(p, "scale_", 2L * n, 2L * n, x, (double) (1.0 / n));
            }
            backend.finish();
            download(x, data, 2 * n);
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private OpenClProgram programF32() {
        OpenClProgram p = programF32;
        if (p == null) {
            checkF32();
            p = backend.program(source, "-DREAL=float" + (backend.info().correctlyRoundedDivideSqrt() ? " -cl-fp32-correctly-rounded-divide-sqrt" : ""));
            programF32 = p;
        }
        return p;
    }

    private OpenClBuffer upload(Call call, float[] a, int count) {
        OpenClBuffer b = call.buffer((long) Float.BYTES * count);
        backend.write(b, 0, Pointer.to(a), (long) Float.BYTES * count);
        return b;
    }

    private void download(OpenClBuffer b, float[] a, int count) {
        backend.read(b, 0, Pointer.to(a), (long) Float.BYTES * count);
    }

    @Override
    public void scan(int n, float[] x, float[] y, boolean exclusive, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        long blocks = (n + BLOCK - 1) / BLOCK;
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            OpenClBuffer by = call.buffer((long) Float.BYTES * n);
            OpenClBuffer total = call.buffer(Float.BYTES * blocks);
            OpenClBuffer off = call.buffer(Float.BYTES * blocks);
            launch(p, "scan_local", blocks, (long) n, bx, by, total, exclusive ? 1 : 0);
            launch(p, "scan_offsets", 1, blocks, total, off);
            launch(p, "scan_add", n, (long) n, by, off);
            backend.finish();
            download(by, y, n);
        }
    }

    @Override
    public void histogram(int n, float[] x, float lo, float hi, float scale, int bins, long[] counts, int threads) {
        java.util.Arrays.fill(counts, 0, bins, 0L);
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        int g = group(p);
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            if (bins <= LOCAL_BINS) {
                long[] t = tiles(n, g);
                int groupsN = (int) t[0];
                OpenClBuffer part = call.buffer(4L * groupsN * bins);
                backend.launch(p, "hist_local", (long) groupsN * g, g, (long) n, t[1], bx, lo, hi, scale, bins, part,
                        new OpenClBackend.LocalMemory(4L * bins));
                int[] h = readInts(backend, part, groupsN * bins);
                for (int q = 0; q < groupsN; q++) {
                    for (int b = 0; b < bins; b++) {
                        counts[b] += h[q * bins + b];
                    }
                }
            } else {
                OpenClBuffer c = call.ints(new int[bins], bins);
                launch(p, "hist_global", n, (long) n, bx, lo, hi, scale, bins, c);
                int[] h = readInts(backend, c, bins);
                for (int b = 0; b < bins; b++) {
                    counts[b] = Integer.toUnsignedLong(h[b]);
                }
            }
        }
    }

    private void sortPermutationF32(int n, float[] keys, int[] perm) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, keys, n);
            OpenClBuffer k = call.buffer(8L * n);
            OpenClBuffer pm = call.buffer(4L * n);
            launch(p, "sort_keys", n, (long) n, bx, k, pm);
            radix(call, p, n, k, pm, perm);
        }
    }

    @Override
    public void spmv(int rows, int[] rowPtr, int[] col, float[] val, float[] x, float[] y, int threads) {
        if (rows == 0) {
            return;
        }
        OpenClProgram p = programF32();
        int nnz = rowPtr[rows];
        try (Call call = new Call(backend)) {
            OpenClBuffer rp = call.ints(rowPtr, rows + 1);
            OpenClBuffer c = call.ints(col, nnz);
            OpenClBuffer v = upload(call, val, nnz);
            OpenClBuffer bx = upload(call, x, x.length);
            OpenClBuffer by = call.buffer((long) Float.BYTES * rows);
            launch(p, "spmv_csr", rows, rows, rp, c, v, bx, by);
            backend.finish();
            download(by, y, rows);
        }
    }

    @Override
    public void kmeans(int n, int d, int k, float[] points, float[] centroids, int[] labels, float[] newCentroids, int[] counts,
            int threads) {
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            OpenClBuffer pts = upload(call, points, n * d);
            OpenClBuffer cen = upload(call, centroids, k * d);
            OpenClBuffer lab = call.buffer(4L * n);
            OpenClBuffer out = call.buffer((long) Float.BYTES * k * d);
            OpenClBuffer cnt = call.buffer(4L * k);
            if (n > 0) {
                launch(p, "kmeans_assign", n, n, d, k, pts, cen, lab);
            }
            // Update in two passes: per-work-item partial sums over contiguous points, then combined in order.
            int parts = (int) Math.max(1, Math.min(Math.min(n, KMEANS_PARTS), KMEANS_PARTIAL_VALUES / ((long) k * d)));
            long chunk = Math.max(1, (n + parts - 1) / parts);
            OpenClBuffer sums = call.buffer((long) Float.BYTES * parts * k * d);
            OpenClBuffer partCounts = call.buffer(4L * parts * k);
            launch(p, "kmeans_partial", parts, n, d, k, parts, chunk, pts, lab, sums, partCounts);
            launch(p, "kmeans_combine", (long) k * d, d, k, parts, sums, partCounts, cen, out, cnt);
            backend.finish();
            if (n > 0) {
                backend.read(lab, 0, Pointer.to(labels), 4L * n);
            }
            download(out, newCentroids, k * d);
            backend.read(cnt, 0, Pointer.to(counts), 4L * k);
        }
    }

    /** Block maxima on the device, combined with Math.max on the host. */
    private float maxF32(OpenClProgram p, Call call, OpenClBuffer bx, int n, int blocks) {
        int g = group(p);
        OpenClBuffer part = call.buffer((long) Float.BYTES * blocks);
        backend.launch(p, "max_blocks", (long) blocks * g, g, (long) n, bx, part, new OpenClBackend.LocalMemory((long) Float.BYTES * g));
        float[] h = new float[blocks];
        download(part, h, blocks);
        float m = Float.NEGATIVE_INFINITY;
        for (float v : h) {
            m = Math.max(m, v);
        }
        return m;
    }

    private float sumExpF32(OpenClProgram p, Call call, OpenClBuffer bx, int n, int blocks, float m) {
        int g = group(p);
        OpenClBuffer part = call.buffer((long) Float.BYTES * blocks);
        backend.launch(p, "sumexp_blocks", (long) blocks * g, g, (long) n, bx, m, part,
                new OpenClBackend.LocalMemory((long) Float.BYTES * g));
        float[] h = new float[blocks];
        download(part, h, blocks);
        float s = 0;
        for (float v : h) {
            s += v;
        }
        return s;
    }

    @Override
    public void softmax(int n, float[] x, float[] y, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        int blocks = (n + BLOCK - 1) / BLOCK;
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            float m = maxF32(p, call, bx, n, blocks);
            if (!Float.isFinite(m)) {
                java.util.Arrays.fill(y, 0, n, Float.NaN);
                return;
            }
            float s = sumExpF32(p, call, bx, n, blocks, m);
            OpenClBuffer by = call.buffer((long) Float.BYTES * n);
            launch(p, "softmax_norm", n, (long) n, bx, by, m, s);
            backend.finish();
            download(by, y, n);
        }
    }

    @Override
    public float logSumExp(int n, float[] x, int threads) {
        if (n == 0) {
            return Float.NEGATIVE_INFINITY;
        }
        OpenClProgram p = programF32();
        int blocks = (n + BLOCK - 1) / BLOCK;
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            float m = maxF32(p, call, bx, n, blocks);
            if (!Float.isFinite(m)) {
                return m;
            }
            return m + (float) Math.log(sumExpF32(p, call, bx, n, blocks, m));
        }
    }

    @Override
    public void transpose(int rows, int cols, float[] a, float[] b, int threads) {
        int total = rows * cols;
        if (total == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            OpenClBuffer ba = upload(call, a, total);
            OpenClBuffer bb = call.buffer((long) Float.BYTES * total);
            if (tiled(p)) {
                long tilesN = (long) ((cols + 15) / 16) * ((rows + 15) / 16);
                backend.launch(p, "transpose_tiled", tilesN * 256, 256, rows, cols, ba, bb);
            } else {
                launch(p, "transpose_naive", total, rows, cols, ba, bb);
            }
            backend.finish();
            download(bb, b, total);
        }
    }

    @Override
    public int compact(int n, float[] x, Compare op, float t, float[] y, int threads) {
        if (n == 0) {
            return 0;
        }
        OpenClProgram p = programF32();
        int g = group(p);
        long[] tl = tiles(n, g);
        int groupsN = (int) tl[0];
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            OpenClBuffer counts = call.buffer(4L * groupsN);
            backend.launch(p, "compact_count", (long) groupsN * g, g, (long) n, tl[1], bx, op.code(), t, counts,
                    new OpenClBackend.LocalMemory(4L * g));
            int[] c = readInts(backend, counts, groupsN);
            int total = 0;
            for (int q = 0; q < groupsN; q++) {
                int v = c[q];
                c[q] = total;
                total += v;
            }
            if (total == 0) {
                return 0;
            }
            backend.write(counts, 0, Pointer.to(c), 4L * groupsN);
            OpenClBuffer by = call.buffer((long) Float.BYTES * total);
            backend.launch(p, "compact_store", (long) groupsN * g, g, (long) n, tl[1], bx, op.code(), t, counts, by,
                    new OpenClBackend.LocalMemory(4L * g), new OpenClBackend.LocalMemory(4));
            backend.finish();
            download(by, y, total);
            return total;
        }
    }

    @Override
    public int compactIndices(int n, float[] x, Compare op, float t, int[] idx, int threads) {
        if (n == 0) {
            return 0;
        }
        OpenClProgram p = programF32();
        int g = group(p);
        long[] tl = tiles(n, g);
        int groupsN = (int) tl[0];
        try (Call call = new Call(backend)) {
            OpenClBuffer bx = upload(call, x, n);
            OpenClBuffer counts = call.buffer(4L * groupsN);
            backend.launch(p, "compact_count", (long) groupsN * g, g, (long) n, tl[1], bx, op.code(), t, counts,
                    new OpenClBackend.LocalMemory(4L * g));
            int[] c = readInts(backend, counts, groupsN);
            int total = 0;
            for (int q = 0; q < groupsN; q++) {
                int v = c[q];
                c[q] = total;
                total += v;
            }
            if (total == 0) {
                return 0;
            }
            backend.write(counts, 0, Pointer.to(c), 4L * groupsN);
            OpenClBuffer out = call.buffer(4L * total);
            backend.launch(p, "compact_store_index", (long) groupsN * g, g, (long) n, tl[1], bx, op.code(), t, counts, out,
                    new OpenClBackend.LocalMemory(4L * g), new OpenClBackend.LocalMemory(4));
            backend.finish();
            backend.read(out, 0, Pointer.to(idx), 4L * total);
            return total;
        }
    }

    @Override
    public void fft(int n, float[] data, boolean inverse, int threads) {
        OpenClProgram p = programF32();
        float[] w = Twiddles.f32(n);
        try (Call call = new Call(backend)) {
            OpenClBuffer x = upload(call, data, 2 * n);
            OpenClBuffer y = call.buffer((long) Float.BYTES * 2 * n);
            OpenClBuffer bw = upload(call, w, w.length);
            float sign = inverse ? -1 : 1;
            for (int len = n, s = 1; len >= 2; len >>= 1, s <<= 1) {
                launch(p, "fft_stage", n / 2, n, s, len / 2, sign, x, y, bw);
                OpenClBuffer tmp = x;
                x = y;
                y = tmp;
            }
            if (inverse) {
                launch(p, "scale_", 2L * n, 2L * n, x, (float) (1.0f / n));
            }
            backend.finish();
            download(x, data, 2 * n);
        }
    }
    // @twin-end
}
