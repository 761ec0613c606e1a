package dev.pel.kernels.cpu;

/**
 * Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3",
 * SC 2011; the Random123 reference), the counter-based generator behind Pel's random streams, and
 * the definition of those streams. Every backend computes exactly this: the same seed gives the same
 * numbers on {@code cpu-scalar}, {@code cpu-simd} (any vector width and thread count) and OpenCL.
 *
 * <h2>The stream of a seed</h2>
 * The key is (low 32 bits of the seed, high 32 bits). Block {@code b} (a long) is Philox applied to
 * the counter (low 32 bits of b, high 32 bits of b, 0, 0); its four 32-bit words are stream words
 * {@code 4b .. 4b+3}. So word {@code i} of the stream is word {@code i & 3} of block {@code i >>> 2}.
 * <ul>
 *   <li>{@code bits}: element i is word i.</li>
 *   <li>uniform f32 in [0, 1): element i is {@code (word(i) >>> 8) * 2^-24} (24 random bits, exact).</li>
 *   <li>uniform f64 in [0, 1): element i is {@code (((long) word(2i) << 32 | word(2i+1)) >>> 11) * 2^-53}.</li>
 *   <li>normal f32/f64 (Box-Muller): elements 2p and 2p+1 come from the pair p of uniforms u1 in
 *       (0, 1] and u2 in [0, 1), u1 made like a uniform from the first half of the pair's words and
 *       then {@code + 2^-24} (f32) or {@code + 2^-53} (f64), u2 from the second half (f32: words 2p, 2p+1;
 *       f64: words 4p..4p+3, i.e. block p): {@code r = sqrt(-2 ln u1)}, element 2p is
 *       {@code r cos(2 pi u2)}, element 2p+1 is {@code r sin(2 pi u2)}. The uniforms are identical
 *       everywhere; log, sqrt, cos and sin are each backend's, so normals agree to a few ulps
 *       across backends (bitwise between {@code cpu-scalar} and {@code cpu-simd}).</li>
 *   <li>Monte Carlo pi: sample i is the point (word(2i) >>> 1, word(2i+1) >>> 1) in [0, 2^31)^2; it
 *       is inside the quarter disc when a^2 + b^2 &lt; 2^62, an exact integer test.</li>
 * </ul>
 * An {@code offset} starts a fill at element {@code offset} of the stream, so disjoint ranges of one
 * seed are independent parts of one stream.
 */
public final class Philox {
    public static final int M0 = 0xD2511F53;
    public static final int M1 = 0xCD9E8D57;
    public static final int W0 = 0x9E3779B9;
    public static final int W1 = 0xBB67AE85;
    public static final int ROUNDS = 10;
    private static final long MASK = 0xFFFFFFFFL;

    private Philox() {
    }

    /** Philox4x32-10 of counter (c0, c1, c2, c3) under key (k0, k1), into {@code out[0..4)}. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                k0 += W0;
                k1 += W1;
            }
            long p0 = (M0 & MASK) * (c0 & MASK);
            long p1 = (M1 & MASK) * (c2 & MASK);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n1 = (int) p1;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            int n3 = (int) p0;
            c0 = n0;
            c1 = n1;
            c2 = n2;
            c3 = n3;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /** Block {@code b} of the stream of {@code seed}, into {@code out[0..4)}. */
    public static void block(long seed, long b, int[] out) {
        block((int) b, (int) (b >>> 32), 0, 0, (int) seed, (int) (seed >>> 32), out);
    }

    /** Word {@code i} of the stream of {@code seed} (one block per call: for tests and tails). */
    public static int word(long seed, long i) {
        int[] w = new int[4];
        block(seed, i >>> 2, w);
        return w[(int) (i & 3)];
    }

    /** A uniform f32 in [0, 1) from one word. */
    public static float toUniformF32(int w) {
        return (w >>> 8) * 0x1p-24f;
    }

    /** A uniform f64 in [0, 1) from two words. */
    public static double toUniformF64(int hi, int lo) {
        return ((((long) hi) << 32 | (lo & MASK)) >>> 11) * 0x1p-53;
    }

    /** Element i of the uniform f32 stream. */
    public static float uniformF32(long seed, long i) {
        return toUniformF32(word(seed, i));
    }

    /** Element i of the uniform f64 stream. */
    public static double uniformF64(long seed, long i) {
        int[] w = new int[4];
        block(seed, i >>> 1, w);
        int h = (int) (i & 1) * 2;
        return toUniformF64(w[h], w[h + 1]);
    }

    /** Box-Muller f32 from the pair's two words; {@code second} selects the sine. */
    public static float toNormalF32(int w1, int w2, boolean second) {
        float u1 = toUniformF32(w1) + 0x1p-24f;
        float u2 = toUniformF32(w2);
        float r = (float) Math.sqrt(-2.0f * (float) Math.log(u1));
        float theta = 6.2831855f * u2;
        return r * (second ? (float) Math.sin(theta) : (float) Math.cos(theta));
    }

    /** Box-Muller f64 from the pair's four words; {@code second} selects the sine. */
    public static double toNormalF64(int w0, int w1, int w2, int w3, boolean second) {
        double u1 = toUniformF64(w0, w1) + 0x1p-53;
        double u2 = toUniformF64(w2, w3);
        double r = Math.sqrt(-2.0 * Math.log(u1));
        double theta = 6.283185307179586 * u2;
        return r * (second ? Math.sin(theta) : Math.cos(theta));
    }

    /** Element i of the normal f32 stream. */
    public static float normalF32(long seed, long i) {
        int[] w = new int[4];
        long p = i >>> 1;
        block(seed, p >>> 1, w);
        int h = (int) (p & 1) * 2;
        return toNormalF32(w[h], w[h + 1], (i & 1) != 0);
    }

    /** Element i of the normal f64 stream. */
    public static double normalF64(long seed, long i) {
        int[] w = new int[4];
        block(seed, i >>> 1, w);
        return toNormalF64(w[0], w[1], w[2], w[3], (i & 1) != 0);
    }

    /** True when the pi sample of these two words lies inside the quarter disc. */
    public static boolean inside(int wa, int wb) {
        long a = (wa & MASK) >>> 1;
        long b = (wb & MASK) >>> 1;
        return a * a + b * b < (1L << 62);
    }

    /** Hits of the pi samples [from, to) of the stream of seed (samples 2 per block). */
    public static long piHits(long seed, long from, long to) {
        long hits = 0;
        int[] w = new int[4];
        long i = from;
        while (i < to) {
            long b = i >>> 1;
            block(seed, b, w);
            if ((i & 1) == 0) {
                hits += inside(w[0], w[1]) ? 1 : 0;
                i++;
                if (i < to) {
                    hits += inside(w[2], w[3]) ? 1 : 0;
                    i++;
                }
            } else {
                hits += inside(w[2], w[3]) ? 1 : 0;
                i++;
            }
        }
        return hits;
    }
}
