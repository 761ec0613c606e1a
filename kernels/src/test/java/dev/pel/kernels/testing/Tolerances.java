package dev.pel.kernels.testing;

import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.DType;

/**
 * Every tolerance the tests use, in one place, each one derived from an error analysis rather than
 * tuned until green. {@code u} is the unit roundoff of the element type (2^-24 for f32, 2^-53 for
 * f64); "ulp" distances are counted in the element type's representation, so 1 ulp of a float is
 * measured between adjacent floats, whatever the test computes in.
 *
 * <h2>Element-wise</h2>
 * <ul>
 *   <li>{@code add, sub, mul, div, sqrt, fma, abs, neg, clamp, copy, swap, scal}: <b>exact</b>. IEEE 754
 *       defines each as one correctly rounded operation (fma: of {@code x*y+z} as a whole), with no
 *       room for reassociation; the result must have the reference's bits (any NaN matches any NaN,
 *       and the sign of zero counts).</li>
 *   <li>{@code axpy}: the implementation may contract {@code a*x+y} into an fma or not. Against the
 *       once-rounded reference r = fl(a*x+y): fused gives r exactly; unfused gives
 *       fl(fl(a*x)+y) whose distance to r is at most ½ulp(r) + ½ulp(a*x) + ½ulp(r). So: within
 *       {@link #AXPY_ULPS} ulp of r, plus one ulp of the product {@code a*x} (the term that matters
 *       only under cancellation, where 1 ulp of a tiny r says nothing).</li>
 *   <li>{@code exp, log, tanh}: within {@value #TRANSCENDENTAL_ULPS} ulp of {@link StrictMath}
 *       computed in double and rounded to the element type: {@code Math}/the Vector API's
 *       intrinsics are within 1 ulp of the exact value, StrictMath (fdlibm) is too, and rounding a
 *       double result to float adds half a float ulp.</li>
 *   <li>{@code sigmoid = 1/(1+exp(-x))}: within {@value #SIGMOID_ULPS} ulp of the same formula with
 *       StrictMath in double: exp (1 ulp), the add and the divide (½ ulp each) on each side. In f64
 *       the formula itself underflows to 0 below x = -709.78 where the exact value is subnormal, so
 *       f64 data for sigmoid stays above -709 (see {@link Data#forUnary}).</li>
 * </ul>
 *
 * <h2>Reductions</h2>
 * Every backend promises (see {@code Reductions}) to sum in fixed blocks of B =
 * {@link Blocking#BLOCK} elements and to combine the block results pairwise in double. A block sum of
 * m terms, however it is split over lanes and unrolled accumulators, is a summation tree of depth at
 * most m - 1; combining blocks pairwise adds log2(blocks) double roundings; the final conversion to
 * the element type adds one rounding; a product (dot) or a square (nrm2) adds one more. With
 * <pre>
 *   k(n) = min(n, B) + ceil(log2 n) + 2
 * </pre>
 * the classic bound |computed - exact| &lt;= k u sum|t_i| (Higham, Accuracy and Stability, 4.2,
 * first order) gives:
 * <ul>
 *   <li>{@code sum}: k(n) u sum|x_i|; {@code asum}: the same with |x_i|;</li>
 *   <li>{@code dot}: k(n) u sum|x_i y_i| (the +2 covers the product rounding);</li>
 *   <li>{@code mean}: the sum's bound divided by n, plus the rounding of the quotient, u|mean|;</li>
 *   <li>{@code nrm2}: all terms are positive, so the sum of squares has a relative error of at most
 *       (k+1)u, scaling by a non-power-of-two factor adds at most 2u, the square root halves the
 *       relative error, the final rounding adds u: ((k+3)/2 + 1) u, which the tests round up to
 *       {@code (k(n) + 4) u} relative;</li>
 *   <li>{@code variance}: with d_i = x_i - mean and V = sum d_i^2: forming and summing the squares
 *       costs (k+3)u V; an error delta in a (block) mean adds n delta^2 to V to second order in a
 *       corrected two-pass block, and to first order at most 4 delta sum|d_i| through Chan's
 *       combination of block means; delta &lt;= k u max|x_i|. So |err| &lt;= ((k+3)u V + 4 delta
 *       sum|d_i| + n delta^2) / (n - ddof). For f64 data of mean 1e8 and spread 1 this allows a
 *       relative error of ~1e-5 while the one-pass formula E[x^2]-E[x]^2 is off by ~100%.</li>
 *   <li>{@code min, max, iamax}: exact (no arithmetic).</li>
 * </ul>
 * The bound does not grow with n beyond the logarithm: that is what the n = 2^24 test checks.
 * (The {@code cpu-scalar} reference sums sequentially in double; for f32 its error, n 2^-53, is far
 * inside the bound; for f64 its worst case is (n-1)u, but on the tests' seeded random data the
 * error is a random walk of size ~sqrt(n) u, well inside k(n) u for every n the tests use.)
 */
public final class Tolerances {
    /** Ulps of the element type allowed for axpy beyond the once-rounded reference (fma contraction). */
    public static final int AXPY_ULPS = 1;
    /** Ulps of the element type allowed for exp, log and tanh. */
    public static final int TRANSCENDENTAL_ULPS = 2;
    /** Ulps of the element type allowed for sigmoid. */
    public static final int SIGMOID_ULPS = 4;

    private Tolerances() {
    }

    /** Unit roundoff of the element type: half the distance from 1 to the next number. */
    public static double u(DType t) {
        return t == DType.F32 ? 0x1p-24 : 0x1p-53;
    }

    /** Ulps allowed for an element-wise function; 0 means exact. */
    public static int ulps(UnaryOp op) {
        return switch (op) {
            case ABS, NEG, SQRT -> 0;
            case EXP, LOG, TANH -> TRANSCENDENTAL_ULPS;
            case SIGMOID -> SIGMOID_ULPS;
        };
    }

    /** k(n) = min(n, B) + ceil(log2 n) + 2: the roundings one term of a blocked reduction can see. */
    public static double reductionDepth(long n) {
        long m = Math.max(n, 1);
        int log2 = 64 - Long.numberOfLeadingZeros(m - 1); // ceil(log2 m)
        return Math.min(m, Blocking.BLOCK) + log2 + 2;
    }

    /** Bound on |computed - exact| for sum (and asum, with |x|) of n terms whose magnitudes add to {@code sumAbs}. */
    public static double sum(DType t, long n, double sumAbs) {
        return reductionDepth(n) * u(t) * sumAbs;
    }

    /**
     * The tighter bound {@code Reductions} documents for its blocked float accumulation with L lanes
     * and four accumulators per block, relative to sum|t_i|: (B/(4L) + log2(4L) + 2) u, plus the
     * pairwise combination of block results in double (log2(blocks) + 2) 2^-53. It does not depend
     * on n at all: the n = 2^24 tests hold every backend to it.
     */
    public static double documentedBlocked(DType t, long n, int lanes) {
        int log2Acc = 31 - Integer.numberOfLeadingZeros(4 * lanes);
        long blocks = Blocking.blocks(n);
        int log2Blocks = 64 - Long.numberOfLeadingZeros(Math.max(blocks, 1));
        return ((double) Blocking.BLOCK / (4 * lanes) + log2Acc + 2) * u(t) + (log2Blocks + 2) * 0x1p-53;
    }

    /** Bound for dot: {@code sumAbsProducts} is sum |x_i y_i|. */
    public static double dot(DType t, long n, double sumAbsProducts) {
        return reductionDepth(n) * u(t) * sumAbsProducts;
    }

    /** Bound for mean: the sum's bound over n, plus the quotient's rounding. */
    public static double mean(DType t, long n, double sumAbs, double mean) {
        return sum(t, n, sumAbs) / n + u(t) * Math.abs(mean);
    }

    /** Bound for nrm2, relative to the norm. */
    public static double nrm2(DType t, long n, double norm) {
        return (reductionDepth(n) + 4) * u(t) * norm;
    }

    /**
     * Bound for variance.
     *
     * @param sumSqDev V = sum (x_i - mean)^2, exact
     * @param sumAbsDev sum |x_i - mean|
     * @param maxAbs max |x_i|
     */
    public static double variance(DType t, long n, int ddof, double sumSqDev, double sumAbsDev, double maxAbs) {
        double k = reductionDepth(n);
        double delta = k * u(t) * maxAbs;
        return ((k + 3) * u(t) * sumSqDev + 4 * delta * sumAbsDev + n * delta * delta) / (n - ddof);
    }

    /**
     * Absolute allowance for one axpy element against r = fl(a*x+y) (see the class comment):
     * {@link #AXPY_ULPS} ulp of r plus one ulp of the product a*x, in the element type.
     */
    public static double axpy(DType t, double a, double x, double reference) {
        double product = Math.abs(a * x);
        return AXPY_ULPS * ulp(t, reference) + ulp(t, product);
    }

    /** The element type's ulp at v (the gap to the next representable magnitude). */
    public static double ulp(DType t, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return t == DType.F32 ? Math.ulp(Float.MAX_VALUE) : Math.ulp(Double.MAX_VALUE);
        }
        return t == DType.F32 ? Math.ulp((float) v) : Math.ulp(v);
    }

    /**
     * Distance in ulps of the element type between a and b: the number of representable values
     * between them, plus one (0 when equal; ±0 are 0 apart; two NaNs are 0 apart; a NaN and a
     * number are {@link Long#MAX_VALUE} apart; +inf is 1 from MAX_VALUE).
     */
    public static long ulpDistance(DType t, double a, double b) {
        boolean na = Double.isNaN(a);
        boolean nb = Double.isNaN(b);
        if (na || nb) {
            return na && nb ? 0 : Long.MAX_VALUE;
        }
        long oa;
        long ob;
        if (t == DType.F32) {
            oa = ordered32(Float.floatToRawIntBits((float) a));
            ob = ordered32(Float.floatToRawIntBits((float) b));
        } else {
            oa = ordered64(Double.doubleToRawLongBits(a));
            ob = ordered64(Double.doubleToRawLongBits(b));
        }
        if ((oa >= 0) == (ob >= 0)) {
            return Math.abs(oa - ob);
        }
        long ma = Math.abs(oa);
        long mb = Math.abs(ob);
        return ma > Long.MAX_VALUE - mb ? Long.MAX_VALUE : ma + mb;
    }

    private static long ordered32(int bits) {
        long magnitude = bits & 0x7fffffffL;
        return bits < 0 ? -magnitude : magnitude;
    }

    private static long ordered64(long bits) {
        long magnitude = bits & Long.MAX_VALUE;
        return bits < 0 ? -magnitude : magnitude;
    }

    /**
     * The exact-result criterion: same bits in the element type, except that any NaN matches any
     * NaN (NaN payloads are not specified).
     */
    public static boolean sameValue(DType t, double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        return t == DType.F32
                ? Float.floatToRawIntBits((float) expected) == Float.floatToRawIntBits((float) actual)
                : Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual);
    }

    // ---- dense linear algebra (Linalg) ------------------------------------------------------------

    /**
     * Bound on |computed - reference| for one element of gemm, gemv or syrk:
     * {@code alpha * sum_{p<k} a_p b_p + beta * c}. Any order of the k products and sums (blocked,
     * vector lanes, fused or not) is a summation tree of depth at most k, so the computed inner sum
     * is within k u sum|a_p b_p| (Higham 3.1, first order); scaling by alpha, by beta and the final
     * add cost 3u more of |alpha| sum|a_p b_p| + |beta c|. The float64 reference itself carries
     * the same bound with u = 2^-53 (negligible for f32, as large as the kernel's for f64), so:
     * <pre>
     *   (k + 3) (u + 2^-53) (|alpha| sum|a_p b_p| + |beta c|)
     * </pre>
     * {@code magnitude} is the bracket, computed exactly enough in double by the test.
     */
    public static double linalg(DType t, long k, double magnitude) {
        return (k + 3) * (u(t) + 0x1p-53) * magnitude;
    }

    /**
     * Bound for ger, {@code a + alpha * x_i * y_j}: at most three roundings (the two products and the
     * add, fewer when fused), each side: 3 (u + 2^-53) (|a| + |alpha x_i y_j|).
     */
    public static double ger(DType t, double magnitude) {
        return 3 * (u(t) + 0x1p-53) * magnitude;
    }
}
