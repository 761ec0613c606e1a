// @twin-file
package dev.pel.kernels.cpu;

import dev.pel.runtime.cpu.WorkerPool;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code cpu-simd} GEMM, Goto/BLIS style: for each KC-deep slice of A and B, A is packed once
 * into contiguous micro-panels (each row block by the thread that takes it first, then shared) and
 * B one NC-column panel at a time (shared by the threads); row blocks are the parallel tasks, and a
 * register-blocked micro-kernel keeps an MR x NR tile of C in MR * 2 vector accumulators: per step
 * of k one broadcast of A per row and two vector loads of B feed MR * 2 fused multiply-adds (the
 * 12-row kernel runs at about 82% of the FMA peak of a Xeon core with two 512-bit FMA ports). Block sizes come from {@link GemmBlocking} (the
 * machine's caches), NR from the preferred vector species.
 *
 * <p>Small products, and thin ones whose B rows are contiguous, skip packing (the direct path):
 * four rows of C at a time, vectors along the row.
 *
 * <p>In the direct path every vector value starts as a broadcast of {@link #Z} (accumulators as
 * {@code Z.broadcast(0)}), so its class is the species' own when the JIT compiles the method, and every
 * vector operation binds to that class's code. {@code DoubleVector.broadcast(S, x)} and
 * {@code DoubleVector.zero(S)} have that class only once their intrinsic is expanded; until then the
 * JIT binds their operations by class hierarchy, which works only while no other vector class of the
 * element type is loaded. Once one is (netlib's {@code SPECIES_MAX} vectors in the same JVM: a class of
 * their own though 512 bits too), it binds them by the calls' shared profiles, splits the code by
 * class and boxes the accumulators: a 32 x 32 product took 16.5 us instead of 1.3. The packed path's
 * micro-kernels still use the static factories (there {@code Z}'s broadcasts made the JIT box all 24
 * accumulators even with no other class loaded: 18 ms for 256 x 256 instead of 0.35), so with another
 * vector class loaded they run 4-10x slower (1.3-4 ms).
 *
 * <p>C is made row-major first (a column-major C is the transposed problem {@code C^T = B^T A^T}).
 * beta == 0 writes C without reading it; alpha == 0 or k == 0 only scales C.
 */
final class SimdGemmF64 {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /**
     * A vector of the species' own class, whose broadcasts start the direct path's vector values: see the class comment.
     * (Never an operand: a vector constant in a loop is loaded from its object on every trip.)
     */
    private static final DoubleVector Z = (DoubleVector) S.zero();
    /**
     * Rows of the micro-tile: 12 where vectors are 512 bits wide (AVX-512 and SVE-512 have 32 vector
     * registers: 24 accumulators, two B vectors and a broadcast fit), else 6 (AVX2's 16 registers).
     */
    static final int MR = S.vectorBitSize() >= 512 ? 12 : 6;
    static final int NR = 2 * L;
    static final GemmBlocking BLOCKS = GemmBlocking.forKernel(MR, NR, Double.BYTES);
    /** Below this m*n*k (or with at most this many rows) the direct path beats packing. */
    private static final long DIRECT_VOLUME = 64L * 64 * 64;
    private static final int DIRECT_ROWS = 8;
    /** Direct-path work per task, in multiply-adds: enough to amortise handing a task to a worker. */
    private static final long DIRECT_TASK_VOLUME = 1L << 17;

    private static final ThreadLocal<double[][]> PACKED_A = ThreadLocal.withInitial(() -> new double[1][0]);
    private static final ThreadLocal<double[][]> PACKED_B = ThreadLocal.withInitial(() -> new double[1][0]);
    private static final ThreadLocal<double[]> TILE = ThreadLocal.withInitial(() -> new double[MR * NR]);

    private SimdGemmF64() {
    }

    static void gemm(WorkerPool pool, int threads, int m, int n, int k, double alpha, double[] a, int offA, int rsA, int csA,
            double[] b, int offB, int rsB, int csB, double beta, double[] c, int offC, int rsC, int csC) {
        if (m == 0 || n == 0) {
            return;
        }
        if (csC != 1 && rsC == 1) {
            // C^T = B^T A^T: C^T is row-major.
            gemm(pool, threads, n, m, k, alpha, b, offB, csB, rsB, a, offA, csA, rsA, beta, c, offC, csC, rsC);
            return;
        }
        if (csC != 1) {
            ScalarLinalgF64.gemm(m, n, k, alpha, a, offA, rsA, csA, b, offB, rsB, csB, beta, c, offC, rsC, csC);
            return;
        }
        if (alpha == 0 || k == 0) {
            scale(m, n, beta, c, offC, rsC);
            return;
        }
        long volume = (long) m * n * k;
        if (csB == 1 && (volume <= DIRECT_VOLUME || m <= DIRECT_ROWS)) {
            direct(pool, threads, m, n, k, alpha, a, offA, rsA, csA, b, offB, rsB, beta, c, offC, rsC);
        } else {
            packed(pool, threads, m, n, k, alpha, a, offA, rsA, csA, b, offB, rsB, csB, beta, c, offC, rsC);
        }
    }

    /** C = beta * C for a row-major C (beta == 0: zeros, C not read). */
    static void scale(int m, int n, double beta, double[] c, int offC, int ldc) {
        if (beta == 1) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = offC + i * ldc;
            if (beta == 0) {
                java.util.Arrays.fill(c, row, row + n, 0);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    // ---------------------------------------------------------------- packed path

    private static void packed(WorkerPool pool, int threads, int m, int n, int k, double alpha, double[] a, int offA, int rsA,
            int csA, double[] b, int offB, int rsB, int csB, double beta, double[] c, int offC, int ldc) {
        int kcMax = Math.min(BLOCKS.kc(), k);
        int ncMax = Math.min(BLOCKS.nc(), roundUp(n, NR));
        // Row blocks: at least one per thread (a multiple of the thread count), each at most MC rows.
        int blocks = Math.max(1, (m + BLOCKS.mc() - 1) / BLOCKS.mc());
        int t = Math.max(1, threads);
        if (t > 1) {
            blocks = roundUp(Math.max(blocks, t), t);
        }
        int mcEach = roundUp((m + blocks - 1) / blocks, MR);
        int rowBlocks = (m + mcEach - 1) / mcEach;
        // The whole KC-deep slice of A, packed once and shared: block i0.. starts at i0 * kc.
        double[] ap = buffer(PACKED_A, roundUp(m, MR) * kcMax);
        double[] bp = buffer(PACKED_B, kcMax * ncMax);
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            double betaNow = pc == 0 ? beta : 1;
            int aOff = offA + pc * csA;
            for (int jc = 0; jc < n; jc += ncMax) {
                int nc = Math.min(ncMax, n - jc);
                int panels = (nc + NR - 1) / NR;
                int bOff = offB + pc * rsB + jc * csB;
                int packTasks = t <= 1 ? 1 : Math.min(panels, 4 * t);
                if (packTasks == 1) {
                    packB(kc, nc, 0, panels, b, bOff, rsB, csB, bp);
                } else {
                    pool.run(packTasks, task -> packB(kc, nc, panels * task / packTasks, panels * (task + 1) / packTasks, b, bOff,
                            rsB, csB, bp));
                }
                // The first NC panel of a slice packs each row block of A on its way.
                boolean packA = jc == 0;
                int cOff = offC + jc;
                if (rowBlocks == 1) {
                    block(0, m, kc, nc, alpha, packA, a, aOff, rsA, csA, ap, bp, betaNow, c, cOff, ldc);
                } else {
                    pool.run(rowBlocks, task -> {
                        int i0 = task * mcEach;
                        block(i0, Math.min(m, i0 + mcEach), kc, nc, alpha, packA, a, aOff, rsA, csA, ap, bp, betaNow, c, cOff, ldc);
                    });
                }
            }
        }
    }

    /** Multiplies rows i0..i1 of the packed A slice (packing them first if asked) by the packed B panel into C. */
    private static void block(int i0, int i1, int kc, int nc, double alpha, boolean packA, double[] a, int aOff, int rsA, int csA,
            double[] ap, double[] bp, double beta, double[] c, int cOff, int ldc) {
        int mc = i1 - i0;
        int apOff = i0 * kc;
        if (packA) {
            packA(mc, kc, a, aOff + i0 * rsA, rsA, csA, ap, apOff);
        }
        double[] tile = TILE.get();
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int ao = apOff + ir * kc;
            for (int jr = 0; jr < nc; jr += NR) {
                int nr = Math.min(NR, nc - jr);
                int co = cOff + (i0 + ir) * ldc + jr;
                boolean full = mr == MR && nr == NR;
                micro(kc, ap, ao, bp, jr * kc, tile);
                if (full) {
                    mergeFull(tile, alpha, beta, c, co, ldc);
                } else {
                    mergeTile(tile, mr, nr, alpha, beta, c, co, ldc);
                }
            }
        }
    }

    /**
     * MR x KC micro-panels of A from ap[apOff]: panel p holds rows p*MR.., element (r, q) at q*MR + r;
     * short panels padded with zeros.
     */
    static void packA(int mc, int kc, double[] a, int off, int rsA, int csA, double[] ap, int apOff) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = apOff + ir * kc;
            int rowOff = off + ir * rsA;
            if (csA == 1) {
                for (int r = 0; r < mr; r++) {
                    int src = rowOff + r * rsA;
                    for (int q = 0; q < kc; q++) {
                        ap[base + q * MR + r] = a[src + q];
                    }
                }
            } else {
                for (int q = 0; q < kc; q++) {
                    int src = rowOff + q * csA;
                    int dst = base + q * MR;
                    for (int r = 0; r < mr; r++) {
                        ap[dst + r] = a[src + r * rsA];
                    }
                }
            }
            if (mr < MR) {
                for (int q = 0; q < kc; q++) {
                    for (int r = mr; r < MR; r++) {
                        ap[base + q * MR + r] = 0;
                    }
                }
            }
        }
    }

    /** KC x NR micro-panels of B for panels p0..p1: element (q, j) of panel p at p*NR*kc + q*NR + j; padded with zeros. */
    static void packB(int kc, int nc, int p0, int p1, double[] b, int off, int rsB, int csB, double[] bp) {
        for (int p = p0; p < p1; p++) {
            int jr = p * NR;
            int nr = Math.min(NR, nc - jr);
            int base = jr * kc;
            int colOff = off + jr * csB;
            if (csB == 1) {
                for (int q = 0; q < kc; q++) {
                    System.arraycopy(b, colOff + q * rsB, bp, base + q * NR, nr);
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    int src = colOff + j * csB;
                    for (int q = 0; q < kc; q++) {
                        bp[base + q * NR + j] = b[src + q * rsB];
                    }
                }
            }
            if (nr < NR) {
                for (int q = 0; q < kc; q++) {
                    java.util.Arrays.fill(bp, base + q * NR + nr, base + (q + 1) * NR, 0);
                }
            }
        }
    }

    /**
     * The micro-kernel: tile (row-major MR x NR) = Ap * Bp over kc steps. The accumulators go to a
     * scratch tile rather than straight into C so that the kernel stays small enough for C2 to keep
     * them in registers (scaling and merging into C inlined here made C2 box vectors).
     */
    static void micro(int kc, double[] ap, int ao, double[] bp, int bo, double[] tile) {
        if (MR == 12) {
            micro12(kc, ap, ao, bp, bo, tile);
        } else {
            micro6(kc, ap, ao, bp, bo, tile);
        }
    }

    /**
     * 12 x 2 vectors: 24 accumulators, 14 loads (2 of B, 12 broadcasts of A) per 24 FMAs, two steps
     * of k per iteration so the loop's index arithmetic does not take FMA issue slots.
     */
    private static void micro12(int kc, double[] ap, int ao, double[] bp, int bo, double[] tile) {
        DoubleVector c0a = DoubleVector.zero(S);
        DoubleVector c0b = c0a;
        DoubleVector c1a = c0a;
        DoubleVector c1b = c0a;
        DoubleVector c2a = c0a;
        DoubleVector c2b = c0a;
        DoubleVector c3a = c0a;
        DoubleVector c3b = c0a;
        DoubleVector c4a = c0a;
        DoubleVector c4b = c0a;
        DoubleVector c5a = c0a;
        DoubleVector c5b = c0a;
        DoubleVector c6a = c0a;
        DoubleVector c6b = c0a;
        DoubleVector c7a = c0a;
        DoubleVector c7b = c0a;
        DoubleVector c8a = c0a;
        DoubleVector c8b = c0a;
        DoubleVector c9a = c0a;
        DoubleVector c9b = c0a;
        DoubleVector c10a = c0a;
        DoubleVector c10b = c0a;
        DoubleVector c11a = c0a;
        DoubleVector c11b = c0a;
        int q = 0;
        int ai = ao;
        int bi = bo;
        for (; q <= kc - 2; q += 2, ai += 2 * MR, bi += 2 * NR) {
            DoubleVector b0a = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b0b = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[ai]);
            c0a = x.fma(b0a, c0a);
            c0b = x.fma(b0b, c0b);
            x = DoubleVector.broadcast(S, ap[ai + 1]);
            c1a = x.fma(b0a, c1a);
            c1b = x.fma(b0b, c1b);
            x = DoubleVector.broadcast(S, ap[ai + 2]);
            c2a = x.fma(b0a, c2a);
            c2b = x.fma(b0b, c2b);
            x = DoubleVector.broadcast(S, ap[ai + 3]);
            c3a = x.fma(b0a, c3a);
            c3b = x.fma(b0b, c3b);
            x = DoubleVector.broadcast(S, ap[ai + 4]);
            c4a = x.fma(b0a, c4a);
            c4b = x.fma(b0b, c4b);
            x = DoubleVector.broadcast(S, ap[ai + 5]);
            c5a = x.fma(b0a, c5a);
            c5b = x.fma(b0b, c5b);
            x = DoubleVector.broadcast(S, ap[ai + 6]);
            c6a = x.fma(b0a, c6a);
            c6b = x.fma(b0b, c6b);
            x = DoubleVector.broadcast(S, ap[ai + 7]);
            c7a = x.fma(b0a, c7a);
            c7b = x.fma(b0b, c7b);
            x = DoubleVector.broadcast(S, ap[ai + 8]);
            c8a = x.fma(b0a, c8a);
            c8b = x.fma(b0b, c8b);
            x = DoubleVector.broadcast(S, ap[ai + 9]);
            c9a = x.fma(b0a, c9a);
            c9b = x.fma(b0b, c9b);
            x = DoubleVector.broadcast(S, ap[ai + 10]);
            c10a = x.fma(b0a, c10a);
            c10b = x.fma(b0b, c10b);
            x = DoubleVector.broadcast(S, ap[ai + 11]);
            c11a = x.fma(b0a, c11a);
            c11b = x.fma(b0b, c11b);
            DoubleVector b1a = DoubleVector.fromArray(S, bp, bi + NR);
            DoubleVector b1b = DoubleVector.fromArray(S, bp, bi + NR + L);
            x = DoubleVector.broadcast(S, ap[ai + 12]);
            c0a = x.fma(b1a, c0a);
            c0b = x.fma(b1b, c0b);
            x = DoubleVector.broadcast(S, ap[ai + 13]);
            c1a = x.fma(b1a, c1a);
            c1b = x.fma(b1b, c1b);
            x = DoubleVector.broadcast(S, ap[ai + 14]);
            c2a = x.fma(b1a, c2a);
            c2b = x.fma(b1b, c2b);
            x = DoubleVector.broadcast(S, ap[ai + 15]);
            c3a = x.fma(b1a, c3a);
            c3b = x.fma(b1b, c3b);
            x = DoubleVector.broadcast(S, ap[ai + 16]);
            c4a = x.fma(b1a, c4a);
            c4b = x.fma(b1b, c4b);
            x = DoubleVector.broadcast(S, ap[ai + 17]);
            c5a = x.fma(b1a, c5a);
            c5b = x.fma(b1b, c5b);
            x = DoubleVector.broadcast(S, ap[ai + 18]);
            c6a = x.fma(b1a, c6a);
            c6b = x.fma(b1b, c6b);
            x = DoubleVector.broadcast(S, ap[ai + 19]);
            c7a = x.fma(b1a, c7a);
            c7b = x.fma(b1b, c7b);
            x = DoubleVector.broadcast(S, ap[ai + 20]);
            c8a = x.fma(b1a, c8a);
            c8b = x.fma(b1b, c8b);
            x = DoubleVector.broadcast(S, ap[ai + 21]);
            c9a = x.fma(b1a, c9a);
            c9b = x.fma(b1b, c9b);
            x = DoubleVector.broadcast(S, ap[ai + 22]);
            c10a = x.fma(b1a, c10a);
            c10b = x.fma(b1b, c10b);
            x = DoubleVector.broadcast(S, ap[ai + 23]);
            c11a = x.fma(b1a, c11a);
            c11b = x.fma(b1b, c11b);
        }
        for (; q < kc; q++, ai += MR, bi += NR) {
            DoubleVector b0a = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b0b = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[ai]);
            c0a = x.fma(b0a, c0a);
            c0b = x.fma(b0b, c0b);
            x = DoubleVector.broadcast(S, ap[ai + 1]);
            c1a = x.fma(b0a, c1a);
            c1b = x.fma(b0b, c1b);
            x = DoubleVector.broadcast(S, ap[ai + 2]);
            c2a = x.fma(b0a, c2a);
            c2b = x.fma(b0b, c2b);
            x = DoubleVector.broadcast(S, ap[ai + 3]);
            c3a = x.fma(b0a, c3a);
            c3b = x.fma(b0b, c3b);
            x = DoubleVector.broadcast(S, ap[ai + 4]);
            c4a = x.fma(b0a, c4a);
            c4b = x.fma(b0b, c4b);
            x = DoubleVector.broadcast(S, ap[ai + 5]);
            c5a = x.fma(b0a, c5a);
            c5b = x.fma(b0b, c5b);
            x = DoubleVector.broadcast(S, ap[ai + 6]);
            c6a = x.fma(b0a, c6a);
            c6b = x.fma(b0b, c6b);
            x = DoubleVector.broadcast(S, ap[ai + 7]);
            c7a = x.fma(b0a, c7a);
            c7b = x.fma(b0b, c7b);
            x = DoubleVector.broadcast(S, ap[ai + 8]);
            c8a = x.fma(b0a, c8a);
            c8b = x.fma(b0b, c8b);
            x = DoubleVector.broadcast(S, ap[ai + 9]);
            c9a = x.fma(b0a, c9a);
            c9b = x.fma(b0b, c9b);
            x = DoubleVector.broadcast(S, ap[ai + 10]);
            c10a = x.fma(b0a, c10a);
            c10b = x.fma(b0b, c10b);
            x = DoubleVector.broadcast(S, ap[ai + 11]);
            c11a = x.fma(b0a, c11a);
            c11b = x.fma(b0b, c11b);
        }
        c0a.intoArray(tile, 0 * NR);
        c0b.intoArray(tile, 0 * NR + L);
        c1a.intoArray(tile, 1 * NR);
        c1b.intoArray(tile, 1 * NR + L);
        c2a.intoArray(tile, 2 * NR);
        c2b.intoArray(tile, 2 * NR + L);
        c3a.intoArray(tile, 3 * NR);
        c3b.intoArray(tile, 3 * NR + L);
        c4a.intoArray(tile, 4 * NR);
        c4b.intoArray(tile, 4 * NR + L);
        c5a.intoArray(tile, 5 * NR);
        c5b.intoArray(tile, 5 * NR + L);
        c6a.intoArray(tile, 6 * NR);
        c6b.intoArray(tile, 6 * NR + L);
        c7a.intoArray(tile, 7 * NR);
        c7b.intoArray(tile, 7 * NR + L);
        c8a.intoArray(tile, 8 * NR);
        c8b.intoArray(tile, 8 * NR + L);
        c9a.intoArray(tile, 9 * NR);
        c9b.intoArray(tile, 9 * NR + L);
        c10a.intoArray(tile, 10 * NR);
        c10b.intoArray(tile, 10 * NR + L);
        c11a.intoArray(tile, 11 * NR);
        c11b.intoArray(tile, 11 * NR + L);
    }

    /** 6 x 2 vectors: 12 accumulators, for machines with 16 vector registers. */
    private static void micro6(int kc, double[] ap, int ao, double[] bp, int bo, double[] tile) {
        DoubleVector c0a = DoubleVector.zero(S);
        DoubleVector c0b = c0a;
        DoubleVector c1a = c0a;
        DoubleVector c1b = c0a;
        DoubleVector c2a = c0a;
        DoubleVector c2b = c0a;
        DoubleVector c3a = c0a;
        DoubleVector c3b = c0a;
        DoubleVector c4a = c0a;
        DoubleVector c4b = c0a;
        DoubleVector c5a = c0a;
        DoubleVector c5b = c0a;
        int q = 0;
        int ai = ao;
        int bi = bo;
        for (; q < kc; q++, ai += MR, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector x = DoubleVector.broadcast(S, ap[ai]);
            c0a = x.fma(b0, c0a);
            c0b = x.fma(b1, c0b);
            x = DoubleVector.broadcast(S, ap[ai + 1]);
            c1a = x.fma(b0, c1a);
            c1b = x.fma(b1, c1b);
            x = DoubleVector.broadcast(S, ap[ai + 2]);
            c2a = x.fma(b0, c2a);
            c2b = x.fma(b1, c2b);
            x = DoubleVector.broadcast(S, ap[ai + 3]);
            c3a = x.fma(b0, c3a);
            c3b = x.fma(b1, c3b);
            x = DoubleVector.broadcast(S, ap[ai + 4]);
            c4a = x.fma(b0, c4a);
            c4b = x.fma(b1, c4b);
            x = DoubleVector.broadcast(S, ap[ai + 5]);
            c5a = x.fma(b0, c5a);
            c5b = x.fma(b1, c5b);
        }
        c0a.intoArray(tile, 0 * NR);
        c0b.intoArray(tile, 0 * NR + L);
        c1a.intoArray(tile, 1 * NR);
        c1b.intoArray(tile, 1 * NR + L);
        c2a.intoArray(tile, 2 * NR);
        c2b.intoArray(tile, 2 * NR + L);
        c3a.intoArray(tile, 3 * NR);
        c3b.intoArray(tile, 3 * NR + L);
        c4a.intoArray(tile, 4 * NR);
        c4b.intoArray(tile, 4 * NR + L);
        c5a.intoArray(tile, 5 * NR);
        c5b.intoArray(tile, 5 * NR + L);
    }

    /** C[co.., MR x NR] = alpha * tile + beta * C (beta == 0: C not read), vector by vector. */
    static void mergeFull(double[] tile, double alpha, double beta, double[] c, int co, int ldc) {
        for (int r = 0; r < MR; r++) {
            for (int v = 0; v < NR; v += L) {
                storeOne(tile, r * NR + v, alpha, beta, c, co + r * ldc + v);
            }
        }
    }

    private static void mergeTile(double[] tile, int mr, int nr, double alpha, double beta, double[] c, int co, int ldc) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                int ci = co + r * ldc + j;
                double v = alpha * tile[r * NR + j];
                c[ci] = beta == 0 ? v : beta == 1 ? v + c[ci] : Math.fma(beta, c[ci], v);
            }
        }
    }

    // ---------------------------------------------------------------- direct path (B rows contiguous)

    private static void direct(WorkerPool pool, int threads, int m, int n, int k, double alpha, double[] a, int offA, int rsA,
            int csA, double[] b, int offB, int ldb, double beta, double[] c, int offC, int ldc) {
        int groups = (m + 3) / 4;
        long volume = (long) m * n * k;
        int tasks = threads <= 1 ? 1 : (int) Math.min(groups, Math.min(4L * threads, Math.max(1, volume / DIRECT_TASK_VOLUME)));
        if (tasks <= 1) {
            directRows(0, m, n, k, alpha, a, offA, rsA, csA, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        pool.run(tasks, t -> {
            int i0 = 4 * (int) ((long) groups * t / tasks);
            int i1 = Math.min(m, 4 * (int) ((long) groups * (t + 1) / tasks));
            directRows(i0, i1, n, k, alpha, a, offA, rsA, csA, b, offB, ldb, beta, c, offC, ldc);
        });
    }

    private static void directRows(int i0, int i1, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double[] b,
            int offB, int ldb, double beta, double[] c, int offC, int ldc) {
        int nv = n - n % L;
        double[] tile = TILE.get();
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int a0 = offA + i * rsA;
            for (int j = 0; j < nv; j += L) {
                DoubleVector s0 = Z.broadcast(0);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                for (int q = 0; q < k; q++) {
                    DoubleVector bv = DoubleVector.fromArray(S, b, offB + q * ldb + j);
                    int ai = a0 + q * csA;
                    s0 = Z.broadcast(a[ai]).fma(bv, s0);
                    s1 = Z.broadcast(a[ai + rsA]).fma(bv, s1);
                    s2 = Z.broadcast(a[ai + 2 * rsA]).fma(bv, s2);
                    s3 = Z.broadcast(a[ai + 3 * rsA]).fma(bv, s3);
                }
                int co = offC + i * ldc + j;
                s0.intoArray(tile, 0);
                s1.intoArray(tile, L);
                s2.intoArray(tile, 2 * L);
                s3.intoArray(tile, 3 * L);
                storeOne(tile, 0, alpha, beta, c, co);
                storeOne(tile, L, alpha, beta, c, co + ldc);
                storeOne(tile, 2 * L, alpha, beta, c, co + 2 * ldc);
                storeOne(tile, 3 * L, alpha, beta, c, co + 3 * ldc);
            }
        }
        for (; i < i1; i++) {
            int a0 = offA + i * rsA;
            for (int j = 0; j < nv; j += L) {
                DoubleVector s0 = Z.broadcast(0);
                for (int q = 0; q < k; q++) {
                    s0 = Z.broadcast(a[a0 + q * csA]).fma(DoubleVector.fromArray(S, b, offB + q * ldb + j), s0);
                }
                s0.intoArray(tile, 0);
                storeOne(tile, 0, alpha, beta, c, offC + i * ldc + j);
            }
        }
        if (nv < n) {
            for (int r = i0; r < i1; r++) {
                int a0 = offA + r * rsA;
                for (int j = nv; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) {
                        s = Math.fma(a[a0 + q * csA], b[offB + q * ldb + j], s);
                    }
                    int ci = offC + r * ldc + j;
                    double v = alpha * s;
                    c[ci] = beta == 0 ? v : beta == 1 ? v + c[ci] : Math.fma(beta, c[ci], v);
                }
            }
        }
    }

    /** C[co, co + L) = alpha * tile[to, to + L) + beta * C (beta == 0: C not read); alpha == 1 multiplies exactly. */
    private static void storeOne(double[] tile, int to, double alpha, double beta, double[] c, int co) {
        DoubleVector v = Z.broadcast(alpha).mul(DoubleVector.fromArray(S, tile, to));
        if (beta == 1) {
            v = v.add(DoubleVector.fromArray(S, c, co));
        } else if (beta != 0) {
            v = Z.broadcast(beta).fma(DoubleVector.fromArray(S, c, co), v);
        }
        v.intoArray(c, co);
    }

    private static double[] buffer(ThreadLocal<double[][]> cache, int size) {
        double[][] holder = cache.get();
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        return holder[0];
    }

    static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }
}
