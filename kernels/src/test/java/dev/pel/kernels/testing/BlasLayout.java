package dev.pel.kernels.testing;

import dev.pel.kernels.testing.GuardedArray.Storage;
import dev.pel.runtime.DType;
import java.util.List;

/**
 * How a BLAS call addresses its (up to two) vector operands: the short form over whole arrays, or
 * the full form {@code (n, x, offx, incx, y, offy, incy)} with BLAS semantics (a negative increment
 * walks the range backwards: logical element 0 sits at {@code off + (n-1)|inc|}).
 *
 * <p>In the full form an operand's array holds {@code off} untouchable elements, the strided range
 * with untouchable gaps, then {@link #TAIL} more; {@link #place} fills the logical elements and
 * leaves the rest to the sentinel.
 */
public record BlasLayout(String name, Storage storage, boolean full, int offx, int incx, int offy, int incy) {
    /** Untouchable elements after a full-form range. */
    public static final int TAIL = 2;

    public static BlasLayout whole(Storage s) {
        return new BlasLayout(s.label(), s, false, 0, 1, 0, 1);
    }

    public static BlasLayout full(Storage s, int offx, int incx, int offy, int incy) {
        return new BlasLayout(s.label() + " off=" + offx + "," + offy + " inc=" + incx + "," + incy, s, true, offx, incx, offy, incy);
    }

    /** Layouts for every size below {@link Sizes#LARGE}: each storage whole, and strides 1, 2, -1, -3 with offsets. */
    public static final List<BlasLayout> SMALL = List.of(whole(Storage.HEAP), whole(Storage.NATIVE), whole(Storage.VIEW),
            full(Storage.HEAP, 3, 1, 1, 1), full(Storage.HEAP, 1, 2, 4, -1), full(Storage.NATIVE, 2, -3, 0, 2),
            full(Storage.VIEW, 1, -1, 2, -3), full(Storage.HEAP, 5, -3, 0, -3), full(Storage.NATIVE, 1, 1, 3, 1));

    /** Fewer layouts for large sizes: whole heap, unit stride with offsets in a view, mixed strides. */
    public static final List<BlasLayout> LARGE = List.of(whole(Storage.HEAP), full(Storage.VIEW, 1, 1, 2, 1),
            full(Storage.HEAP, 1, 2, 4, -1));

    public static List<BlasLayout> forSize(int n) {
        return n < Sizes.LARGE ? SMALL : LARGE;
    }

    /** Operand length for n elements from off with step inc (whole form: n). */
    public int length(int n, int off, int inc) {
        if (!full) {
            return n;
        }
        return off + (n == 0 ? 0 : (n - 1) * Math.abs(inc) + 1) + TAIL;
    }

    /** Operand index of logical element i. */
    public long position(int n, int off, int inc, int i) {
        if (!full) {
            return i;
        }
        return inc > 0 ? off + (long) i * inc : off + (long) (n - 1 - i) * -inc;
    }

    /** An array laid out for operand x holding {@code values} as its logical elements. */
    public GuardedArray placeX(DType t, int n, double[] values) {
        return place(t, n, values, offx, incx);
    }

    public GuardedArray placeY(DType t, int n, double[] values) {
        return place(t, n, values, offy, incy);
    }

    /** An all-sentinel array laid out for operand y (an output the call must fill). */
    public GuardedArray blankY(DType t, int n) {
        return GuardedArray.create(t, storage, length(n, offy, incy));
    }

    public long positionX(int n, int i) {
        return position(n, offx, incx, i);
    }

    public long positionY(int n, int i) {
        return position(n, offy, incy, i);
    }

    private GuardedArray place(DType t, int n, double[] values, int off, int inc) {
        GuardedArray a = GuardedArray.create(t, storage, length(n, off, inc));
        for (int i = 0; i < n; i++) {
            a.set(position(n, off, inc, i), values[i]);
        }
        return a;
    }

    @Override
    public String toString() {
        return name;
    }
}
