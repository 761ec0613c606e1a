package dev.pel.kernels;

import static dev.pel.kernels.Catalogue.ASUM;
import static dev.pel.kernels.Catalogue.AXPY;
import static dev.pel.kernels.Catalogue.COPY;
import static dev.pel.kernels.Catalogue.DOT;
import static dev.pel.kernels.Catalogue.IAMAX;
import static dev.pel.kernels.Catalogue.NRM2;
import static dev.pel.kernels.Catalogue.SCAL;
import static dev.pel.kernels.Catalogue.SWAP;

import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;

/**
 * BLAS level 1 with BLAS semantics, for heap arrays and off-heap {@link FloatArray}/{@link DoubleArray}.
 *
 * <p>Each routine has a short form over whole arrays and a full form {@code (n, ..., x, offx, incx, ...)}:
 * n elements starting at {@code offx} with step {@code incx}; a negative increment walks the same
 * range backwards, as in reference BLAS (logical element 0 is at {@code offx + (n-1)*|incx|}).
 * Increments must be non-zero. Outputs may not partially overlap inputs ({@code axpy} and
 * {@code copy} reject it; {@code swap} of a range with itself is allowed and does nothing).
 * {@code iamax} is 0-based and returns -1 for n = 0.
 *
 * <p>Bad arguments throw before anything is written: {@link NullPointerException},
 * {@link IllegalArgumentException} or {@link IndexOutOfBoundsException} naming the argument, or
 * {@link IllegalStateException} for a closed array.
 */
public final class Blas extends Facade<KernelSet> {
    private static final Blas DEFAULT = new Blas(null);

    private Blas(PelRuntime runtime) {
        super(runtime, KernelSets.FOUNDATION);
    }

    /** BLAS on the process-wide default runtime. */
    public static Blas get() {
        return DEFAULT;
    }

    /** BLAS on a given runtime (for example one that forces a backend). */
    public static Blas on(PelRuntime runtime) {
        return new Blas(Check.notNull("runtime", runtime));
    }

    // @twin-begin F64
    /** {@code y = a*x + y} over whole arrays of equal length. */
    public void axpy(double a, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        axpy(x.length, a, x, 0, 1, y, 0, 1);
    }

    public void axpy(int n, double a, double[] x, int offx, int incx, double[] y, int offy, int incy) {
        axpyF64(n, a, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    public void axpy(double a, DoubleArray x, DoubleArray y) {
        Check.open("x", x);
        Check.open("y", y);
        Check.sameLength("y", y.length(), "x", x.length());
        axpy(x.length(), a, x, 0, 1, y, 0, 1);
    }

    public void axpy(long n, double a, DoubleArray x, long offx, long incx, DoubleArray y, long offy, long incy) {
        axpyF64(n, a, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    private void axpyF64(long n, double a, VecF64 x, VecF64 y) {
        Operands.disjoint("x", x, "y", y, n, true);
        run(AXPY, DType.F64, n, Operands.where(x, y), (k, t) -> k.axpy(n, a, x, y, t));
    }

    /** {@code x = a*x}. */
    public void scal(double a, double[] x) {
        Check.notNull("x", x);
        scal(x.length, a, x, 0, 1);
    }

    public void scal(int n, double a, double[] x, int offx, int incx) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        run(SCAL, DType.F64, n, Operands.where(vx), (k, t) -> k.scal(n, a, vx, t));
    }

    public void scal(double a, DoubleArray x) {
        Check.open("x", x);
        scal(x.length(), a, x, 0, 1);
    }

    public void scal(long n, double a, DoubleArray x, long offx, long incx) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        run(SCAL, DType.F64, n, Operands.where(vx), (k, t) -> k.scal(n, a, vx, t));
    }

    /** {@code y = x}. */
    public void copy(double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        copy(x.length, x, 0, 1, y, 0, 1);
    }

    public void copy(int n, double[] x, int offx, int incx, double[] y, int offy, int incy) {
        copyF64(n, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    public void copy(DoubleArray x, DoubleArray y) {
        Check.open("x", x);
        Check.open("y", y);
        Check.sameLength("y", y.length(), "x", x.length());
        copy(x.length(), x, 0, 1, y, 0, 1);
    }

    public void copy(long n, DoubleArray x, long offx, long incx, DoubleArray y, long offy, long incy) {
        copyF64(n, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    private void copyF64(long n, VecF64 x, VecF64 y) {
        Operands.disjoint("x", x, "y", y, n, true);
        run(COPY, DType.F64, n, Operands.where(x, y), (k, t) -> k.copy(n, x, y, t));
    }

    /** Exchanges x and y. */
    public void swap(double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        swap(x.length, x, 0, 1, y, 0, 1);
    }

    public void swap(int n, double[] x, int offx, int incx, double[] y, int offy, int incy) {
        swapF64(n, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    public void swap(DoubleArray x, DoubleArray y) {
        Check.open("x", x);
        Check.open("y", y);
        Check.sameLength("y", y.length(), "x", x.length());
        swap(x.length(), x, 0, 1, y, 0, 1);
    }

    public void swap(long n, DoubleArray x, long offx, long incx, DoubleArray y, long offy, long incy) {
        swapF64(n, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    private void swapF64(long n, VecF64 x, VecF64 y) {
        Operands.disjoint("x", x, "y", y, n, true);
        run(SWAP, DType.F64, n, Operands.where(x, y), (k, t) -> k.swap(n, x, y, t));
    }

    /** The dot product {@code sum x[i]*y[i]}. */
    public double dot(double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        return dot(x.length, x, 0, 1, y, 0, 1);
    }

    public double dot(int n, double[] x, int offx, int incx, double[] y, int offy, int incy) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        VecF64 vy = Operands.of("y", y, n, offy, incy);
        return (double) reduce(DOT, DType.F64, n, Operands.where(vx, vy), (k, t) -> k.dot(n, vx, vy, t));
    }

    public double dot(DoubleArray x, DoubleArray y) {
        Check.open("x", x);
        Check.open("y", y);
        Check.sameLength("y", y.length(), "x", x.length());
        return dot(x.length(), x, 0, 1, y, 0, 1);
    }

    public double dot(long n, DoubleArray x, long offx, long incx, DoubleArray y, long offy, long incy) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        VecF64 vy = Operands.of("y", y, n, offy, incy);
        return (double) reduce(DOT, DType.F64, n, Operands.where(vx, vy), (k, t) -> k.dot(n, vx, vy, t));
    }

    /** The Euclidean norm, scaled so it neither overflows nor underflows where the result is representable. */
    public double nrm2(double[] x) {
        Check.notNull("x", x);
        return nrm2(x.length, x, 0, 1);
    }

    public double nrm2(int n, double[] x, int offx, int incx) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        return (double) reduce(NRM2, DType.F64, n, Operands.where(vx), (k, t) -> k.nrm2(n, vx, t));
    }

    public double nrm2(DoubleArray x) {
        Check.open("x", x);
        return nrm2(x.length(), x, 0, 1);
    }

    public double nrm2(long n, DoubleArray x, long offx, long incx) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        return (double) reduce(NRM2, DType.F64, n, Operands.where(vx), (k, t) -> k.nrm2(n, vx, t));
    }

    /** {@code sum |x[i]|}. */
    public double asum(double[] x) {
        Check.notNull("x", x);
        return asum(x.length, x, 0, 1);
    }

    public double asum(int n, double[] x, int offx, int incx) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        return (double) reduce(ASUM, DType.F64, n, Operands.where(vx), (k, t) -> k.asum(n, vx, t));
    }

    public double asum(DoubleArray x) {
        Check.open("x", x);
        return asum(x.length(), x, 0, 1);
    }

    public double asum(long n, DoubleArray x, long offx, long incx) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        return (double) reduce(ASUM, DType.F64, n, Operands.where(vx), (k, t) -> k.asum(n, vx, t));
    }

    /** 0-based logical index of the first largest |x[i]| (of the first NaN if any); -1 when n = 0. */
    public int iamax(double[] x) {
        Check.notNull("x", x);
        return iamax(x.length, x, 0, 1);
    }

    public int iamax(int n, double[] x, int offx, int incx) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        return (int) reduceIndex(IAMAX, DType.F64, n, Operands.where(vx), (k, t) -> k.iamax(n, vx, t));
    }

    public long iamax(DoubleArray x) {
        Check.open("x", x);
        return iamax(x.length(), x, 0, 1);
    }

    public long iamax(long n, DoubleArray x, long offx, long incx) {
        VecF64 vx = Operands.of("x", x, n, offx, incx);
        return reduceIndex(IAMAX, DType.F64, n, Operands.where(vx), (k, t) -> k.iamax(n, vx, t));
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** {@code y = a*x + y} over whole arrays of equal length. */
    public void axpy(float a, float[] x, float[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        axpy(x.length, a, x, 0, 1, y, 0, 1);
    }

    public void axpy(int n, float a, float[] x, int offx, int incx, float[] y, int offy, int incy) {
        axpyF32(n, a, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    public void axpy(float a, FloatArray x, FloatArray y) {
        Check.open("x", x);
        Check.open("y", y);
        Check.sameLength("y", y.length(), "x", x.length());
        axpy(x.length(), a, x, 0, 1, y, 0, 1);
    }

    public void axpy(long n, float a, FloatArray x, long offx, long incx, FloatArray y, long offy, long incy) {
        axpyF32(n, a, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    private void axpyF32(long n, float a, VecF32 x, VecF32 y) {
        Operands.disjoint("x", x, "y", y, n, true);
        run(AXPY, DType.F32, n, Operands.where(x, y), (k, t) -> k.axpy(n, a, x, y, t));
    }

    /** {@code x = a*x}. */
    public void scal(float a, float[] x) {
        Check.notNull("x", x);
        scal(x.length, a, x, 0, 1);
    }

    public void scal(int n, float a, float[] x, int offx, int incx) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        run(SCAL, DType.F32, n, Operands.where(vx), (k, t) -> k.scal(n, a, vx, t));
    }

    public void scal(float a, FloatArray x) {
        Check.open("x", x);
        scal(x.length(), a, x, 0, 1);
    }

    public void scal(long n, float a, FloatArray x, long offx, long incx) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        run(SCAL, DType.F32, n, Operands.where(vx), (k, t) -> k.scal(n, a, vx, t));
    }

    /** {@code y = x}. */
    public void copy(float[] x, float[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        copy(x.length, x, 0, 1, y, 0, 1);
    }

    public void copy(int n, float[] x, int offx, int incx, float[] y, int offy, int incy) {
        copyF32(n, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    public void copy(FloatArray x, FloatArray y) {
        Check.open("x", x);
        Check.open("y", y);
        Check.sameLength("y", y.length(), "x", x.length());
        copy(x.length(), x, 0, 1, y, 0, 1);
    }

    public void copy(long n, FloatArray x, long offx, long incx, FloatArray y, long offy, long incy) {
        copyF32(n, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    private void copyF32(long n, VecF32 x, VecF32 y) {
        Operands.disjoint("x", x, "y", y, n, true);
        run(COPY, DType.F32, n, Operands.where(x, y), (k, t) -> k.copy(n, x, y, t));
    }

    /** Exchanges x and y. */
    public void swap(float[] x, float[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        swap(x.length, x, 0, 1, y, 0, 1);
    }

    public void swap(int n, float[] x, int offx, int incx, float[] y, int offy, int incy) {
        swapF32(n, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    public void swap(FloatArray x, FloatArray y) {
        Check.open("x", x);
        Check.open("y", y);
        Check.sameLength("y", y.length(), "x", x.length());
        swap(x.length(), x, 0, 1, y, 0, 1);
    }

    public void swap(long n, FloatArray x, long offx, long incx, FloatArray y, long offy, long incy) {
        swapF32(n, Operands.of("x", x, n, offx, incx), Operands.of("y", y, n, offy, incy));
    }

    private void swapF32(long n, VecF32 x, VecF32 y) {
        Operands.disjoint("x", x, "y", y, n, true);
        run(SWAP, DType.F32, n, Operands.where(x, y), (k, t) -> k.swap(n, x, y, t));
    }

    /** The dot product {@code sum x[i]*y[i]}. */
    public float dot(float[] x, float[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.sameLength("y", y.length, "x", x.length);
        return dot(x.length, x, 0, 1, y, 0, 1);
    }

    public float dot(int n, float[] x, int offx, int incx, float[] y, int offy, int incy) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        VecF32 vy = Operands.of("y", y, n, offy, incy);
        return (float) reduce(DOT, DType.F32, n, Operands.where(vx, vy), (k, t) -> k.dot(n, vx, vy, t));
    }

    public float dot(FloatArray x, FloatArray y) {
        Check.open("x", x);
        Check.open("y", y);
        Check.sameLength("y", y.length(), "x", x.length());
        return dot(x.length(), x, 0, 1, y, 0, 1);
    }

    public float dot(long n, FloatArray x, long offx, long incx, FloatArray y, long offy, long incy) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        VecF32 vy = Operands.of("y", y, n, offy, incy);
        return (float) reduce(DOT, DType.F32, n, Operands.where(vx, vy), (k, t) -> k.dot(n, vx, vy, t));
    }

    /** The Euclidean norm, scaled so it neither overflows nor underflows where the result is representable. */
    public float nrm2(float[] x) {
        Check.notNull("x", x);
        return nrm2(x.length, x, 0, 1);
    }

    public float nrm2(int n, float[] x, int offx, int incx) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        return (float) reduce(NRM2, DType.F32, n, Operands.where(vx), (k, t) -> k.nrm2(n, vx, t));
    }

    public float nrm2(FloatArray x) {
        Check.open("x", x);
        return nrm2(x.length(), x, 0, 1);
    }

    public float nrm2(long n, FloatArray x, long offx, long incx) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        return (float) reduce(NRM2, DType.F32, n, Operands.where(vx), (k, t) -> k.nrm2(n, vx, t));
    }

    /** {@code sum |x[i]|}. */
    public float asum(float[] x) {
        Check.notNull("x", x);
        return asum(x.length, x, 0, 1);
    }

    public float asum(int n, float[] x, int offx, int incx) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        return (float) reduce(ASUM, DType.F32, n, Operands.where(vx), (k, t) -> k.asum(n, vx, t));
    }

    public float asum(FloatArray x) {
        Check.open("x", x);
        return asum(x.length(), x, 0, 1);
    }

    public float asum(long n, FloatArray x, long offx, long incx) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        return (float) reduce(ASUM, DType.F32, n, Operands.where(vx), (k, t) -> k.asum(n, vx, t));
    }

    /** 0-based logical index of the first largest |x[i]| (of the first NaN if any); -1 when n = 0.f */
    public int iamax(float[] x) {
        Check.notNull("x", x);
        return iamax(x.length, x, 0, 1);
    }

    public int iamax(int n, float[] x, int offx, int incx) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        return (int) reduceIndex(IAMAX, DType.F32, n, Operands.where(vx), (k, t) -> k.iamax(n, vx, t));
    }

    public long iamax(FloatArray x) {
        Check.open("x", x);
        return iamax(x.length(), x, 0, 1);
    }

    public long iamax(long n, FloatArray x, long offx, long incx) {
        VecF32 vx = Operands.of("x", x, n, offx, incx);
        return reduceIndex(IAMAX, DType.F32, n, Operands.where(vx), (k, t) -> k.iamax(n, vx, t));
    }
    // @twin-end
}
