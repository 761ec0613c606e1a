package dev.pel.kernels.cpu;

import dev.pel.runtime.hw.Hardware;

/**
 * Cache blocking of the packed GEMM (Goto/BLIS), derived from the caches this machine reports and
 * the micro-kernel's shape, not from one machine's constants. The macro-kernel walks a row of
 * micro-tiles at a time: the MR x KC micro-panel of A stays in L1 while KC x NR micro-panels of B
 * stream past it from L2/L3, and the C tiles it updates lie along one row band (sequential lines
 * the hardware prefetcher follows; the other order, a B micro-panel held against a column of A
 * micro-panels, stalled on C misses: 38 against 50 GFLOP/s on one Zen 4 core). KC is chosen so
 * that the A micro-panel takes half of L1, the other half left to the B micro-panels streaming past
 * it (with the 12-row tile and a 48 KiB L1: KC = 256, 64 GFLOP/s on one Xeon core, where sizing a
 * B micro-panel to all of L1 gave KC = 384 and 50). NC is chosen so the packed B panel, which the
 * macro-kernel streams past every A micro-panel, takes half of L2 (and at most a quarter of L3).
 * MC, the rows of a parallel task, governs no reuse in this order (A is packed once per KC slice,
 * the B panel is shared by all rows), only how evenly the threads finish a panel and how much
 * freshly packed A a task reads back: a packed A block the size of L1 (24 rows on a 48 KiB L1)
 * measured 137 GFLOP/s against 125 for a quarter of L2 (256 rows), two threads, dgemm 2048.
 *
 * @param kc depth of a packed panel (columns of A, rows of B)
 * @param mc rows of a row block of A (a parallel task), a multiple of mr
 * @param nc columns of a packed panel of B, a multiple of nr
 */
record GemmBlocking(int kc, int mc, int nc) {
    /** Used where the OS reports no cache sizes: sizes common to current x86 and ARM server cores. */
    private static final long DEFAULT_L1 = 32 << 10;
    private static final long DEFAULT_L2 = 512 << 10;
    private static final long DEFAULT_L3 = 8 << 20;

    private static final Hardware HW = Hardware.detect();

    /** Blocking for a micro-kernel of mr x nr elements of elementBytes each, on this machine. */
    static GemmBlocking forKernel(int mr, int nr, int elementBytes) {
        return derive(size(1, DEFAULT_L1), size(2, DEFAULT_L2), size(3, DEFAULT_L3), mr, nr, elementBytes);
    }

    static GemmBlocking derive(long l1, long l2, long l3, int mr, int nr, int elementBytes) {
        int kc = (int) clamp(roundDown(l1 / 2 / ((long) mr * elementBytes), 16), 64, 1024);
        int mc = (int) clamp(roundDown(l1 / ((long) kc * elementBytes), mr), mr, 4096);
        long ncL3 = l3 / 4 / ((long) kc * elementBytes);
        long ncL2 = l2 / 2 / ((long) kc * elementBytes);
        int nc = (int) clamp(roundDown(Math.min(ncL3, ncL2), nr), nr, 8192);
        return new GemmBlocking(kc, mc, nc);
    }

    private static long size(int level, long fallback) {
        long b = HW.cacheBytes(level);
        return b > 0 ? b : fallback;
    }

    private static long roundDown(long v, long m) {
        return Math.max(m, v / m * m);
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
