package dev.pel.kernels.testing;

import dev.pel.kernels.Blas;
import dev.pel.kernels.ElementWise;
import dev.pel.kernels.Reductions;
import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.DType;

/**
 * An array under test, of either element type, on the heap or off-heap, surrounded by memory the
 * call must not touch, so tests are written once for f32 and f64 and for every storage.
 *
 * <p>The <em>operand</em> is what a facade call receives: a heap array ({@link Storage#HEAP}), a
 * whole off-heap array ({@link Storage#NATIVE}), or an off-heap view that starts
 * {@link #VIEW_LEAD} elements into a larger array and ends {@link #VIEW_TRAIL} before its end
 * ({@link Storage#VIEW}, offset != 0, so not 64-byte aligned). The <em>memory</em> is everything
 * behind it (for a view, its parent too). Memory starts filled with a sentinel NaN
 * ({@link #sentinelBits()}) that no kernel produces; tests write inputs into the operand, call, and
 * then check every memory element: written ones against the reference, all others bit for bit.
 *
 * <p>The typed facade calls at the bottom are implemented by {@code GuardedArrayF64} and its
 * generated twin {@code GuardedArrayF32}; offsets and increments are passed to the facade as given
 * (relative to the operand), scalars are rounded to the element type, float results widen.
 */
public abstract sealed class GuardedArray implements AutoCloseable permits GuardedArrayF64, GuardedArrayF32 {
    /** Where the operand lives. */
    public enum Storage {
        HEAP, NATIVE, VIEW;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Elements of the parent before a {@link Storage#VIEW} operand. */
    public static final int VIEW_LEAD = 1;
    /** Elements of the parent after a {@link Storage#VIEW} operand. */
    public static final int VIEW_TRAIL = 2;
    /** A quiet NaN with a payload no arithmetic produces. */
    public static final long SENTINEL_F64 = 0x7ffDEAD5EED0BEEFL;
    /** The float sentinel: a quiet NaN with a payload no arithmetic produces. */
    public static final int SENTINEL_F32 = 0x7fDEAD5E;

    private final DType dtype;
    private final Storage storage;
    private final int start;
    private final int length;
    private final int memoryLength;

    GuardedArray(DType dtype, Storage storage, int start, int length, int memoryLength) {
        this.dtype = dtype;
        this.storage = storage;
        this.start = start;
        this.length = length;
        this.memoryLength = memoryLength;
    }

    /** A sentinel-filled array whose operand has {@code length} elements. */
    public static GuardedArray create(DType t, Storage s, int length) {
        return t == DType.F64 ? new GuardedArrayF64(s, length) : new GuardedArrayF32(s, length);
    }

    /** An array whose operand holds {@code values} (rounded to the element type). */
    public static GuardedArray of(DType t, Storage s, double[] values) {
        GuardedArray a = create(t, s, values.length);
        for (int i = 0; i < values.length; i++) {
            a.set(i, values[i]);
        }
        return a;
    }

    public final DType dtype() {
        return dtype;
    }

    public final Storage storage() {
        return storage;
    }

    /** Elements of the operand. */
    public final int length() {
        return length;
    }

    /** Elements of the memory behind the operand (guards included). */
    public final int memoryLength() {
        return memoryLength;
    }

    /** Memory index of operand index i. */
    public final int memoryIndex(long i) {
        return Math.toIntExact(start + i);
    }

    /** The sentinel's raw bits in the element type (a float's zero-extended to a long). */
    public final long sentinelBits() {
        return dtype == DType.F32 ? SENTINEL_F32 & 0xffffffffL : SENTINEL_F64;
    }

    /** Operand element i. */
    public final double get(long i) {
        return getMemory(memoryIndex(i));
    }

    /** Sets operand element i (rounded to the element type). */
    public final void set(long i, double v) {
        setMemory(memoryIndex(i), v);
    }

    /** Raw bits of every memory element, in the element type (floats zero-extended). */
    public abstract long[] snapshot();

    public abstract double getMemory(int m);

    public abstract void setMemory(int m, double v);

    /** Raw bits of memory element m (a float's zero-extended). */
    public abstract long rawBits(int m);

    /**
     * Another operand on this array's memory: an off-heap view of {@code length} elements from
     * operand index {@code offset}. It owns nothing; closing it does nothing.
     */
    public abstract GuardedArray alias(int offset, int length);

    /** Frees off-heap memory if this owns it (later calls with it must fail). */
    @Override
    public abstract void close();

    @Override
    public String toString() {
        return storage.label() + "[" + length + "]";
    }

    // ---- Blas ------------------------------------------------------------------------------------

    public abstract void axpy(Blas b, double a, GuardedArray y);

    public abstract void axpy(Blas b, long n, double a, long offx, long incx, GuardedArray y, long offy, long incy);

    public abstract void scal(Blas b, double a);

    public abstract void scal(Blas b, long n, double a, long offx, long incx);

    public abstract void copy(Blas b, GuardedArray y);

    public abstract void copy(Blas b, long n, long offx, long incx, GuardedArray y, long offy, long incy);

    public abstract void swap(Blas b, GuardedArray y);

    public abstract void swap(Blas b, long n, long offx, long incx, GuardedArray y, long offy, long incy);

    public abstract double dot(Blas b, GuardedArray y);

    public abstract double dot(Blas b, long n, long offx, long incx, GuardedArray y, long offy, long incy);

    public abstract double nrm2(Blas b);

    public abstract double nrm2(Blas b, long n, long offx, long incx);

    public abstract double asum(Blas b);

    public abstract double asum(Blas b, long n, long offx, long incx);

    public abstract long iamax(Blas b);

    public abstract long iamax(Blas b, long n, long offx, long incx);

    // ---- Reductions: whole operand, or a heap range (x, offset, length) ---------------------------

    public abstract double sum(Reductions r);

    public abstract double sum(Reductions r, int offset, int length);

    public abstract double mean(Reductions r);

    public abstract double mean(Reductions r, int offset, int length);

    /** Whole operand; ddof 0 goes through the one-argument overload. */
    public abstract double variance(Reductions r, int ddof);

    public abstract double variance(Reductions r, int offset, int length, int ddof);

    public abstract double min(Reductions r);

    public abstract double min(Reductions r, int offset, int length);

    public abstract double max(Reductions r);

    public abstract double max(Reductions r, int offset, int length);

    // ---- ElementWise (whole operands) --------------------------------------------------------------

    /** {@code out = this op y}. */
    public abstract void binary(ElementWise e, BinaryOp op, GuardedArray y, GuardedArray out);

    /** {@code out = this op s}, or {@code out = s op this} when scalarFirst (sub and div only). */
    public abstract void binaryScalar(ElementWise e, BinaryOp op, double s, boolean scalarFirst, GuardedArray out);

    /** {@code out = this * y + z}. */
    public abstract void fma(ElementWise e, GuardedArray y, GuardedArray z, GuardedArray out);

    /** {@code out = this * a + b}. */
    public abstract void fmaScalar(ElementWise e, double a, double b, GuardedArray out);

    public abstract void clamp(ElementWise e, double lo, double hi, GuardedArray out);

    public abstract void unary(ElementWise e, UnaryOp op, GuardedArray out);
}
