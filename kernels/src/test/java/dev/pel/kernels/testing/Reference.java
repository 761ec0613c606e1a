package dev.pel.kernels.testing;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.DType;

/**
 * Float64 references the contract tests compare every backend against. Inputs are the logical
 * elements as doubles (already representable in the element type). Reductions use Neumaier's
 * compensated summation, with exact products (fma TwoProduct) for dot and nrm2, so the reference's
 * own error (about 2 u_double |result| + n u_double^2 sum|t|) is negligible next to any tolerance
 * in {@link Tolerances}. Element-wise references are correctly rounded in the element type, or
 * {@link StrictMath} in double rounded once to the element type.
 *
 * <p>Special values follow the kernels' documented semantics (see {@code KernelSet}): NaN
 * propagates, +inf and -inf together make NaN.
 */
public final class Reference {
    private Reference() {
    }

    /** v rounded to the element type. */
    public static double round(DType t, double v) {
        return t == DType.F32 ? (double) (float) v : v;
    }

    // ---- reductions -------------------------------------------------------------------------

    /** Neumaier's compensated sum, one term at a time (for data too large to copy). */
    public static final class Accumulator {
        private double s;
        private double c;
        private boolean nan;
        private boolean posInf;
        private boolean negInf;

        public Accumulator add(double t) {
            if (Double.isNaN(t)) {
                nan = true;
            } else if (Double.isInfinite(t)) {
                posInf |= t > 0;
                negInf |= t < 0;
            } else {
                double next = s + t;
                if (Math.abs(s) >= Math.abs(t)) {
                    c += (s - next) + t;
                } else {
                    c += (t - next) + s;
                }
                s = next;
            }
            return this;
        }

        /** The sum so far; NaN if a term was NaN or +inf met -inf. */
        public double value() {
            if (nan || (posInf && negInf)) {
                return Double.NaN;
            }
            return posInf ? Double.POSITIVE_INFINITY : negInf ? Double.NEGATIVE_INFINITY : s + c;
        }
    }

    /** Neumaier's compensated sum of the terms; NaN if a term is NaN or +inf meets -inf. */
    public static double sum(double[] terms) {
        Accumulator a = new Accumulator();
        for (double t : terms) {
            a.add(t);
        }
        return a.value();
    }

    public static double sumAbs(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = Math.abs(x[i]);
        }
        return sum(a);
    }

    /** sum x_i y_i with each product split exactly into p + e (fma TwoProduct), then compensated. */
    public static double dot(double[] x, double[] y) {
        double[] terms = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            double p = x[i] * y[i];
            terms[2 * i] = p;
            terms[2 * i + 1] = Double.isFinite(p) ? Math.fma(x[i], y[i], -p) : 0;
        }
        return sum(terms);
    }

    /** sum |x_i y_i| (the scale of dot's rounding errors). */
    public static double sumAbsProducts(double[] x, double[] y) {
        double[] terms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            terms[i] = Math.abs(x[i] * y[i]);
        }
        return sum(terms);
    }

    /**
     * The Euclidean norm without overflow or underflow: scaled by a power of two near max|x_i|
     * (exact), squares split exactly, summed compensated. NaN if any NaN, else +inf if any inf.
     */
    public static double nrm2(double[] x) {
        double max = 0;
        for (double v : x) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(v));
        }
        if (max == Double.POSITIVE_INFINITY) {
            return max;
        }
        if (max == 0) {
            return 0;
        }
        int e = Math.getExponent(max);
        double[] terms = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            double s = Math.scalb(x[i], -e); // exact unless it lands below the normal range, where it no longer matters
            double p = s * s;
            terms[2 * i] = p;
            terms[2 * i + 1] = Math.fma(s, s, -p);
        }
        return Math.scalb(Math.sqrt(sum(terms)), e);
    }

    public static double mean(double[] x) {
        return sum(x) / x.length;
    }

    /** Two-pass variance with the compensating term, each pass compensated; NaN when n <= ddof. */
    public static double variance(double[] x, int ddof) {
        int n = x.length;
        if (n <= ddof) {
            return Double.NaN;
        }
        double m = mean(x);
        double[] sq = new double[2 * n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - m;
            double p = d[i] * d[i];
            sq[2 * i] = p;
            sq[2 * i + 1] = Double.isFinite(p) ? Math.fma(d[i], d[i], -p) : 0;
        }
        double comp = sum(d);
        return (sum(sq) - comp * comp / n) / (n - ddof);
    }

    /** sum (x_i - mean)^2, the V of {@link Tolerances#variance}. */
    public static double sumSquaredDeviations(double[] x) {
        return variance(x, 0) * x.length;
    }

    public static double sumAbsDeviations(double[] x) {
        double m = mean(x);
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = Math.abs(x[i] - m);
        }
        return sum(d);
    }

    public static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Math.min folded left to right: NaN wins, -0.0 is below +0.0. */
    public static double min(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            m = Math.min(m, x[i]);
        }
        return m;
    }

    public static double max(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    /** 0-based index of the first NaN, else of the first largest |x_i|; -1 when empty. */
    public static long iamax(double[] x) {
        int best = -1;
        double max = -1;
        for (int i = 0; i < x.length; i++) {
            double v = Math.abs(x[i]);
            if (Double.isNaN(v)) {
                return i;
            }
            if (v > max) {
                max = v;
                best = i;
            }
        }
        return best;
    }

    // ---- element-wise ---------------------------------------------------------------------------

    /** {@code a op b} correctly rounded in the element type. */
    public static double binary(DType t, BinaryOp op, double a, double b) {
        return t == DType.F32 ? op.apply((float) a, (float) b) : op.apply(a, b);
    }

    /** {@code x*y+z} rounded once in the element type. */
    public static double fma(DType t, double x, double y, double z) {
        return t == DType.F32 ? Math.fma((float) x, (float) y, (float) z) : Math.fma(x, y, z);
    }

    /** {@code a*x+y} rounded once in the element type: the axpy reference. */
    public static double axpy(DType t, double a, double x, double y) {
        return fma(t, a, x, y);
    }

    /** {@code a*x} in the element type: the scal reference. */
    public static double scal(DType t, double a, double x) {
        return binary(t, BinaryOp.MUL, a, x);
    }

    public static double clamp(DType t, double x, double lo, double hi) {
        return t == DType.F32 ? Math.min(Math.max((float) x, (float) lo), (float) hi) : Math.min(Math.max(x, lo), hi);
    }

    /**
     * The function in double ({@link StrictMath} for the transcendental ones), rounded once to the
     * element type; abs, neg and sqrt are correctly rounded.
     */
    public static double unary(DType t, UnaryOp op, double x) {
        double r = switch (op) {
            case ABS -> Math.abs(x);
            case NEG -> -x;
            case SQRT -> StrictMath.sqrt(x);
            case EXP -> StrictMath.exp(x);
            case LOG -> StrictMath.log(x);
            case TANH -> StrictMath.tanh(x);
            case SIGMOID -> 1 / (1 + StrictMath.exp(-x));
        };
        return round(t, r);
    }
}
