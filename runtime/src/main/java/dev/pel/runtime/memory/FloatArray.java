// Generated from DoubleArray.java by TwinGenerator: do not edit.
package dev.pel.runtime.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/** Off-heap {@code float} array, 64-byte aligned; see {@link NativeArray}. */
public final class FloatArray extends NativeArray {
    private static final ValueLayout.OfFloat LAYOUT = ValueLayout.JAVA_FLOAT;

    private FloatArray(long length) {
        super(length, Float.BYTES);
    }

    private FloatArray(FloatArray parent, long offset, long length) {
        super(parent, offset, length, Float.BYTES);
    }

    /** A zeroed array of {@code length} elements. */
    public static FloatArray allocate(long length) {
        return new FloatArray(length);
    }

    /** A new array holding a copy of {@code values}. */
    public static FloatArray of(float... values) {
        Objects.requireNonNull(values, "values");
        FloatArray a = new FloatArray(values.length);
        a.copyFrom(values);
        return a;
    }

    /** A window of {@code length} elements from {@code offset}; copies nothing. */
    public FloatArray view(long offset, long length) {
        return new FloatArray(this, offset, length);
    }

    public float get(long index) {
        checkIndex(index);
        hostAccess(false);
        return segmentNoSync().getAtIndex(LAYOUT, index);
    }

    public void set(long index, float value) {
        checkIndex(index);
        hostAccess(true);
        segmentNoSync().setAtIndex(LAYOUT, index, value);
    }

    public void fill(float value) {
        checkOpen("this");
        hostAccess(true);
        MemorySegment s = segmentNoSync();
        for (long i = 0; i < length(); i++) {
            s.setAtIndex(LAYOUT, i, value);
        }
    }

    /** Copies all of {@code source} into this array, whose length must match. */
    public void copyFrom(float[] source) {
        Objects.requireNonNull(source, "source");
        if (source.length != length()) {
            throw new IllegalArgumentException("source: length " + source.length + " != array length " + length());
        }
        checkOpen("this");
        hostAccess(true);
        MemorySegment.copy(source, 0, segmentNoSync(), LAYOUT, 0, source.length);
    }

    /** Copies this array into {@code target}, whose length must match. */
    public void copyTo(float[] target) {
        Objects.requireNonNull(target, "target");
        if (target.length != length()) {
            throw new IllegalArgumentException("target: length " + target.length + " != array length " + length());
        }
        checkOpen("this");
        hostAccess(false);
        MemorySegment.copy(segmentNoSync(), LAYOUT, 0, target, 0, target.length);
    }

    /** A heap copy; the array must fit in a Java array. */
    public float[] toArray() {
        if (length() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("length " + length() + " does not fit in a Java array");
        }
        float[] out = new float[(int) length()];
        copyTo(out);
        return out;
    }

    @Override
    public String toString() {
        return "FloatArray[length=" + length() + (isView() ? ", view" : "") + (isClosed() ? ", closed" : "") + "]";
    }
}
