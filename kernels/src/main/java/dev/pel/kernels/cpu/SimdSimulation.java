package dev.pel.kernels.cpu;

import dev.pel.kernels.spi.SimulationKernels;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.cpu.WorkerPool;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code cpu-simd} simulation kernels: Vector API loops over the preferred species, rows or
 * chunks split across the runtime's worker pool. Operands are read through {@code MemorySegment}s
 * (a heap array through {@link MemorySegment#ofArray}), one loop for both kinds.
 *
 * <p>Stencils and convolutions do the reference's operations in the reference's order (no fused
 * multiply-add), vector lanes across cells, so their results are the {@code cpu-scalar} bits. A heat
 * row's interior is vectors (the last one overlapping the one before), its two end cells and rows
 * shorter than a vector are inline scalar code, and fixed faces are copies; convolutions call the
 * reference loops for their edges and tails. Philox runs four 32-bit words per counter in 64-bit
 * lanes (the products are exact), so the random words are the reference's bits for any width and
 * thread count.
 * n-body sums over j in lanes (another order) and Black-Scholes uses the Vector API's log/exp: both
 * are within the documented tolerances of the reference, not bitwise equal.
 */
public final class SimdSimulation implements SimulationKernels {
    private static final ScalarSimulation REF = ScalarSimulation.INSTANCE;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final long MASK = 0xFFFFFFFFL;
    /** Random-stream elements per task chunk. */
    private static final int CHUNK = 4096;
    /** Black-Scholes options per block of passes: a multiple of any vector length, its scratch in L1. */
    private static final int BS_BLOCK = 256;
    private static final int TASKS_PER_THREAD = 4;

    private final WorkerPool pool;

    public SimdSimulation(SimdBackend backend) {
        this.pool = backend.pool();
    }

    @FunctionalInterface
    private interface Range {
        void run(int lo, int hi);
    }

    /** Runs task over [0, items) in contiguous runs of at least {@code grain} items, on up to {@code threads} threads. */
    private void parallel(int items, int grain, int threads, Range task) {
        long chunks = (items + (long) grain - 1) / Math.max(1, grain);
        int tasks = threads <= 1 ? 1 : (int) Math.max(1, Math.min((long) threads * TASKS_PER_THREAD, chunks));
        if (tasks <= 1) {
            if (items > 0) {
                task.run(0, items);
            }
            return;
        }
        pool.run(tasks, t -> {
            int lo = (int) ((long) items * t / tasks);
            int hi = (int) ((long) items * (t + 1) / tasks);
            if (lo < hi) {
                task.run(lo, hi);
            }
        });
    }

    /** Heat rows of nx cells per task: about 16K cells, so a small grid makes one or a few tasks. */
    private static int heatGrain(int nx) {
        return Math.max(1, 16384 / Math.max(1, nx));
    }

    // ---- Philox: one counter per 64-bit lane ----

    /** Blocks [first, first + count) of the stream of seed: word q of block first + b into w[q][b]. */
    static void philoxBlocks(long seed, long first, int count, long[][] w) {
        int lanes = LONGS.length();
        long[] iota = new long[lanes];
        for (int l = 0; l < lanes; l++) {
            iota[l] = l;
        }
        LongVector lanesIota = LongVector.fromArray(LONGS, iota, 0);
        int b = 0;
        for (; b + lanes <= count; b += lanes) {
            LongVector block = lanesIota.add(first + b);
            LongVector c0 = block.and(MASK);
            LongVector c1 = block.lanewise(VectorOperators.LSHR, 32);
            LongVector c2 = LongVector.zero(LONGS);
            LongVector c3 = LongVector.zero(LONGS);
            long k0 = seed & MASK;
            long k1 = seed >>> 32;
            for (int round = 0; round < Philox.ROUNDS; round++) {
                if (round > 0) {
                    k0 = (k0 + (Philox.W0 & MASK)) & MASK;
                    k1 = (k1 + (Philox.W1 & MASK)) & MASK;
                }
                LongVector p0 = c0.mul(Philox.M0 & MASK);
                LongVector p1 = c2.mul(Philox.M1 & MASK);
                LongVector n0 = p1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, c1).lanewise(VectorOperators.XOR, k0);
                LongVector n1 = p1.and(MASK);
                LongVector n2 = p0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, c3).lanewise(VectorOperators.XOR, k1);
                LongVector n3 = p0.and(MASK);
                c0 = n0;
                c1 = n1;
                c2 = n2;
                c3 = n3;
            }
            c0.intoArray(w[0], b);
            c1.intoArray(w[1], b);
            c2.intoArray(w[2], b);
            c3.intoArray(w[3], b);
        }
        int[] one = new int[4];
        for (; b < count; b++) {
            Philox.block(seed, first + b, one);
            for (int q = 0; q < 4; q++) {
                w[q][b] = one[q] & MASK;
            }
        }
    }

    private static final ThreadLocal<long[][]> WORDS = ThreadLocal.withInitial(() -> new long[4][CHUNK + 2]);

    @FunctionalInterface
    private interface Emit {
        /** Writes output element i, stream element e, whose block's words are w[0..3][b]. */
        void put(int i, long e, long[][] w, int b);
    }

    /** Elements [offset, offset + n) of a stream of {@code perBlock} elements per block, chunked across threads. */
    private void stream(long seed, long offset, int n, int perBlock, int threads, Emit emit) {
        parallel(n, CHUNK, threads, (lo, hi) -> {
            long[][] w = WORDS.get();
            for (int c = lo; c < hi; c += CHUNK) {
                int end = Math.min(hi, c + CHUNK);
                long first = (offset + c) / perBlock;
                long last = (offset + end - 1) / perBlock;
                philoxBlocks(seed, first, (int) (last - first + 1), w);
                for (int i = c; i < end; i++) {
                    long e = offset + i;
                    emit.put(i, e, w, (int) (e / perBlock - first));
                }
            }
        });
    }

    @Override
    public void philoxBits(long seed, long offset, int n, int[] out, int threads) {
        stream(seed, offset, n, 4, threads, (i, e, w, b) -> out[i] = (int) w[(int) (e & 3)][b]);
    }

    @Override
    public long piHits(long seed, long samples, int threads) {
        long blocks = samples / 2; // whole blocks: two samples each
        long tail = samples - 2 * blocks;
        int chunks = (int) ((blocks + CHUNK - 1) / CHUNK);
        long[] hits = new long[Math.max(1, chunks)];
        parallel(chunks, 1, threads, (lo, hi) -> {
            long[][] w = WORDS.get();
            int lanes = LONGS.length();
            LongVector limit = LongVector.broadcast(LONGS, 1L << 62);
            for (int c = lo; c < hi; c++) {
                long first = (long) c * CHUNK;
                int count = (int) Math.min(CHUNK, blocks - first);
                philoxBlocks(seed, first, count, w);
                long h = 0;
                int b = 0;
                for (; b + lanes <= count; b += lanes) {
                    LongVector a0 = LongVector.fromArray(LONGS, w[0], b).lanewise(VectorOperators.LSHR, 1);
                    LongVector b0 = LongVector.fromArray(LONGS, w[1], b).lanewise(VectorOperators.LSHR, 1);
                    LongVector a1 = LongVector.fromArray(LONGS, w[2], b).lanewise(VectorOperators.LSHR, 1);
                    LongVector b1 = LongVector.fromArray(LONGS, w[3], b).lanewise(VectorOperators.LSHR, 1);
                    h += a0.mul(a0).add(b0.mul(b0)).compare(VectorOperators.LT, limit).trueCount();
                    h += a1.mul(a1).add(b1.mul(b1)).compare(VectorOperators.LT, limit).trueCount();
                }
                for (; b < count; b++) {
                    h += Philox.inside((int) w[0][b], (int) w[1][b]) ? 1 : 0;
                    h += Philox.inside((int) w[2][b], (int) w[3][b]) ? 1 : 0;
                }
                hits[c] = h;
            }
        });
        long total = tail > 0 ? Philox.piHits(seed, 2 * blocks, samples) : 0;
        for (long h : hits) {
            total += h;
        }
        return total;
    }

    private static MemorySegment seg(VecF64 v) {
        return v.heap() != null ? MemorySegment.ofArray(v.heap()) : v.segment();
    }

    private static MemorySegment seg(VecF32 v) {
        return v.heap() != null ? MemorySegment.ofArray(v.heap()) : v.segment();
    }

    @Override
    public void uniform(long seed, long offset, int n, VecF64 out, int threads) {
        out.forHost(true);
        stream(seed, offset, n, 2, threads, (i, e, w, b) -> {
            int h = (int) (e & 1) * 2;
            out.set(i, Philox.toUniformF64((int) w[h][b], (int) w[h + 1][b]));
        });
    }

    @Override
    public void uniform(long seed, long offset, int n, VecF32 out, int threads) {
        out.forHost(true);
        stream(seed, offset, n, 4, threads, (i, e, w, b) -> out.set(i, Philox.toUniformF32((int) w[(int) (e & 3)][b])));
    }

    @Override
    public void normal(long seed, long offset, int n, VecF64 out, int threads) {
        out.forHost(true);
        stream(seed, offset, n, 2, threads, (i, e, w, b) -> out.set(i,
                Philox.toNormalF64((int) w[0][b], (int) w[1][b], (int) w[2][b], (int) w[3][b], (e & 1) != 0)));
    }

    @Override
    public void normal(long seed, long offset, int n, VecF32 out, int threads) {
        out.forHost(true);
        stream(seed, offset, n, 4, threads, (i, e, w, b) -> {
            int h = (int) ((e >>> 1) & 1) * 2;
            out.set(i, Philox.toNormalF32((int) w[h][b], (int) w[h + 1][b], (e & 1) != 0));
        });
    }

    // @twin-begin F64
    private static final VectorSpecies<Double> SPECIES_F64 = DoubleVector.SPECIES_PREFERRED;
    private static final ValueLayout.OfDouble LAYOUT_F64 = ValueLayout.JAVA_DOUBLE;

    /** A vector at element {@code index} of a heap array (when {@code h} is not null: the faster load) or a segment. */
    private static DoubleVector loadF64(double[] h, MemorySegment s, long index) {
        return h != null ? DoubleVector.fromArray(SPECIES_F64, h, (int) index)
                : DoubleVector.fromMemorySegment(SPECIES_F64, s, index * Double.BYTES, ORDER);
    }

    private static void storeF64(DoubleVector v, double[] h, MemorySegment s, long index) {
        if (h != null) {
            v.intoArray(h, (int) index);
        } else {
            v.intoMemorySegment(s, index * Double.BYTES, ORDER);
        }
    }

    private static double getF64(double[] h, MemorySegment s, long index) {
        return h != null ? h[(int) index] : s.getAtIndex(LAYOUT_F64, index);
    }

    private static void setF64(double v, double[] h, MemorySegment s, long index) {
        if (h != null) {
            h[(int) index] = v;
        } else {
            s.setAtIndex(LAYOUT_F64, index, v);
        }
    }

    /** Copies {@code len} elements from index {@code from} of one operand to index {@code to} of the other. */
    private static void copyF64(double[] sh, MemorySegment ss, double[] dh, MemorySegment ds, long from, long to, int len) {
        if (sh != null && dh != null) {
            System.arraycopy(sh, (int) from, dh, (int) to, len);
        } else {
            MemorySegment.copy(ss, from * Double.BYTES, ds, to * Double.BYTES, (long) len * Double.BYTES);
        }
    }

    @Override
    public void heat2d(int nx, int ny, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b, int threads) {
        a.forHost(true);
        b.forHost(true);
        if (nx == 0) {
            return; // rows without cells (ny may be > 0)
        }
        MemorySegment sa = seg(a);
        double[] sah = a.heap();
        MemorySegment sb = seg(b);
        double[] sbh = b.heap();
        int lanes = SPECIES_F64.length();
        int last = nx - 1;
        for (int step = 0; step < steps; step++) {
            boolean even = (step & 1) == 0;
            long from = (even ? a : b).start();
            long to = (even ? b : a).start();
            MemorySegment ss = even ? sa : sb;
            double[] ssh = even ? sah : sbh;
            MemorySegment ds = even ? sb : sa;
            double[] dsh = even ? sbh : sah;
            parallel(ny, heatGrain(nx), threads, (j0, j1) -> {
                for (int j = j0; j < j1; j++) {
                    long c = from + (long) nx * j;
                    long out = to + (long) nx * j;
                    if (!periodic && (j == 0 || j == ny - 1)) {
                        copyF64(ssh, ss, dsh, ds, c, out, nx); // a fixed edge keeps its values
                        continue;
                    }
                    long n = from + (long) nx * ScalarSimulation.wrap(j, -1, ny);
                    long s = from + (long) nx * ScalarSimulation.wrap(j, 1, ny);
                    if (last - 1 >= lanes) {
                        // Cells [1, last) in vectors, the last one overlapping the one before (those cells
                        // are written twice, with the same value). No masked tail: a second, masked copy of
                        // this body took C2 past its inlining node budget, and every vector was then boxed.
                        for (int i = 1; i < last; i += lanes) {
                            int x = Math.min(i, last - lanes);
                            DoubleVector vc = loadF64(ssh, ss, c + x);
                            DoubleVector sum = loadF64(ssh, ss, c + x - 1).add(loadF64(ssh, ss, c + x + 1))
                                    .add(loadF64(ssh, ss, n + x).add(loadF64(ssh, ss, s + x)));
                            storeF64(vc.add(sum.sub(vc.mul(4)).mul(alpha)), dsh, ds, out + x);
                        }
                    } else {
                        for (int i = 1; i < last; i++) { // a row shorter than a vector
                            heat2dCellF64(ssh, ss, dsh, ds, c, n, s, out, i, i - 1, i + 1, alpha);
                        }
                    }
                    if (periodic) { // the row's two ends: west of 0 and east of nx - 1 wrap around
                        heat2dCellF64(ssh, ss, dsh, ds, c, n, s, out, 0, last, ScalarSimulation.wrap(0, 1, nx), alpha);
                        heat2dCellF64(ssh, ss, dsh, ds, c, n, s, out, last, ScalarSimulation.wrap(last, -1, nx), 0, alpha);
                    } else {
                        setF64(getF64(ssh, ss, c), dsh, ds, out);
                        setF64(getF64(ssh, ss, c + last), dsh, ds, out + last);
                    }
                }
            });
        }
    }

    /** Cell i of a row whose west and east neighbours are cells w and e of the row (they wrap at a periodic row's ends). */
    private static void heat2dCellF64(double[] sh, MemorySegment ss, double[] dh, MemorySegment ds, long c, long n, long s,
            long out, int i, int w, int e, double alpha) {
        setF64(ScalarSimulation.heat(getF64(sh, ss, c + i), getF64(sh, ss, c + w), getF64(sh, ss, c + e), getF64(sh, ss, n + i),
                getF64(sh, ss, s + i), alpha), dh, ds, out + i);
    }

    @Override
    public void heat3d(int nx, int ny, int nz, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b, int threads) {
        a.forHost(true);
        b.forHost(true);
        if (nx == 0) {
            return; // as in heat2d
        }
        MemorySegment sa = seg(a);
        double[] sah = a.heap();
        MemorySegment sb = seg(b);
        double[] sbh = b.heap();
        int rows = ny * nz;
        long plane = (long) nx * ny;
        int lanes = SPECIES_F64.length();
        int last = nx - 1;
        for (int step = 0; step < steps; step++) {
            boolean even = (step & 1) == 0;
            long from = (even ? a : b).start();
            long to = (even ? b : a).start();
            MemorySegment ss = even ? sa : sb;
            double[] ssh = even ? sah : sbh;
            MemorySegment ds = even ? sb : sa;
            double[] dsh = even ? sbh : sah;
            parallel(rows, heatGrain(nx), threads, (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    int j = r % ny;
                    int k = r / ny;
                    long c = from + (long) nx * r;
                    long out = to + (long) nx * r;
                    if (!periodic && (j == 0 || j == ny - 1 || k == 0 || k == nz - 1)) {
                        copyF64(ssh, ss, dsh, ds, c, out, nx); // a fixed face keeps its values
                        continue;
                    }
                    long n = from + (long) nx * ScalarSimulation.wrap(j, -1, ny) + plane * k;
                    long s = from + (long) nx * ScalarSimulation.wrap(j, 1, ny) + plane * k;
                    long d = from + (long) nx * j + plane * ScalarSimulation.wrap(k, -1, nz);
                    long u = from + (long) nx * j + plane * ScalarSimulation.wrap(k, 1, nz);
                    if (last - 1 >= lanes) { // as in heat2d: vectors, the last one overlapping
                        for (int i = 1; i < last; i += lanes) {
                            int x = Math.min(i, last - lanes);
                            DoubleVector vc = loadF64(ssh, ss, c + x);
                            DoubleVector sum = loadF64(ssh, ss, c + x - 1).add(loadF64(ssh, ss, c + x + 1))
                                    .add(loadF64(ssh, ss, n + x).add(loadF64(ssh, ss, s + x)))
                                    .add(loadF64(ssh, ss, d + x).add(loadF64(ssh, ss, u + x)));
                            storeF64(vc.add(sum.sub(vc.mul(6)).mul(alpha)), dsh, ds, out + x);
                        }
                    } else {
                        for (int i = 1; i < last; i++) {
                            heat3dCellF64(ssh, ss, dsh, ds, c, n, s, d, u, out, i, i - 1, i + 1, alpha);
                        }
                    }
                    if (periodic) { // the row's two ends: west of 0 and east of nx - 1 wrap around
                        heat3dCellF64(ssh, ss, dsh, ds, c, n, s, d, u, out, 0, last, ScalarSimulation.wrap(0, 1, nx), alpha);
                        heat3dCellF64(ssh, ss, dsh, ds, c, n, s, d, u, out, last, ScalarSimulation.wrap(last, -1, nx), 0, alpha);
                    } else {
                        setF64(getF64(ssh, ss, c), dsh, ds, out);
                        setF64(getF64(ssh, ss, c + last), dsh, ds, out + last);
                    }
                }
            });
        }
    }

    /** {@link #heat2dCellF64} with the cells below and above too: the 7-point update. */
    private static void heat3dCellF64(double[] sh, MemorySegment ss, double[] dh, MemorySegment ds, long c, long n, long s,
            long d, long u, long out, int i, int w, int e, double alpha) {
        setF64(ScalarSimulation.heat(getF64(sh, ss, c + i), getF64(sh, ss, c + w), getF64(sh, ss, c + e), getF64(sh, ss, n + i),
                getF64(sh, ss, s + i), getF64(sh, ss, d + i), getF64(sh, ss, u + i), alpha), dh, ds, out + i);
    }

    @Override
    public void nbody(int n, double softening, double dt, VecF64 x, VecF64 y, VecF64 z, VecF64 vx, VecF64 vy, VecF64 vz,
            VecF64 mass, int threads) {
        for (VecF64 v : new VecF64[] {x, y, z, vx, vy, vz}) {
            v.forHost(true);
        }
        mass.forHost(false);
        MemorySegment sx = seg(x);
        double[] sxh = x.heap();
        MemorySegment sy = seg(y);
        double[] syh = y.heap();
        MemorySegment sz = seg(z);
        double[] szh = z.heap();
        MemorySegment sm = seg(mass);
        double[] smh = mass.heap();
        double[] ax = new double[n];
        double[] ay = new double[n];
        double[] az = new double[n];
        double eps2 = softening * softening;
        int lanes = SPECIES_F64.length();
        parallel(n, Math.max(1, 65536 / Math.max(1, n)), threads, (lo, hi) -> {
            double[] scratch = Lanes.f64(); // the worker's own
            for (int i = lo; i < hi; i++) {
                double xi = x.get(i);
                double yi = y.get(i);
                double zi = z.get(i);
                DoubleVector accX = DoubleVector.zero(SPECIES_F64);
                DoubleVector accY = DoubleVector.zero(SPECIES_F64);
                DoubleVector accZ = DoubleVector.zero(SPECIES_F64);
                int j = 0;
                for (; j + lanes <= n; j += lanes) {
                    DoubleVector dx = loadF64(sxh, sx, x.start() + j).sub(xi);
                    DoubleVector dy = loadF64(syh, sy, y.start() + j).sub(yi);
                    DoubleVector dz = loadF64(szh, sz, z.start() + j).sub(zi);
                    DoubleVector d2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz)).add(eps2);
                    DoubleVector inv = DoubleVector.broadcast(SPECIES_F64, 1).div(d2.lanewise(VectorOperators.SQRT));
                    DoubleVector f = loadF64(smh, sm, mass.start() + j).mul(inv.mul(inv).mul(inv));
                    accX = accX.add(f.mul(dx));
                    accY = accY.add(f.mul(dy));
                    accZ = accZ.add(f.mul(dz));
                }
                accX.intoArray(scratch, 0);
                double tx = Lanes.fold(scratch, accX.length());
                accY.intoArray(scratch, 0);
                double ty = Lanes.fold(scratch, accY.length());
                accZ.intoArray(scratch, 0);
                double tz = Lanes.fold(scratch, accZ.length());
                for (; j < n; j++) {
                    double dx = x.get(j) - xi;
                    double dy = y.get(j) - yi;
                    double dz = z.get(j) - zi;
                    double d2 = ((dx * dx + dy * dy) + dz * dz) + eps2;
                    double inv = 1 / (double) Math.sqrt(d2);
                    double f = mass.get(j) * (inv * inv * inv);
                    tx += f * dx;
                    ty += f * dy;
                    tz += f * dz;
                }
                ax[i] = tx;
                ay[i] = ty;
                az[i] = tz;
            }
        });
        parallel(n, 16384, threads, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                ScalarSimulation.nbodyUpdate(i, dt, ax[i], ay[i], az[i], x, y, z, vx, vy, vz);
            }
        });
    }

    @Override
    public void convolve1d(int n, VecF64 x, int k, VecF64 filter, boolean clamp, VecF64 out, int threads) {
        x.forHost(false);
        filter.forHost(false);
        out.forHost(true);
        MemorySegment sx = seg(x);
        double[] sxh = x.heap();
        MemorySegment so = seg(out);
        double[] soh = out.heap();
        double[] f = new double[k];
        for (int q = 0; q < k; q++) {
            f[q] = filter.get(q);
        }
        int r = k / 2;
        int lanes = SPECIES_F64.length();
        parallel(n, Math.max(256, 65536 / k), threads, (lo, hi) -> {
            int i = lo;
            for (; i < hi && i < r; i++) {
                out.set(i, ScalarSimulation.convolve1dAt(n, x, k, filter, clamp, i));
            }
            int interiorEnd = Math.min(hi, n - k + r + 1); // exclusive: i + k - 1 - r <= n - 1
            for (; i + lanes <= interiorEnd; i += lanes) {
                long base = x.start() + i - r;
                DoubleVector acc = loadF64(sxh, sx, base).mul(f[0]);
                for (int q = 1; q < k; q++) {
                    acc = acc.add(loadF64(sxh, sx, base + q).mul(f[q]));
                }
                storeF64(acc, soh, so, out.start() + i);
            }
            for (; i < hi; i++) {
                out.set(i, ScalarSimulation.convolve1dAt(n, x, k, filter, clamp, i));
            }
        });
    }

    @Override
    public void convolve2d(int w, int h, VecF64 image, int kw, int kh, VecF64 filter, boolean clamp, VecF64 out, int threads) {
        image.forHost(false);
        filter.forHost(false);
        out.forHost(true);
        MemorySegment si = seg(image);
        double[] sih = image.heap();
        MemorySegment so = seg(out);
        double[] soh = out.heap();
        double[] f = new double[kw * kh];
        for (int q = 0; q < f.length; q++) {
            f[q] = filter.get(q);
        }
        int rx = kw / 2;
        int ry = kh / 2;
        int lanes = SPECIES_F64.length();
        int interiorEnd = w - kw + rx + 1;
        parallel(h, Math.max(1, 65536 / Math.max(1, w * kw * kh)), threads, (lo, hi) -> {
            for (int py = lo; py < hi; py++) {
                int px = 0;
                for (; px < Math.min(rx, w); px++) {
                    out.set(px + (long) w * py, ScalarSimulation.convolve2dAt(w, h, image, kw, kh, filter, clamp, px, py));
                }
                // Per filter row: the index of its first tap for pixel 0, and whether it reads the image
                // (false: a row of zeros, Edge.ZERO above or below the image).
                long[] rows = new long[kh];
                boolean[] reads = new boolean[kh];
                for (int qy = 0; qy < kh; qy++) {
                    long y = (long) py + qy - ry;
                    boolean rowIn = y >= 0 && y < h;
                    reads[qy] = rowIn || clamp;
                    rows[qy] = image.start() + (long) w * (rowIn ? y : ScalarSimulation.clampIndex(y, h)) - rx;
                }
                DoubleVector zero = DoubleVector.zero(SPECIES_F64);
                for (; px + lanes <= interiorEnd; px += lanes) {
                    // The reference's order: the first product, then every other one added in row-major order.
                    DoubleVector acc = (reads[0] ? loadF64(sih, si, rows[0] + px) : zero).mul(f[0]);
                    for (int qy = 0; qy < kh; qy++) {
                        long row = rows[qy] + px;
                        boolean in = reads[qy];
                        for (int qx = qy == 0 ? 1 : 0; qx < kw; qx++) {
                            DoubleVector v = in ? loadF64(sih, si, row + qx) : zero;
                            acc = acc.add(v.mul(f[kw * qy + qx]));
                        }
                    }
                    storeF64(acc, soh, so, out.start() + px + (long) w * py);
                }
                for (; px < w; px++) {
                    out.set(px + (long) w * py, ScalarSimulation.convolve2dAt(w, h, image, kw, kh, filter, clamp, px, py));
                }
            }
        });
    }

    /**
     * One task's Black-Scholes state: its operands, and a scratch array in which a block's intermediates
     * cross from pass to pass (d1, d2, the discounted strike, then the two normal tails).
     *
     * <p>Why passes: one loop doing it all exceeded C2's inlining budget (NodeCountInliningCutoff): whichever
     * helper the compiler met last stayed a call, its vectors were boxed on every iteration, and the kernel
     * ran at scalar speed or slower, in some JVM runs and not others. The passes are called through one call
     * site that sees three receivers, which C2 does not inline, so each pass is compiled on its own, within
     * the budget, with only arrays and scalars crossing between them.
     */
    private static final class BlackScholesF64 {
        @FunctionalInterface
        private interface Pass {
            void run(BlackScholesF64 b, int at, int m);
        }

        private static final Pass[] PASSES = {BlackScholesF64::start, BlackScholesF64::tails, BlackScholesF64::prices};

        final double[] sh, kh, th, ch, ph;
        final MemorySegment ss, sk, st, sc, sp;
        final long s0, k0, t0, c0, p0;
        final double r, sigma, drift;
        final double[] w = new double[5 * BS_BLOCK];

        BlackScholesF64(VecF64 s, VecF64 k, VecF64 t, double r, double sigma, VecF64 call, VecF64 put) {
            sh = s.heap();
            ss = seg(s);
            s0 = s.start();
            kh = k.heap();
            sk = seg(k);
            k0 = k.start();
            th = t.heap();
            st = seg(t);
            t0 = t.start();
            ch = call.heap();
            sc = seg(call);
            c0 = call.start();
            ph = put.heap();
            sp = seg(put);
            p0 = put.start();
            this.r = r;
            this.sigma = sigma;
            this.drift = r + 0.5 * sigma * sigma;
        }

        /** Options [lo, hi): [lo, end) in blocks, end - lo a multiple of the vector length. */
        void run(int lo, int end) {
            for (int at = lo; at < end; at += BS_BLOCK) {
                int m = Math.min(BS_BLOCK, end - at);
                for (Pass pass : PASSES) {
                    pass.run(this, at, m);
                }
            }
        }

        /** d1, d2 and the discounted strike of options [at, at + m) into w. */
        private static void start(BlackScholesF64 b, int at, int m) {
            double[] w = b.w;
            for (int j = 0; j < m; j += SPECIES_F64.length()) {
                DoubleVector vs = loadF64(b.sh, b.ss, b.s0 + at + j);
                DoubleVector vk = loadF64(b.kh, b.sk, b.k0 + at + j);
                DoubleVector vt = loadF64(b.th, b.st, b.t0 + at + j);
                DoubleVector vol = vt.lanewise(VectorOperators.SQRT).mul(b.sigma);
                DoubleVector d1 = vs.div(vk).lanewise(VectorOperators.LOG).add(vt.mul(b.drift)).div(vol);
                d1.intoArray(w, j);
                d1.sub(vol).intoArray(w, BS_BLOCK + j);
                vk.mul(vt.mul(-b.r).lanewise(VectorOperators.EXP)).intoArray(w, 2 * BS_BLOCK + j);
            }
        }

        /**
         * Phi(-|d|) of d1 and d2 ({@link ScalarSimulation#normalTail}, both branches computed and blended): one loop
         * over both, so the tail's code is compiled once. All in one method: split in small methods taking vectors, a
         * method C2 did not inline (too large, or too deep in a caller's inlining) had its vectors boxed on every call.
         */
        private static void tails(BlackScholesF64 b, int at, int m) {
            double[] w = b.w;
            for (int j = 0; j < BS_BLOCK + m; j += SPECIES_F64.length()) {
                DoubleVector a = DoubleVector.fromArray(SPECIES_F64, w, j).abs();
                DoubleVector e = a.mul(a).neg().div(2).lanewise(VectorOperators.EXP);
                // Hart's rational approximation near the centre: numerator p over denominator q.
                DoubleVector p = a.mul(3.52624965998911E-02).add(0.700383064443688);
                p = p.mul(a).add(6.37396220353165);
                p = p.mul(a).add(33.912866078383);
                p = p.mul(a).add(112.079291497871);
                p = p.mul(a).add(221.213596169931);
                p = p.mul(a).add(220.206867912376);
                DoubleVector q = a.mul(8.83883476483184E-02).add(1.75566716318264);
                q = q.mul(a).add(16.064177579207);
                q = q.mul(a).add(86.7807322029461);
                q = q.mul(a).add(296.564248779674);
                q = q.mul(a).add(637.333633378831);
                q = q.mul(a).add(793.826512519948);
                q = q.mul(a).add(440.413735824752);
                DoubleVector near = e.mul(p).div(q);
                // The continued fraction in the far tail.
                DoubleVector f = a.add(0.65);
                f = a.add(DoubleVector.broadcast(SPECIES_F64, 4).div(f));
                f = a.add(DoubleVector.broadcast(SPECIES_F64, 3).div(f));
                f = a.add(DoubleVector.broadcast(SPECIES_F64, 2).div(f));
                f = a.add(DoubleVector.broadcast(SPECIES_F64, 1).div(f));
                DoubleVector far = e.div(f).div(2.506628274631);
                DoubleVector tail = far.blend(near, a.compare(VectorOperators.LT, 7.07106781186547));
                tail.blend(0, a.compare(VectorOperators.GT, 37)).intoArray(w, 3 * BS_BLOCK + j);
            }
        }

        /** Call and put prices of options [at, at + m) from w. */
        private static void prices(BlackScholesF64 b, int at, int m) {
            double[] w = b.w;
            for (int j = 0; j < m; j += SPECIES_F64.length()) {
                DoubleVector vs = loadF64(b.sh, b.ss, b.s0 + at + j);
                DoubleVector d1 = DoubleVector.fromArray(SPECIES_F64, w, j);
                DoubleVector d2 = DoubleVector.fromArray(SPECIES_F64, w, BS_BLOCK + j);
                DoubleVector disc = DoubleVector.fromArray(SPECIES_F64, w, 2 * BS_BLOCK + j);
                DoubleVector c1 = DoubleVector.fromArray(SPECIES_F64, w, 3 * BS_BLOCK + j);
                DoubleVector c2 = DoubleVector.fromArray(SPECIES_F64, w, 4 * BS_BLOCK + j);
                VectorMask<Double> pos1 = d1.compare(VectorOperators.GT, 0);
                VectorMask<Double> pos2 = d2.compare(VectorOperators.GT, 0);
                DoubleVector oneMinusC1 = DoubleVector.broadcast(SPECIES_F64, 1).sub(c1);
                DoubleVector oneMinusC2 = DoubleVector.broadcast(SPECIES_F64, 1).sub(c2);
                DoubleVector n1 = c1.blend(oneMinusC1, pos1);
                DoubleVector m1 = oneMinusC1.blend(c1, pos1);
                DoubleVector n2 = c2.blend(oneMinusC2, pos2);
                DoubleVector m2 = oneMinusC2.blend(c2, pos2);
                storeF64(vs.mul(n1).sub(disc.mul(n2)), b.ch, b.sc, b.c0 + at + j);
                storeF64(disc.mul(m2).sub(vs.mul(m1)), b.ph, b.sp, b.p0 + at + j);
            }
        }
    }

    @Override
    public void blackScholes(int n, VecF64 s, VecF64 k, VecF64 t, double r, double sigma, VecF64 call, VecF64 put, int threads) {
        s.forHost(false);
        k.forHost(false);
        t.forHost(false);
        call.forHost(true);
        put.forHost(true);
        int lanes = SPECIES_F64.length();
        parallel(n, 4096, threads, (lo, hi) -> {
            int end = lo + (hi - lo) / lanes * lanes;
            new BlackScholesF64(s, k, t, r, sigma, call, put).run(lo, end);
            for (int i = end; i < hi; i++) {
                ScalarSimulation.blackScholesAt(i, s.get(i), k.get(i), t.get(i), r, sigma, call, put);
            }
        });
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private static final VectorSpecies<Float> SPECIES_F32 = FloatVector.SPECIES_PREFERRED;
    private static final ValueLayout.OfFloat LAYOUT_F32 = ValueLayout.JAVA_FLOAT;

    /** A vector at element {@code index} of a heap array (when {@code h} is not null: the faster load) or a segment. */
    private static FloatVector loadF32(float[] h, MemorySegment s, long index) {
        return h != null ? FloatVector.fromArray(SPECIES_F32, h, (int) index)
                : FloatVector.fromMemorySegment(SPECIES_F32, s, index * Float.BYTES, ORDER);
    }

    private static void storeF32(FloatVector v, float[] h, MemorySegment s, long index) {
        if (h != null) {
            v.intoArray(h, (int) index);
        } else {
            v.intoMemorySegment(s, index * Float.BYTES, ORDER);
        }
    }

    private static float getF32(float[] h, MemorySegment s, long index) {
        return h != null ? h[(int) index] : s.getAtIndex(LAYOUT_F32, index);
    }

    private static void setF32(float v, float[] h, MemorySegment s, long index) {
        if (h != null) {
            h[(int) index] = v;
        } else {
            s.setAtIndex(LAYOUT_F32, index, v);
        }
    }

    /** Copies {@code len} elements from index {@code from} of one operand to index {@code to} of the other. */
    private static void copyF32(float[] sh, MemorySegment ss, float[] dh, MemorySegment ds, long from, long to, int len) {
        if (sh != null && dh != null) {
            System.arraycopy(sh, (int) from, dh, (int) to, len);
        } else {
            MemorySegment.copy(ss, from * Float.BYTES, ds, to * Float.BYTES, (long) len * Float.BYTES);
        }
    }

    @Override
    public void heat2d(int nx, int ny, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b, int threads) {
        a.forHost(true);
        b.forHost(true);
        if (nx == 0) {
            return; // rows without cells (ny may be > 0)
        }
        MemorySegment sa = seg(a);
        float[] sah = a.heap();
        MemorySegment sb = seg(b);
        float[] sbh = b.heap();
        int lanes = SPECIES_F32.length();
        int last = nx - 1;
        for (int step = 0; step < steps; step++) {
            boolean even = (step & 1) == 0;
            long from = (even ? a : b).start();
            long to = (even ? b : a).start();
            MemorySegment ss = even ? sa : sb;
            float[] ssh = even ? sah : sbh;
            MemorySegment ds = even ? sb : sa;
            float[] dsh = even ? sbh : sah;
            parallel(ny, heatGrain(nx), threads, (j0, j1) -> {
                for (int j = j0; j < j1; j++) {
                    long c = from + (long) nx * j;
                    long out = to + (long) nx * j;
                    if (!periodic && (j == 0 || j == ny - 1)) {
                        copyF32(ssh, ss, dsh, ds, c, out, nx); // a fixed edge keeps its values
                        continue;
                    }
                    long n = from + (long) nx * ScalarSimulation.wrap(j, -1, ny);
                    long s = from + (long) nx * ScalarSimulation.wrap(j, 1, ny);
                    if (last - 1 >= lanes) {
                        // Cells [1, last) in vectors, the last one overlapping the one before (those cells
                        // are written twice, with the same value). No masked tail: a second, masked copy of
                        // this body took C2 past its inlining node budget, and every vector was then boxed.
                        for (int i = 1; i < last; i += lanes) {
                            int x = Math.min(i, last - lanes);
                            FloatVector vc = loadF32(ssh, ss, c + x);
                            FloatVector sum = loadF32(ssh, ss, c + x - 1).add(loadF32(ssh, ss, c + x + 1))
                                    .add(loadF32(ssh, ss, n + x).add(loadF32(ssh, ss, s + x)));
                            storeF32(vc.add(sum.sub(vc.mul(4)).mul(alpha)), dsh, ds, out + x);
                        }
                    } else {
                        for (int i = 1; i < last; i++) { // a row shorter than a vector
                            heat2dCellF32(ssh, ss, dsh, ds, c, n, s, out, i, i - 1, i + 1, alpha);
                        }
                    }
                    if (periodic) { // the row's two ends: west of 0 and east of nx - 1 wrap around
                        heat2dCellF32(ssh, ss, dsh, ds, c, n, s, out, 0, last, ScalarSimulation.wrap(0, 1, nx), alpha);
                        heat2dCellF32(ssh, ss, dsh, ds, c, n, s, out, last, ScalarSimulation.wrap(last, -1, nx), 0, alpha);
                    } else {
                        setF32(getF32(ssh, ss, c), dsh, ds, out);
                        setF32(getF32(ssh, ss, c + last), dsh, ds, out + last);
                    }
                }
            });
        }
    }

    /** Cell i of a row whose west and east neighbours are cells w and e of the row (they wrap at a periodic row's ends). */
    private static void heat2dCellF32(float[] sh, MemorySegment ss, float[] dh, MemorySegment ds, long c, long n, long s,
            long out, int i, int w, int e, float alpha) {
        setF32(ScalarSimulation.heat(getF32(sh, ss, c + i), getF32(sh, ss, c + w), getF32(sh, ss, c + e), getF32(sh, ss, n + i),
                getF32(sh, ss, s + i), alpha), dh, ds, out + i);
    }

    @Override
    public void heat3d(int nx, int ny, int nz, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b, int threads) {
        a.forHost(true);
        b.forHost(true);
        if (nx == 0) {
            return; // as in heat2d
        }
        MemorySegment sa = seg(a);
        float[] sah = a.heap();
        MemorySegment sb = seg(b);
        float[] sbh = b.heap();
        int rows = ny * nz;
        long plane = (long) nx * ny;
        int lanes = SPECIES_F32.length();
        int last = nx - 1;
        for (int step = 0; step < steps; step++) {
            boolean even = (step & 1) == 0;
            long from = (even ? a : b).start();
            long to = (even ? b : a).start();
            MemorySegment ss = even ? sa : sb;
            float[] ssh = even ? sah : sbh;
            MemorySegment ds = even ? sb : sa;
            float[] dsh = even ? sbh : sah;
            parallel(rows, heatGrain(nx), threads, (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    int j = r % ny;
                    int k = r / ny;
                    long c = from + (long) nx * r;
                    long out = to + (long) nx * r;
                    if (!periodic && (j == 0 || j == ny - 1 || k == 0 || k == nz - 1)) {
                        copyF32(ssh, ss, dsh, ds, c, out, nx); // a fixed face keeps its values
                        continue;
                    }
                    long n = from + (long) nx * ScalarSimulation.wrap(j, -1, ny) + plane * k;
                    long s = from + (long) nx * ScalarSimulation.wrap(j, 1, ny) + plane * k;
                    long d = from + (long) nx * j + plane * ScalarSimulation.wrap(k, -1, nz);
                    long u = from + (long) nx * j + plane * ScalarSimulation.wrap(k, 1, nz);
                    if (last - 1 >= lanes) { // as in heat2d: vectors, the last one overlapping
                        for (int i = 1; i < last; i += lanes) {
                            int x = Math.min(i, last - lanes);
                            FloatVector vc = loadF32(ssh, ss, c + x);
                            FloatVector sum = loadF32(ssh, ss, c + x - 1).add(loadF32(ssh, ss, c + x + 1))
                                    .add(loadF32(ssh, ss, n + x).add(loadF32(ssh, ss, s + x)))
                                    .add(loadF32(ssh, ss, d + x).add(loadF32(ssh, ss, u + x)));
                            storeF32(vc.add(sum.sub(vc.mul(6)).mul(alpha)), dsh, ds, out + x);
                        }
                    } else {
                        for (int i = 1; i < last; i++) {
                            heat3dCellF32(ssh, ss, dsh, ds, c, n, s, d, u, out, i, i - 1, i + 1, alpha);
                        }
                    }
                    if (periodic) { // the row's two ends: west of 0 and east of nx - 1 wrap around
                        heat3dCellF32(ssh, ss, dsh, ds, c, n, s, d, u, out, 0, last, ScalarSimulation.wrap(0, 1, nx), alpha);
                        heat3dCellF32(ssh, ss, dsh, ds, c, n, s, d, u, out, last, ScalarSimulation.wrap(last, -1, nx), 0, alpha);
                    } else {
                        setF32(getF32(ssh, ss, c), dsh, ds, out);
                        setF32(getF32(ssh, ss, c + last), dsh, ds, out + last);
                    }
                }
            });
        }
    }

    /** {@link #heat2dCellF32} with the cells below and above too: the 7-point update. */
    private static void heat3dCellF32(float[] sh, MemorySegment ss, float[] dh, MemorySegment ds, long c, long n, long s,
            long d, long u, long out, int i, int w, int e, float alpha) {
        setF32(ScalarSimulation.heat(getF32(sh, ss, c + i), getF32(sh, ss, c + w), getF32(sh, ss, c + e), getF32(sh, ss, n + i),
                getF32(sh, ss, s + i), getF32(sh, ss, d + i), getF32(sh, ss, u + i), alpha), dh, ds, out + i);
    }

    @Override
    public void nbody(int n, float softening, float dt, VecF32 x, VecF32 y, VecF32 z, VecF32 vx, VecF32 vy, VecF32 vz,
            VecF32 mass, int threads) {
        for (VecF32 v : new VecF32[] {x, y, z, vx, vy, vz}) {
            v.forHost(true);
        }
        mass.forHost(false);
        MemorySegment sx = seg(x);
        float[] sxh = x.heap();
        MemorySegment sy = seg(y);
        float[] syh = y.heap();
        MemorySegment sz = seg(z);
        float[] szh = z.heap();
        MemorySegment sm = seg(mass);
        float[] smh = mass.heap();
        float[] ax = new float[n];
        float[] ay = new float[n];
        float[] az = new float[n];
        float eps2 = softening * softening;
        int lanes = SPECIES_F32.length();
        parallel(n, Math.max(1, 65536 / Math.max(1, n)), threads, (lo, hi) -> {
            float[] scratch = Lanes.f32(); // the worker's own
            for (int i = lo; i < hi; i++) {
                float xi = x.get(i);
                float yi = y.get(i);
                float zi = z.get(i);
                FloatVector accX = FloatVector.zero(SPECIES_F32);
                FloatVector accY = FloatVector.zero(SPECIES_F32);
                FloatVector accZ = FloatVector.zero(SPECIES_F32);
                int j = 0;
                for (; j + lanes <= n; j += lanes) {
                    FloatVector dx = loadF32(sxh, sx, x.start() + j).sub(xi);
                    FloatVector dy = loadF32(syh, sy, y.start() + j).sub(yi);
                    FloatVector dz = loadF32(szh, sz, z.start() + j).sub(zi);
                    FloatVector d2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz)).add(eps2);
                    FloatVector inv = FloatVector.broadcast(SPECIES_F32, 1).div(d2.lanewise(VectorOperators.SQRT));
                    FloatVector f = loadF32(smh, sm, mass.start() + j).mul(inv.mul(inv).mul(inv));
                    accX = accX.add(f.mul(dx));
                    accY = accY.add(f.mul(dy));
                    accZ = accZ.add(f.mul(dz));
                }
                accX.intoArray(scratch, 0);
                float tx = Lanes.fold(scratch, accX.length());
                accY.intoArray(scratch, 0);
                float ty = Lanes.fold(scratch, accY.length());
                accZ.intoArray(scratch, 0);
                float tz = Lanes.fold(scratch, accZ.length());
                for (; j < n; j++) {
                    float dx = x.get(j) - xi;
                    float dy = y.get(j) - yi;
                    float dz = z.get(j) - zi;
                    float d2 = ((dx * dx + dy * dy) + dz * dz) + eps2;
                    float inv = 1 / (float) Math.sqrt(d2);
                    float f = mass.get(j) * (inv * inv * inv);
                    tx += f * dx;
                    ty += f * dy;
                    tz += f * dz;
                }
                ax[i] = tx;
                ay[i] = ty;
                az[i] = tz;
            }
        });
        parallel(n, 16384, threads, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                ScalarSimulation.nbodyUpdate(i, dt, ax[i], ay[i], az[i], x, y, z, vx, vy, vz);
            }
        });
    }

    @Override
    public void convolve1d(int n, VecF32 x, int k, VecF32 filter, boolean clamp, VecF32 out, int threads) {
        x.forHost(false);
        filter.forHost(false);
        out.forHost(true);
        MemorySegment sx = seg(x);
        float[] sxh = x.heap();
        MemorySegment so = seg(out);
        float[] soh = out.heap();
        float[] f = new float[k];
        for (int q = 0; q < k; q++) {
            f[q] = filter.get(q);
        }
        int r = k / 2;
        int lanes = SPECIES_F32.length();
        parallel(n, Math.max(256, 65536 / k), threads, (lo, hi) -> {
            int i = lo;
            for (; i < hi && i < r; i++) {
                out.set(i, ScalarSimulation.convolve1dAt(n, x, k, filter, clamp, i));
            }
            int interiorEnd = Math.min(hi, n - k + r + 1); // exclusive: i + k - 1 - r <= n - 1
            for (; i + lanes <= interiorEnd; i += lanes) {
                long base = x.start() + i - r;
                FloatVector acc = loadF32(sxh, sx, base).mul(f[0]);
                for (int q = 1; q < k; q++) {
                    acc = acc.add(loadF32(sxh, sx, base + q).mul(f[q]));
                }
                storeF32(acc, soh, so, out.start() + i);
            }
            for (; i < hi; i++) {
                out.set(i, ScalarSimulation.convolve1dAt(n, x, k, filter, clamp, i));
            }
        });
    }

    @Override
    public void convolve2d(int w, int h, VecF32 image, int kw, int kh, VecF32 filter, boolean clamp, VecF32 out, int threads) {
        image.forHost(false);
        filter.forHost(false);
        out.forHost(true);
        MemorySegment si = seg(image);
        float[] sih = image.heap();
        MemorySegment so = seg(out);
        float[] soh = out.heap();
        float[] f = new float[kw * kh];
        for (int q = 0; q < f.length; q++) {
            f[q] = filter.get(q);
        }
        int rx = kw / 2;
        int ry = kh / 2;
        int lanes = SPECIES_F32.length();
        int interiorEnd = w - kw + rx + 1;
        parallel(h, Math.max(1, 65536 / Math.max(1, w * kw * kh)), threads, (lo, hi) -> {
            for (int py = lo; py < hi; py++) {
                int px = 0;
                for (; px < Math.min(rx, w); px++) {
                    out.set(px + (long) w * py, ScalarSimulation.convolve2dAt(w, h, image, kw, kh, filter, clamp, px, py));
                }
                // Per filter row: the index of its first tap for pixel 0, and whether it reads the image
                // (false: a row of zeros, Edge.ZERO above or below the image).
                long[] rows = new long[kh];
                boolean[] reads = new boolean[kh];
                for (int qy = 0; qy < kh; qy++) {
                    long y = (long) py + qy - ry;
                    boolean rowIn = y >= 0 && y < h;
                    reads[qy] = rowIn || clamp;
                    rows[qy] = image.start() + (long) w * (rowIn ? y : ScalarSimulation.clampIndex(y, h)) - rx;
                }
                FloatVector zero = FloatVector.zero(SPECIES_F32);
                for (; px + lanes <= interiorEnd; px += lanes) {
                    // The reference's order: the first product, then every other one added in row-major order.
                    FloatVector acc = (reads[0] ? loadF32(sih, si, rows[0] + px) : zero).mul(f[0]);
                    for (int qy = 0; qy < kh; qy++) {
                        long row = rows[qy] + px;
                        boolean in = reads[qy];
                        for (int qx = qy == 0 ? 1 : 0; qx < kw; qx++) {
                            FloatVector v = in ? loadF32(sih, si, row + qx) : zero;
                            acc = acc.add(v.mul(f[kw * qy + qx]));
                        }
                    }
                    storeF32(acc, soh, so, out.start() + px + (long) w * py);
                }
                for (; px < w; px++) {
                    out.set(px + (long) w * py, ScalarSimulation.convolve2dAt(w, h, image, kw, kh, filter, clamp, px, py));
                }
            }
        });
    }

    /**
     * One task's Black-Scholes state: its operands, and a scratch array in which a block's intermediates
     * cross from pass to pass (d1, d2, the discounted strike, then the two normal tails).
     *
     * <p>Why passes: one loop doing it all exceeded C2's inlining budget (NodeCountInliningCutoff): whichever
     * helper the compiler met last stayed a call, its vectors were boxed on every iteration, and the kernel
     * ran at scalar speed or slower, in some JVM runs and not others. The passes are called through one call
     * site that sees three receivers, which C2 does not inline, so each pass is compiled on its own, within
     * the budget, with only arrays and scalars crossing between them.
     */
    private static final class BlackScholesF32 {
        @FunctionalInterface
        private interface Pass {
            void run(BlackScholesF32 b, int at, int m);
        }

        private static final Pass[] PASSES = {BlackScholesF32::start, BlackScholesF32::tails, BlackScholesF32::prices};

        final float[] sh, kh, th, ch, ph;
        final MemorySegment ss, sk, st, sc, sp;
        final long s0, k0, t0, c0, p0;
        final float r, sigma, drift;
        final float[] w = new float[5 * BS_BLOCK];

        BlackScholesF32(VecF32 s, VecF32 k, VecF32 t, float r, float sigma, VecF32 call, VecF32 put) {
            sh = s.heap();
            ss = seg(s);
            s0 = s.start();
            kh = k.heap();
            sk = seg(k);
            k0 = k.start();
            th = t.heap();
            st = seg(t);
            t0 = t.start();
            ch = call.heap();
            sc = seg(call);
            c0 = call.start();
            ph = put.heap();
            sp = seg(put);
            p0 = put.start();
            this.r = r;
            this.sigma = sigma;
            this.drift = r + 0.5f * sigma * sigma;
        }

        /** Options [lo, hi): [lo, end) in blocks, end - lo a multiple of the vector length. */
        void run(int lo, int end) {
            for (int at = lo; at < end; at += BS_BLOCK) {
                int m = Math.min(BS_BLOCK, end - at);
                for (Pass pass : PASSES) {
                    pass.run(this, at, m);
                }
            }
        }

        /** d1, d2 and the discounted strike of options [at, at + m) into w. */
        private static void start(BlackScholesF32 b, int at, int m) {
            float[] w = b.w;
            for (int j = 0; j < m; j += SPECIES_F32.length()) {
                FloatVector vs = loadF32(b.sh, b.ss, b.s0 + at + j);
                FloatVector vk = loadF32(b.kh, b.sk, b.k0 + at + j);
                FloatVector vt = loadF32(b.th, b.st, b.t0 + at + j);
                FloatVector vol = vt.lanewise(VectorOperators.SQRT).mul(b.sigma);
                FloatVector d1 = vs.div(vk).lanewise(VectorOperators.LOG).add(vt.mul(b.drift)).div(vol);
                d1.intoArray(w, j);
                d1.sub(vol).intoArray(w, BS_BLOCK + j);
                vk.mul(vt.mul(-b.r).lanewise(VectorOperators.EXP)).intoArray(w, 2 * BS_BLOCK + j);
            }
        }

        /**
         * Phi(-|d|) of d1 and d2 ({@link ScalarSimulation#normalTail}, both branches computed and blended): one loop
         * over both, so the tail's code is compiled once. All in one method: split in small methods taking vectors, a
         * method C2 did not inline (too large, or too deep in a caller's inlining) had its vectors boxed on every call.
         */
        private static void tails(BlackScholesF32 b, int at, int m) {
            float[] w = b.w;
            for (int j = 0; j < BS_BLOCK + m; j += SPECIES_F32.length()) {
                FloatVector a = FloatVector.fromArray(SPECIES_F32, w, j).abs();
                FloatVector e = a.mul(a).neg().div(2).lanewise(VectorOperators.EXP);
                // Hart's rational approximation near the centre: numerator p over denominator q.
                FloatVector p = a.mul(3.52624965998911E-02f).add(0.700383064443688f);
                p = p.mul(a).add(6.37396220353165f);
                p = p.mul(a).add(33.912866078383f);
                p = p.mul(a).add(112.079291497871f);
                p = p.mul(a).add(221.213596169931f);
                p = p.mul(a).add(220.206867912376f);
                FloatVector q = a.mul(8.83883476483184E-02f).add(1.75566716318264f);
                q = q.mul(a).add(16.064177579207f);
                q = q.mul(a).add(86.7807322029461f);
                q = q.mul(a).add(296.564248779674f);
                q = q.mul(a).add(637.333633378831f);
                q = q.mul(a).add(793.826512519948f);
                q = q.mul(a).add(440.413735824752f);
                FloatVector near = e.mul(p).div(q);
                // The continued fraction in the far tail.
                FloatVector f = a.add(0.65f);
                f = a.add(FloatVector.broadcast(SPECIES_F32, 4).div(f));
                f = a.add(FloatVector.broadcast(SPECIES_F32, 3).div(f));
                f = a.add(FloatVector.broadcast(SPECIES_F32, 2).div(f));
                f = a.add(FloatVector.broadcast(SPECIES_F32, 1).div(f));
                FloatVector far = e.div(f).div(2.506628274631f);
                FloatVector tail = far.blend(near, a.compare(VectorOperators.LT, 7.07106781186547f));
                tail.blend(0, a.compare(VectorOperators.GT, 37)).intoArray(w, 3 * BS_BLOCK + j);
            }
        }

        /** Call and put prices of options [at, at + m) from w. */
        private static void prices(BlackScholesF32 b, int at, int m) {
            float[] w = b.w;
            for (int j = 0; j < m; j += SPECIES_F32.length()) {
                FloatVector vs = loadF32(b.sh, b.ss, b.s0 + at + j);
                FloatVector d1 = FloatVector.fromArray(SPECIES_F32, w, j);
                FloatVector d2 = FloatVector.fromArray(SPECIES_F32, w, BS_BLOCK + j);
                FloatVector disc = FloatVector.fromArray(SPECIES_F32, w, 2 * BS_BLOCK + j);
                FloatVector c1 = FloatVector.fromArray(SPECIES_F32, w, 3 * BS_BLOCK + j);
                FloatVector c2 = FloatVector.fromArray(SPECIES_F32, w, 4 * BS_BLOCK + j);
                VectorMask<Float> pos1 = d1.compare(VectorOperators.GT, 0);
                VectorMask<Float> pos2 = d2.compare(VectorOperators.GT, 0);
                FloatVector oneMinusC1 = FloatVector.broadcast(SPECIES_F32, 1).sub(c1);
                FloatVector oneMinusC2 = FloatVector.broadcast(SPECIES_F32, 1).sub(c2);
                FloatVector n1 = c1.blend(oneMinusC1, pos1);
                FloatVector m1 = oneMinusC1.blend(c1, pos1);
                FloatVector n2 = c2.blend(oneMinusC2, pos2);
                FloatVector m2 = oneMinusC2.blend(c2, pos2);
                storeF32(vs.mul(n1).sub(disc.mul(n2)), b.ch, b.sc, b.c0 + at + j);
                storeF32(disc.mul(m2).sub(vs.mul(m1)), b.ph, b.sp, b.p0 + at + j);
            }
        }
    }

    @Override
    public void blackScholes(int n, VecF32 s, VecF32 k, VecF32 t, float r, float sigma, VecF32 call, VecF32 put, int threads) {
        s.forHost(false);
        k.forHost(false);
        t.forHost(false);
        call.forHost(true);
        put.forHost(true);
        int lanes = SPECIES_F32.length();
        parallel(n, 4096, threads, (lo, hi) -> {
            int end = lo + (hi - lo) / lanes * lanes;
            new BlackScholesF32(s, k, t, r, sigma, call, put).run(lo, end);
            for (int i = end; i < hi; i++) {
                ScalarSimulation.blackScholesAt(i, s.get(i), k.get(i), t.get(i), r, sigma, call, put);
            }
        });
    }
    // @twin-end
}
