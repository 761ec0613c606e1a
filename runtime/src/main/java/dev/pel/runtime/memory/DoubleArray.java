// @twin-file
package dev.pel.runtime.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/** Off-heap {@code double} array, 64-byte aligned; see {@link NativeArray}. */
public final class DoubleArray extends NativeArray {
    private static final ValueLayout.OfDouble LAYOUT = ValueLayout.JAVA_DOUBLE;

    private DoubleArray(long length) {
        super(length, Double.BYTES);
    }

    private DoubleArray(DoubleArray parent, long offset, long length) {
        super(parent, offset, length, Double.BYTES);
    }

    /** A zeroed array of {@code length} elements. */
    public static DoubleArray allocate(long length) {
        return new DoubleArray(length);
    }

    /** A new array holding a copy of {@code values}. */
    public static DoubleArray of(double... values) {
        Objects.requireNonNull(values, "values");
        DoubleArray a = new DoubleArray(values.length);
        a.copyFrom(values);
        return a;
    }

    /** A window of {@code length} elements from {@code offset}; copies nothing. */
    public DoubleArray view(long offset, long length) {
        return new DoubleArray(this, offset, length);
    }

    public double get(long index) {
        checkIndex(index);
        hostAccess(false);
        return segmentNoSync().getAtIndex(LAYOUT, index);
    }

    public void set(long index, double value) {
        checkIndex(index);
        hostAccess(true);
        segmentNoSync().setAtIndex(LAYOUT, index, value);
    }

    public void fill(double value) {
        checkOpen("this");
        hostAccess(true);
        MemorySegment s = segmentNoSync();
        for (long i = 0; i < length(); i++) {
            s.setAtIndex(LAYOUT, i, value);
        }
    }

    /** Copies all of {@code source} into this array, whose length must match. */
    public void copyFrom(double[] source) {
        Objects.requireNonNull(source, "source");
        if (source.length != length()) {
            throw new IllegalArgumentException("source: length " + source.length + " != array length " + length());
        }
        checkOpen("this");
        hostAccess(true);
        MemorySegment.copy(source, 0, segmentNoSync(), LAYOUT, 0, source.length);
    }

    /** Copies this array into {@code target}, whose length must match. */
    public void copyTo(double[] target) {
        Objects.requireNonNull(target, "target");
        if (target.length != length()) {
            throw new IllegalArgumentException("target: length " + target.length + " != array length " + length());
        }
        checkOpen("this");
        hostAccess(false);
        MemorySegment.copy(segmentNoSync(), LAYOUT, 0, target, 0, target.length);
    }

    /** A heap copy; the array must fit in a Java array. */
    public double[] toArray() {
        if (length() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("length " + length() + " does not fit in a Java array");
        }
        double[] out = new double[(int) length()];
        copyTo(out);
        return out;
    }

    @Override
    public String toString() {
        return "DoubleArray[length=" + length() + (isView() ? ", view" : "") + (isClosed() ? ", closed" : "") + "]";
    }
}
