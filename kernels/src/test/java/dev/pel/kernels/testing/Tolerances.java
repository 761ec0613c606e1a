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
    // ---- Simulation kernels (the Simulation facade) ----
    // Each bound holds for the backend's result in element type t AND for the float64 reference, so the
    // tests allow their sum: bound(t) + bound(F64). u below is u(t).

    /**
     * Heat diffusion, d dimensions, s steps, alpha in [0, 1/(2d)], initial values bounded by M.
     * One step computes c + alpha (S - 2d c) with S a sum of 2d neighbours (|S| &lt;= 2dM, 2d-1 additions,
     * each rounding at most u 2dM), 2d c (one rounding, at most u 2dM), the difference (|.| &lt;= 4dM:
     * u 4dM), the product with alpha (u |alpha| 4dM) and the final sum (u M, since a stable step stays
     * within M): local error &lt;= u M (1 + |alpha| (4d^2 + 8d)). The exact step has infinity norm
     * |1 - 2d alpha| + 2d alpha = 1, so local errors add up without growing: s times the local bound.
     */
    public static double heat(DType t, int d, int steps, double alpha, double maxAbs) {
        double local = maxAbs * (1 + Math.abs(alpha) * (4.0 * d * d + 8.0 * d));
        return steps * local * (u(t) + u(DType.F64));
    }

    /**
     * Convolution of k taps summed in order: k products and k - 1 additions, first order
     * |err| &lt;= k u sum_q |f_q x_q| (Higham's gamma_k); one more u for headroom.
     */
    public static double convolution(DType t, int taps, double sumAbsProducts) {
        return (taps + 1) * (u(t) + u(DType.F64)) * sumAbsProducts;
    }

    /** Relative error of one n-body term m_j r / (r^2 + eps^2)^(3/2) (see {@link #nbodyAcceleration}). */
    public static final int NBODY_TERM_U = 50;

    /**
     * n-body acceleration component from n terms whose magnitudes add to {@code sumAbsTerms}. One
     * term: the coordinate difference (u), squares and three additions of positive terms (4u), sqrt
     * (OpenCL float: 3 ulp = 6u) and the reciprocal (2.5 ulp = 5u), their cube (3 x 14u + 2u), the
     * mass and the coordinate (2u): under {@value #NBODY_TERM_U} u relative. Summing n terms in any
     * order adds (n - 1) u sum|term|.
     */
    public static double nbodyAcceleration(DType t, int n, double sumAbsTerms) {
        return (n + NBODY_TERM_U) * (u(t) + u(DType.F64)) * sumAbsTerms;
    }

    /** v' = v + a dt: dt times a's error, plus the rounding of the product and the sum. */
    public static double nbodyVelocity(DType t, double dt, double accelErr, double v, double a, double vNew) {
        return Math.abs(dt) * accelErr + (u(t) + u(DType.F64)) * (Math.abs(a * dt) + Math.abs(vNew)) * 2;
    }

    /** x' = x + v' dt: dt times v's error, plus the rounding of the product and the sum. */
    public static double nbodyPosition(DType t, double dt, double velocityErr, double vNew, double xNew) {
        return Math.abs(dt) * velocityErr + (u(t) + u(DType.F64)) * (Math.abs(vNew * dt) + Math.abs(xNew)) * 2;
    }

    /** Absolute error of Hart's normal-CDF approximation itself (West 2005: double precision; 1e-15 with margin). */
    public static final double NORMAL_CDF_APPROXIMATION = 1e-15;

    /**
     * Black-Scholes call or put for one option. N(d) = 1 - tail or tail, the tail a ratio of two
     * Horner polynomials in |d| with positive coefficients (14u each), exp (OpenCL float: 3 ulp = 6u)
     * and two roundings: 38u relative of a tail &lt;= 1/2, so N is within 20u plus the approximation's
     * own error. d1 = (ln(S/K) + (r + sigma^2/2) T) / (sigma sqrt T): the logarithm's error (3 ulp
     * relative, plus the quotient S/K's) and the drift's are absolute in the numerator, so with
     * L = (|ln(S/K)| + |r + sigma^2/2| T + 1) / (sigma sqrt T), |delta d1| &lt;= 16u L and |delta d2| &lt;=
     * 16u L + u|d2| + 8u sigma sqrt T. The density is at most 0.4, so N(d_i) errs by 20u + approx +
     * 0.4 |delta d_i|. The price S N1 - K e^{-rT} N2 adds the discount's error (exp, a product: 10u +
     * 2u |rT|) and three roundings: |err| &lt;= (S + K) (errN1 + errN2 + (14 + 2|rT|) u).
     */
    public static double blackScholes(DType t, double s, double k, double time, double r, double sigma) {
        double vol = sigma * Math.sqrt(time);
        double d1 = (Math.log(s / k) + (r + sigma * sigma / 2) * time) / vol;
        double d2 = d1 - vol;
        double l = (Math.abs(Math.log(s / k)) + Math.abs(r + sigma * sigma / 2) * time + 1) / vol;
        double u = u(t) + u(DType.F64);
        double dd1 = 16 * u * l;
        double dd2 = dd1 + u * Math.abs(d2) + 8 * u * vol;
        double n1 = 20 * u + NORMAL_CDF_APPROXIMATION + 0.4 * dd1;
        double n2 = 20 * u + NORMAL_CDF_APPROXIMATION + 0.4 * dd2;
        return (s + k) * (n1 + n2 + (14 + 2 * Math.abs(r * time)) * u);
    }

    /**
     * Box-Muller normal z = r cos(theta) (or sin) against the float64 formula on the same uniforms:
     * ln u1 (3 ulp = 6u relative), the square root (half of that plus 3 ulp), so r is within 10u
     * relative; theta = 2 pi u2 within 2u theta &lt;= 13u absolute, cos/sin (4 ulp = 8u) within 21u
     * absolute; the product adds a rounding: |err| &lt;= 32 u (|r| + 1).
     */
    public static double normal(DType t, double radius) {
        return 32 * (u(t) + u(DType.F64)) * (Math.abs(radius) + 1);
    }
    // ---- end of simulation kernels ----

    // ---- Analytics kernels (Analytics facade) ---------------------------------------------------------
    // Derivations, with u the element type's unit roundoff and depth(m) the roundings a sum of m terms
    // can see in any order (m - 1, Higham 4.2), so |err| <= (m + 1) u sum|t| also covers a final rounding:
    //  * scan: the canonical order is documented (blocks of B summed left to right, block totals left to
    //    right, one add of the offset), so every backend must give the reference's bits; against the exact
    //    prefix the chain of element i has at most (i mod B + 1) + (i / B) + 1 additions.
    //  * histogram, sort, transpose, compact: no arithmetic beyond the documented bin formula: exact.
    //  * spmv: a row of m nonzeros in any order (fma or not): (m + 2) u sum|a_ij x_j|.
    //  * k-means: a computed squared distance D^ of d dimensions is within (d + 3) u D of D (a rounded
    //    difference, squared, summed in depth d), so the chosen centroid has D <= D_min (1 + 2(d+3)u) / (1 - (d+3)u);
    //    the test's float64 distances have the same error for f64 data: allow 4 (d + 3) u relative.
    //    A new centroid is a sum of c coordinates (any order) and a divide: (c + 2) u sum|x| / c.
    //  * softmax / log-sum-exp: x_i - m rounds with error u |x_i - m| (an absolute error in the exponent,
    //    a relative one in exp); exp is within EXP_ULPS (OpenCL C allows 3 ulp, Java's Math.exp 1);
    //    the sum of n positive terms adds depth(n) u relative; the divide u. So y_i is within
    //    (|x_i - m| + max|x - m| + 2 EXP_ULPS + n + 3) u relative, and log-sum-exp within
    //    (max|x - m| + EXP_ULPS + n + 2) u absolute plus u |lse|.
    //  * FFT: Higham, Thm 24.2: a radix-2 FFT with twiddles of error mu has
    //    ||y^ - y|| / ||y|| <= log2(n) eta / (1 - log2(n) eta), eta = mu + gamma_4 (sqrt 2 + mu). Twiddles are
    //    computed in double (about 2 2^-53 from cos/sin and the reduced argument) and rounded once, so mu <= u + 2^-52
    //    and eta < 7.3u; allow 8 log2(n) u, plus the float64 reference DFT's own error (compensated sums of
    //    products with cos/sin of reduced arguments: about 10 2^-53 ||y||).

    /** Ulps of the element type allowed for exp in softmax and log-sum-exp (OpenCL C: 3; Math.exp: 1). */
    public static final int EXP_ULPS = 3;

    /** Scan: bound on |y_i - exact| for element i with {@code sumAbs} = sum_{j<=i} |x_j|. */
    public static double scan(DType t, long i, double sumAbs) {
        long depth = i % Blocking.BLOCK + 1 + i / Blocking.BLOCK + 1;
        return (depth + 1) * u(t) * sumAbs;
    }

    /** spmv: bound on |y_r - exact| for a row of m nonzeros with sum |a_ij x_j| = {@code sumAbs}. */
    public static double spmv(DType t, int m, double sumAbs) {
        return (m + 2) * u(t) * sumAbs;
    }

    /** k-means: relative slack allowed between the chosen centroid's distance and the nearest one's. */
    public static double kmeansDistance(DType t, int d) {
        return 4.0 * (d + 3) * u(t);
    }

    /** k-means: bound on a new centroid coordinate, the mean of c values with sum |x| = {@code sumAbs}. */
    public static double kmeansMean(DType t, int c, double sumAbs) {
        return (c + 2) * u(t) * sumAbs / c;
    }

    /** Softmax: bound on |y_i - exact|, relative to the exact y_i. */
    public static double softmax(DType t, long n, double diff, double maxDiff) {
        return (diff + maxDiff + 2 * EXP_ULPS + n + 3) * u(t);
    }

    /** Log-sum-exp: absolute bound. */
    public static double logSumExp(DType t, long n, double maxDiff, double lse) {
        return (maxDiff + EXP_ULPS + n + 2) * u(t) + u(t) * Math.abs(lse);
    }

    /** FFT: bound on ||y^ - y||_2 for an n-point transform whose exact result has norm {@code norm}. */
    public static double fft(DType t, int n, double norm) {
        int log2 = 31 - Integer.numberOfLeadingZeros(Math.max(n, 1));
        return (8.0 * log2 * u(t) + 10 * 0x1p-53) * norm;
    }
    // ---- end of analytics kernels ------------------------------------------------------------------------

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
