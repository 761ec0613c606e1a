package dev.pel.kernels.testing;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.DType;
import java.util.SplittableRandom;

/**
 * Seeded test data. Every case derives its seed from {@link #BASE_SEED} and its own identity
 * ({@link #seed}), so a failure reproduces by rerunning the same case, and the whole suite can be
 * run on other data with {@code -Dpel.test.seed=...}. Failure messages print the case's seed
 * ({@link #describe}).
 *
 * <p>Generated values are representable in the element type, span both signs and many binades,
 * and are never all zeros or ones (never 0, never ±1, in {@link #mixed}).
 */
public final class Data {
    /** The suite's base seed: {@code -Dpel.test.seed} (decimal or 0x hex), else a fixed value. */
    public static final long BASE_SEED = parseSeed(System.getProperty("pel.test.seed", "0x5EED2025"));

    /** Special values mixed into element-wise inputs. */
    private static final double[] SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 0.5};

    private Data() {
    }

    private static long parseSeed(String s) {
        String t = s.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
    }

    /** The seed of one case: a mix of the base seed and everything that identifies the case. */
    public static long seed(Object... identity) {
        long h = BASE_SEED;
        for (Object o : identity) {
            h = mix(h ^ String.valueOf(o).hashCode());
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** "seed=0x... (base seed 0x..., set with -Dpel.test.seed)", for failure messages. */
    public static String describe(long seed) {
        return "seed=0x" + Long.toHexString(seed) + " (base -Dpel.test.seed=0x" + Long.toHexString(BASE_SEED) + ")";
    }

    public static SplittableRandom random(long seed) {
        return new SplittableRandom(seed);
    }

    /**
     * n values ±m·2^e with m uniform in [1, 2) and e uniform in [-8, 8]: both signs, 17 binades,
     * never 0 and never ±1.
     */
    public static double[] mixed(DType t, long seed, int n) {
        return mixed(t, random(seed), n, 8);
    }

    /** As {@link #mixed(DType, long, int)} with exponents in [-span, span]. */
    public static double[] mixed(DType t, SplittableRandom r, int n, int span) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mixedValue(t, r, span);
        }
        return v;
    }

    private static double mixedValue(DType t, SplittableRandom r, int span) {
        while (true) {
            double m = 1 + r.nextDouble();
            int e = r.nextInt(-span, span + 1);
            double v = Reference.round(t, Math.scalb(r.nextBoolean() ? m : -m, e));
            if (v != 0 && Math.abs(v) != 1) {
                return v;
            }
        }
    }

    /** A scalar operand for axpy, scal and the scalar forms: a {@link #mixed} value. */
    public static double scalar(DType t, SplittableRandom r) {
        return mixedValue(t, r, 4);
    }

    /** n values uniform in [lo, hi), rounded to the element type. */
    public static double[] uniform(DType t, SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Reference.round(t, lo + (hi - lo) * r.nextDouble());
        }
        return v;
    }

    /** Overwrites every 13th element (from a random phase) with a special value, cycling through them. */
    public static double[] withSpecials(DType t, SplittableRandom r, double[] v) {
        int phase = v.length == 0 ? 0 : r.nextInt(13);
        int k = r.nextInt(SPECIALS.length);
        for (int i = phase; i < v.length; i += 13) {
            v[i] = Reference.round(t, SPECIALS[k++ % SPECIALS.length]);
        }
        return v;
    }

    /** Inputs for a binary operation: mixed values with specials (division by ±0 included). */
    public static double[] forBinary(DType t, BinaryOp op, SplittableRandom r, int n) {
        return withSpecials(t, r, mixed(t, r, n, 8));
    }

    /**
     * Inputs for a unary function, spanning its interesting domain: overflow and underflow of exp
     * (subnormal results included), log over every binade (subnormals, negatives and zero too),
     * tanh through its saturation, sigmoid through both tails; special values mixed in.
     */
    public static double[] forUnary(DType t, UnaryOp op, SplittableRandom r, int n) {
        boolean f32 = t == DType.F32;
        double[] v = switch (op) {
            case ABS, NEG, SQRT -> mixed(t, r, n, 8);
            case EXP -> uniform(t, r, n, f32 ? -110 : -760, f32 ? 100 : 720);
            case LOG -> {
                double[] a = mixed(t, r, n, f32 ? 127 : 1023);
                for (int i = 0; i < n; i++) {
                    a[i] = i % 7 == 3 ? a[i] : Math.abs(a[i]);
                }
                yield a;
            }
            case TANH -> {
                double[] a = uniform(t, r, n, -25, 25);
                for (int i = 1; i < n; i += 3) {
                    a[i] = mixedValue(t, r, 30); // near zero and in saturation
                }
                yield a;
            }
            case SIGMOID -> uniform(t, r, n, f32 ? -110 : -709, f32 ? 110 : 709);
        };
        return withSpecials(t, r, v);
    }
}
