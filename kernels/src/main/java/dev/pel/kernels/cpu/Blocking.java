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

    /**
     * Accumulators per block in the canonical summation order that the CPU and OpenCL kernels share
     * (see {@code SimdKernelSet}'s per-operation block methods, e.g. {@code dotBlock}, and {@code fold}); OpenCL reproduces it with work-groups of this size.
     */
    public static final int ACCUMULATORS = 64;

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

    /** Below this largest |x|, squares of small elements underflow enough to matter in nrm2: rescale. */
    public static final double NRM2_TINY_F64 = 0x1p-480;
    public static final float NRM2_TINY_F32 = 0x1p-40f;

    /** Chan et al.'s pairwise update over per-block (mean, M2), in block order. */
    public static double combineVariance(long n, double[] means, double[] m2s) {
        double count = 0;
        double mean = 0;
        double m2 = 0;
        for (int b = 0; b < means.length; b++) {
            double nb = Math.min(BLOCK, n - (long) b * BLOCK);
            double total = count + nb;
            double delta = means[b] - mean;
            mean += delta * nb / total;
            m2 += m2s[b] + delta * delta * count * nb / total;
            count = total;
        }
        return m2;
    }

    /** A block's mean from the shift m it was computed around and the deviations' sum comp. */
    public static double blockMean(double m, double comp, int len) {
        return m + comp / len;
    }

    /** A block's M2 (sum of squared deviations from its mean) by the corrected two-pass formula. */
    public static double blockM2(double ss, double comp, int len) {
        return ss - comp * comp / len;
    }

    /** The minimum or maximum of per-block values (non-empty), NaN propagating as in {@link Math#max}. */
    public static double fold(double[] p, boolean max) {
        double m = p[0];
        for (double v : p) {
            m = max ? Math.max(m, v) : Math.min(m, v);
        }
        return m;
    }
}
