package dev.pel.kernels.cpu;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;

/**
 * The reference: plain loops on one thread, written for clarity, never tuned. Sums accumulate in
 * double for both element types (so float results are accurate to the last bit in practice);
 * {@code threads} is ignored. Defines the semantics other backends are tested against.
 */
public final class ScalarKernelSet implements KernelSet {
    public static final ScalarKernelSet INSTANCE = new ScalarKernelSet();

    private ScalarKernelSet() {
    }

    // @twin-begin F64
    @Override
    public void axpy(long n, double a, VecF64 x, VecF64 y, int threads) {
        for (long i = 0; i < n; i++) {
            y.set(i, a * x.get(i) + y.get(i));
        }
    }

    @Override
    public void scal(long n, double a, VecF64 x, int threads) {
        for (long i = 0; i < n; i++) {
            x.set(i, a * x.get(i));
        }
    }

    @Override
    public void copy(long n, VecF64 x, VecF64 y, int threads) {
        for (long i = 0; i < n; i++) {
            y.set(i, x.get(i));
        }
    }

    @Override
    public void swap(long n, VecF64 x, VecF64 y, int threads) {
        for (long i = 0; i < n; i++) {
            double t = x.get(i);
            x.set(i, y.get(i));
            y.set(i, t);
        }
    }

    @Override
    public double dot(long n, VecF64 x, VecF64 y, int threads) {
        /*wide*/double s = 0;
        for (long i = 0; i < n; i++) {
            s += (/*wide*/double) x.get(i) * y.get(i);
        }
        return (double) s;
    }

    /** LAPACK's scale/ssq recurrence: never squares a value that could overflow or underflow. */
    @Override
    public double nrm2(long n, VecF64 x, int threads) {
        /*wide*/double scale = 0;
        /*wide*/double ssq = 1;
        boolean nan = false;
        for (long i = 0; i < n; i++) {
            /*wide*/double v = Math.abs(x.get(i));
            if (/*wide*/Double.isNaN(v)) {
                nan = true;
            } else if (v == /*wide*/Double.POSITIVE_INFINITY) {
                scale = v;
            } else if (v != 0 && scale != /*wide*/Double.POSITIVE_INFINITY) {
                if (scale < v) {
                    ssq = 1 + ssq * (scale / v) * (scale / v);
                    scale = v;
                } else {
                    ssq += (v / scale) * (v / scale);
                }
            }
        }
        if (nan) {
            return Double.NaN; //F32: return Float.NaN;
        }
        return (double) (scale == /*wide*/Double.POSITIVE_INFINITY ? scale : scale * Math.sqrt(ssq));
    }

    @Override
    public double asum(long n, VecF64 x, int threads) {
        /*wide*/double s = 0;
        for (long i = 0; i < n; i++) {
            s += Math.abs(x.get(i));
        }
        return (double) s;
    }

    @Override
    public long iamax(long n, VecF64 x, int threads) {
        long best = -1;
        double max = -1;
        for (long i = 0; i < n; i++) {
            double v = Math.abs(x.get(i));
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

    @Override
    public double sum(long n, VecF64 x, int threads) {
        return (double) wideSum(n, x);
    }

    private static /*wide*/double wideSum(long n, VecF64 x) {
        /*wide*/double s = 0;
        for (long i = 0; i < n; i++) {
            s += x.get(i);
        }
        return s;
    }

    @Override
    public double mean(long n, VecF64 x, int threads) {
        return (double) (wideSum(n, x) / n);
    }

    /** Two passes: the mean, then squared deviations with the compensating term of the corrected two-pass algorithm. */
    @Override
    public double variance(long n, VecF64 x, int ddof, int threads) {
        if (n <= ddof) {
            return Double.NaN; //F32: return Float.NaN;
        }
        /*wide*/double mean = wideSum(n, x) / n;
        /*wide*/double ss = 0;
        /*wide*/double comp = 0;
        for (long i = 0; i < n; i++) {
            /*wide*/double d = x.get(i) - mean;
            ss += d * d;
            comp += d;
        }
        return (double) ((ss - comp * comp / n) / (n - ddof));
    }

    @Override
    public double min(long n, VecF64 x, int threads) {
        double m = x.get(0);
        for (long i = 1; i < n; i++) {
            m = Math.min(m, x.get(i));
        }
        return m;
    }

    @Override
    public double max(long n, VecF64 x, int threads) {
        double m = x.get(0);
        for (long i = 1; i < n; i++) {
            m = Math.max(m, x.get(i));
        }
        return m;
    }

    @Override
    public void unary(UnaryOp op, long n, VecF64 x, VecF64 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, op.apply(x.get(i)));
        }
    }

    @Override
    public void binary(BinaryOp op, long n, VecF64 x, VecF64 y, VecF64 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, op.apply(x.get(i), y.get(i)));
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, long n, VecF64 x, double s, boolean scalarFirst, VecF64 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, scalarFirst ? op.apply(s, x.get(i)) : op.apply(x.get(i), s));
        }
    }

    @Override
    public void fma(long n, VecF64 x, VecF64 y, VecF64 z, VecF64 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, Math.fma(x.get(i), y.get(i), z.get(i)));
        }
    }

    @Override
    public void fmaScalar(long n, VecF64 x, double a, double b, VecF64 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, Math.fma(x.get(i), a, b));
        }
    }

    @Override
    public void clamp(long n, VecF64 x, double lo, double hi, VecF64 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, Math.min(Math.max(x.get(i), lo), hi));
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    @Override
    public void axpy(long n, float a, VecF32 x, VecF32 y, int threads) {
        for (long i = 0; i < n; i++) {
            y.set(i, a * x.get(i) + y.get(i));
        }
    }

    @Override
    public void scal(long n, float a, VecF32 x, int threads) {
        for (long i = 0; i < n; i++) {
            x.set(i, a * x.get(i));
        }
    }

    @Override
    public void copy(long n, VecF32 x, VecF32 y, int threads) {
        for (long i = 0; i < n; i++) {
            y.set(i, x.get(i));
        }
    }

    @Override
    public void swap(long n, VecF32 x, VecF32 y, int threads) {
        for (long i = 0; i < n; i++) {
            float t = x.get(i);
            x.set(i, y.get(i));
            y.set(i, t);
        }
    }

    @Override
    public float dot(long n, VecF32 x, VecF32 y, int threads) {
        /*wide*/double s = 0;
        for (long i = 0; i < n; i++) {
            s += (/*wide*/double) x.get(i) * y.get(i);
        }
        return (float) s;
    }

    /** LAPACK's scale/ssq recurrence: never squares a value that could overflow or underflow. */
    @Override
    public float nrm2(long n, VecF32 x, int threads) {
        /*wide*/double scale = 0;
        /*wide*/double ssq = 1;
        boolean nan = false;
        for (long i = 0; i < n; i++) {
            /*wide*/double v = Math.abs(x.get(i));
            if (/*wide*/Double.isNaN(v)) {
                nan = true;
            } else if (v == /*wide*/Double.POSITIVE_INFINITY) {
                scale = v;
            } else if (v != 0 && scale != /*wide*/Double.POSITIVE_INFINITY) {
                if (scale < v) {
                    ssq = 1 + ssq * (scale / v) * (scale / v);
                    scale = v;
                } else {
                    ssq += (v / scale) * (v / scale);
                }
            }
        }
        if (nan) {
            return Float.NaN;
        }
        return (float) (scale == /*wide*/Double.POSITIVE_INFINITY ? scale : scale * Math.sqrt(ssq));
    }

    @Override
    public float asum(long n, VecF32 x, int threads) {
        /*wide*/double s = 0;
        for (long i = 0; i < n; i++) {
            s += Math.abs(x.get(i));
        }
        return (float) s;
    }

    @Override
    public long iamax(long n, VecF32 x, int threads) {
        long best = -1;
        float max = -1;
        for (long i = 0; i < n; i++) {
            float v = Math.abs(x.get(i));
            if (Float.isNaN(v)) {
                return i;
            }
            if (v > max) {
                max = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public float sum(long n, VecF32 x, int threads) {
        return (float) wideSum(n, x);
    }

    private static /*wide*/double wideSum(long n, VecF32 x) {
        /*wide*/double s = 0;
        for (long i = 0; i < n; i++) {
            s += x.get(i);
        }
        return s;
    }

    @Override
    public float mean(long n, VecF32 x, int threads) {
        return (float) (wideSum(n, x) / n);
    }

    /** Two passes: the mean, then squared deviations with the compensating term of the corrected two-pass algorithm. */
    @Override
    public float variance(long n, VecF32 x, int ddof, int threads) {
        if (n <= ddof) {
            return Float.NaN;
        }
        /*wide*/double mean = wideSum(n, x) / n;
        /*wide*/double ss = 0;
        /*wide*/double comp = 0;
        for (long i = 0; i < n; i++) {
            /*wide*/double d = x.get(i) - mean;
            ss += d * d;
            comp += d;
        }
        return (float) ((ss - comp * comp / n) / (n - ddof));
    }

    @Override
    public float min(long n, VecF32 x, int threads) {
        float m = x.get(0);
        for (long i = 1; i < n; i++) {
            m = Math.min(m, x.get(i));
        }
        return m;
    }

    @Override
    public float max(long n, VecF32 x, int threads) {
        float m = x.get(0);
        for (long i = 1; i < n; i++) {
            m = Math.max(m, x.get(i));
        }
        return m;
    }

    @Override
    public void unary(UnaryOp op, long n, VecF32 x, VecF32 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, op.apply(x.get(i)));
        }
    }

    @Override
    public void binary(BinaryOp op, long n, VecF32 x, VecF32 y, VecF32 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, op.apply(x.get(i), y.get(i)));
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, long n, VecF32 x, float s, boolean scalarFirst, VecF32 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, scalarFirst ? op.apply(s, x.get(i)) : op.apply(x.get(i), s));
        }
    }

    @Override
    public void fma(long n, VecF32 x, VecF32 y, VecF32 z, VecF32 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, Math.fma(x.get(i), y.get(i), z.get(i)));
        }
    }

    @Override
    public void fmaScalar(long n, VecF32 x, float a, float b, VecF32 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, Math.fma(x.get(i), a, b));
        }
    }

    @Override
    public void clamp(long n, VecF32 x, float lo, float hi, VecF32 out, int threads) {
        for (long i = 0; i < n; i++) {
            out.set(i, Math.min(Math.max(x.get(i), lo), hi));
        }
    }
    // @twin-end
}
