package dev.pel.kernels.analytics;

/**
 * The total order of {@code sort}: the order of {@link Double#compare}/{@link Float#compare}, as
 * {@link java.util.Arrays#sort(double[])} uses: -inf &lt; ... &lt; -0.0 &lt; 0.0 &lt; ... &lt; +inf &lt; NaN.
 * Every NaN (any sign, any payload) maps to one key, so NaNs stay in their input order at the end.
 *
 * <p>Keys are compared as unsigned 64-bit integers: a double's bits with the sign bit flipped when it
 * is positive and every bit flipped when it is negative; a float's key is the same 32-bit
 * transform, zero-extended (so its four high bytes are 0 and a radix sort skips them).
 */
public final class SortKeys {
    private SortKeys() {
    }

    private static final long CANONICAL_NAN_F64 = 0x7ff8000000000000L;
    private static final int CANONICAL_NAN_F32 = 0x7fc00000;

    /** The unsigned key of a double. */
    public static long key(double v) {
        long b = v != v ? CANONICAL_NAN_F64 : Double.doubleToRawLongBits(v);
        return b ^ ((b >> 63) | Long.MIN_VALUE);
    }

    /** The unsigned key of a float, zero-extended. */
    public static long key(float v) {
        int b = v != v ? CANONICAL_NAN_F32 : Float.floatToRawIntBits(v);
        return (b ^ ((b >> 31) | Integer.MIN_VALUE)) & 0xffffffffL;
    }

    /** Radix digits are bytes: 8 passes for double keys, 4 for float keys (the other 4 are skipped). */
    public static final int DIGIT_BITS = 8;
    public static final int RADIX = 1 << DIGIT_BITS;
    public static final int PASSES = 64 / DIGIT_BITS;

    /**
     * Stable LSD radix sort of {@code keys[0, n)} carrying {@code perm} (which must start as the
     * identity). Passes whose digit is the same for every key are skipped. Uses this thread's
     * {@link Scratch#KEYS_SWAP} and {@link Scratch#PERM_SWAP}; keys end up sorted in {@code keys}.
     */
    public static void radixSort(int n, long[] keys, int[] perm) {
        long[] k2 = Scratch.KEYS_SWAP.get(n);
        int[] p2 = Scratch.PERM_SWAP.get(n);
        long[] ka = keys;
        int[] pa = perm;
        int[] count = new int[RADIX];
        for (int pass = 0; pass < PASSES; pass++) {
            int shift = pass * DIGIT_BITS;
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (ka[i] >>> shift) & (RADIX - 1)]++;
            }
            if (n == 0 || count[(int) (ka[0] >>> shift) & (RADIX - 1)] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (ka[i] >>> shift) & (RADIX - 1);
                int at = count[d]++;
                k2[at] = ka[i];
                p2[at] = pa[i];
            }
            long[] tk = ka;
            ka = k2;
            k2 = tk;
            int[] tp = pa;
            pa = p2;
            p2 = tp;
        }
        if (ka != keys) {
            System.arraycopy(ka, 0, keys, 0, n);
            System.arraycopy(pa, 0, perm, 0, n);
        }
    }
}
