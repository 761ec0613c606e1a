package dev.pel.kernels.cpu;

/**
 * The fixed blocking behind every reduction: data is cut into blocks of {@link #BLOCK} elements
 * from the start of the range, whatever the thread count, and block results are combined pairwise
 * in a fixed order. Threads take contiguous runs of whole blocks, so the same input gives the same
 * bits on one thread or many.
 */
public final class Blocking {
    /** Elements per block: small enough that a block's float error stays bounded, large enough to amortise. */
    public static final int BLOCK = 4096;

    private Blocking() {
    }

    /** Number of blocks covering n elements. */
    public static long blocks(long n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /** Pairwise sum of p[lo, hi): error grows with log2 of the count, not the count. */
    public static double pairwise(double[] p, int lo, int hi) {
        int count = hi - lo;
        if (count <= 8) {
            double s = 0;
            for (int i = lo; i < hi; i++) {
                s += p[i];
            }
            return s;
        }
        int mid = lo + count / 2;
        return pairwise(p, lo, mid) + pairwise(p, mid, hi);
    }
}
