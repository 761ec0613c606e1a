package dev.pel.kernels;

import static dev.pel.kernels.Catalogue.MAX;
import static dev.pel.kernels.Catalogue.MEAN;
import static dev.pel.kernels.Catalogue.MIN;
import static dev.pel.kernels.Catalogue.SUM;
import static dev.pel.kernels.Catalogue.VARIANCE;

import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;

/**
 * Reductions: {@code sum}, {@code min}, {@code max}, {@code mean}, {@code variance}, over a whole
 * array, a heap range {@code (x, offset, length)}, or an off-heap array or view.
 *
 * <p>Accuracy: {@code cpu-simd} and OpenCL sum in fixed blocks of {@value dev.pel.kernels.cpu.Blocking#BLOCK}
 * elements, each over {@value dev.pel.kernels.cpu.Blocking#ACCUMULATORS} accumulators folded by halves,
 * and combine block results pairwise in double: results do not depend on the thread count (nor on
 * the backend: the order is the same on both), and the float error does not grow with n:
 * |error| &lt;= (B/A + log2 A + 2) u sum|x_i| + O(eps_double log2(n/B)) sum|x_i|, with B the block,
 * A the accumulators and u the unit roundoff of the element type. The {@code cpu-scalar}
 * reference sums sequentially in double (for f64 inputs its bound is (n-1) u sum|x_i|). {@code variance} combines per-block (count, mean, M2) triples with Chan's update and
 * computes each block in two passes, so it is stable for data with a large mean.
 *
 * <p>Empty input: sum is 0; mean and variance are NaN; min and max throw. NaN propagates.
 */
public final class Reductions extends Facade<KernelSet> {
    private static final Reductions DEFAULT = new Reductions(null);

    private Reductions(PelRuntime runtime) {
        super(runtime, KernelSets.FOUNDATION);
    }

    public static Reductions get() {
        return DEFAULT;
    }

    public static Reductions on(PelRuntime runtime) {
        return new Reductions(Check.notNull("runtime", runtime));
    }

    private static void nonEmpty(String kernel, long n) {
        if (n == 0) {
            throw new IllegalArgumentException("x: " + kernel + " of an empty range is undefined (length 0)");
        }
    }

    private static void ddof(int ddof) {
        if (ddof < 0) {
            throw new IllegalArgumentException("ddof: must be >= 0, was " + ddof);
        }
    }

    // @twin-begin F64
    public double sum(double[] x) {
        return sum(x, 0, Check.notNull("x", x).length);
    }

    /** Sum of {@code x[offset .. offset+length)}. */
    public double sum(double[] x, int offset, int length) {
        VecF64 v = Operands.range("x", x, offset, length);
        return (double) reduce(SUM, DType.F64, length, Operands.where(v), (k, t) -> k.sum(length, v, t));
    }

    public double sum(DoubleArray x) {
        VecF64 v = Operands.whole("x", x);
        long n = x.length();
        return (double) reduce(SUM, DType.F64, n, Operands.where(v), (k, t) -> k.sum(n, v, t));
    }

    public double mean(double[] x) {
        return mean(x, 0, Check.notNull("x", x).length);
    }

    public double mean(double[] x, int offset, int length) {
        VecF64 v = Operands.range("x", x, offset, length);
        return (double) reduce(MEAN, DType.F64, length, Operands.where(v), (k, t) -> k.mean(length, v, t));
    }

    public double mean(DoubleArray x) {
        VecF64 v = Operands.whole("x", x);
        long n = x.length();
        return (double) reduce(MEAN, DType.F64, n, Operands.where(v), (k, t) -> k.mean(n, v, t));
    }

    /** Population variance (ddof = 0). */
    public double variance(double[] x) {
        return variance(x, 0, Check.notNull("x", x).length, 0);
    }

    /** Variance with {@code ddof} delta degrees of freedom (1 for the sample variance); NaN when length <= ddof. */
    public double variance(double[] x, int offset, int length, int ddof) {
        ddof(ddof);
        VecF64 v = Operands.range("x", x, offset, length);
        return (double) reduce(VARIANCE, DType.F64, length, Operands.where(v), (k, t) -> k.variance(length, v, ddof, t));
    }

    public double variance(DoubleArray x) {
        return variance(x, 0);
    }

    public double variance(DoubleArray x, int ddof) {
        ddof(ddof);
        VecF64 v = Operands.whole("x", x);
        long n = x.length();
        return (double) reduce(VARIANCE, DType.F64, n, Operands.where(v), (k, t) -> k.variance(n, v, ddof, t));
    }

    public double min(double[] x) {
        return min(x, 0, Check.notNull("x", x).length);
    }

    public double min(double[] x, int offset, int length) {
        VecF64 v = Operands.range("x", x, offset, length);
        nonEmpty("min", length);
        return (double) reduce(MIN, DType.F64, length, Operands.where(v), (k, t) -> k.min(length, v, t));
    }

    public double min(DoubleArray x) {
        VecF64 v = Operands.whole("x", x);
        long n = x.length();
        nonEmpty("min", n);
        return (double) reduce(MIN, DType.F64, n, Operands.where(v), (k, t) -> k.min(n, v, t));
    }

    public double max(double[] x) {
        return max(x, 0, Check.notNull("x", x).length);
    }

    public double max(double[] x, int offset, int length) {
        VecF64 v = Operands.range("x", x, offset, length);
        nonEmpty("max", length);
        return (double) reduce(MAX, DType.F64, length, Operands.where(v), (k, t) -> k.max(length, v, t));
    }

    public double max(DoubleArray x) {
        VecF64 v = Operands.whole("x", x);
        long n = x.length();
        nonEmpty("max", n);
        return (double) reduce(MAX, DType.F64, n, Operands.where(v), (k, t) -> k.max(n, v, t));
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    public float sum(float[] x) {
        return sum(x, 0, Check.notNull("x", x).length);
    }

    /** Sum of {@code x[offset .. offset+length)}. */
    public float sum(float[] x, int offset, int length) {
        VecF32 v = Operands.range("x", x, offset, length);
        return (float) reduce(SUM, DType.F32, length, Operands.where(v), (k, t) -> k.sum(length, v, t));
    }

    public float sum(FloatArray x) {
        VecF32 v = Operands.whole("x", x);
        long n = x.length();
        return (float) reduce(SUM, DType.F32, n, Operands.where(v), (k, t) -> k.sum(n, v, t));
    }

    public float mean(float[] x) {
        return mean(x, 0, Check.notNull("x", x).length);
    }

    public float mean(float[] x, int offset, int length) {
        VecF32 v = Operands.range("x", x, offset, length);
        return (float) reduce(MEAN, DType.F32, length, Operands.where(v), (k, t) -> k.mean(length, v, t));
    }

    public float mean(FloatArray x) {
        VecF32 v = Operands.whole("x", x);
        long n = x.length();
        return (float) reduce(MEAN, DType.F32, n, Operands.where(v), (k, t) -> k.mean(n, v, t));
    }

    /** Population variance (ddof = 0). */
    public float variance(float[] x) {
        return variance(x, 0, Check.notNull("x", x).length, 0);
    }

    /** Variance with {@code ddof} delta degrees of freedom (1 for the sample variance); NaN when length <= ddof. */
    public float variance(float[] x, int offset, int length, int ddof) {
        ddof(ddof);
        VecF32 v = Operands.range("x", x, offset, length);
        return (float) reduce(VARIANCE, DType.F32, length, Operands.where(v), (k, t) -> k.variance(length, v, ddof, t));
    }

    public float variance(FloatArray x) {
        return variance(x, 0);
    }

    public float variance(FloatArray x, int ddof) {
        ddof(ddof);
        VecF32 v = Operands.whole("x", x);
        long n = x.length();
        return (float) reduce(VARIANCE, DType.F32, n, Operands.where(v), (k, t) -> k.variance(n, v, ddof, t));
    }

    public float min(float[] x) {
        return min(x, 0, Check.notNull("x", x).length);
    }

    public float min(float[] x, int offset, int length) {
        VecF32 v = Operands.range("x", x, offset, length);
        nonEmpty("min", length);
        return (float) reduce(MIN, DType.F32, length, Operands.where(v), (k, t) -> k.min(length, v, t));
    }

    public float min(FloatArray x) {
        VecF32 v = Operands.whole("x", x);
        long n = x.length();
        nonEmpty("min", n);
        return (float) reduce(MIN, DType.F32, n, Operands.where(v), (k, t) -> k.min(n, v, t));
    }

    public float max(float[] x) {
        return max(x, 0, Check.notNull("x", x).length);
    }

    public float max(float[] x, int offset, int length) {
        VecF32 v = Operands.range("x", x, offset, length);
        nonEmpty("max", length);
        return (float) reduce(MAX, DType.F32, length, Operands.where(v), (k, t) -> k.max(length, v, t));
    }

    public float max(FloatArray x) {
        VecF32 v = Operands.whole("x", x);
        long n = x.length();
        nonEmpty("max", n);
        return (float) reduce(MAX, DType.F32, n, Operands.where(v), (k, t) -> k.max(n, v, t));
    }
    // @twin-end
}
