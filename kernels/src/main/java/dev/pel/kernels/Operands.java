package dev.pel.kernels;

import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.dispatch.Placement;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;

/** Validates user arguments into {@link VecF64}/{@link VecF32} operands, naming the bad argument. */
final class Operands {
    private static final Object OFF_HEAP = new Object();

    private Operands() {
    }

    /** Checks a heap range {@code (offset, length)} of an array named {@code name}, naming offset and length. */
    static void range(String name, int arrayLength, int offset, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length: must be >= 0, was " + length);
        }
        if (offset < 0) {
            throw new IndexOutOfBoundsException("offset: must be >= 0, was " + offset);
        }
        if (offset > arrayLength - length) {
            throw new IndexOutOfBoundsException(name + ": offset " + offset + " + length " + length + " reaches past its end (length "
                    + arrayLength + ")");
        }
    }

    // @twin-begin F64
    /** A BLAS-style operand of a heap array: n elements from offset, step inc (negative: backwards). */
    static VecF64 of(String name, double[] a, long n, long offset, long inc) {
        Check.notNull(name, a);
        Check.range(name, a.length, n, offset, inc);
        return VecF64.heap(a, Check.start(n, offset, inc), inc);
    }

    static VecF64 of(String name, DoubleArray a, long n, long offset, long inc) {
        Check.open(name, a);
        Check.range(name, a.length(), n, offset, inc);
        return VecF64.offHeap(a, Check.start(n, offset, inc), inc);
    }

    static VecF64 whole(String name, double[] a) {
        Check.notNull(name, a);
        return VecF64.heap(a, 0, 1);
    }

    static VecF64 whole(String name, DoubleArray a) {
        Check.open(name, a);
        return VecF64.offHeap(a, 0, 1);
    }

    /** Rejects partial overlap of b with a; an exact match passes when {@code exactAllowed}. */
    static void disjoint(String aName, VecF64 a, String bName, VecF64 b, long n, boolean exactAllowed) {
        Check.noOverlap(aName, memory(a), base(a), a.start(), a.stride(), bName, memory(b), base(b), b.start(), b.stride(), n,
                exactAllowed);
    }

    private static Object memory(VecF64 v) {
        return v.heap() != null ? v.heap() : OFF_HEAP;
    }

    private static long base(VecF64 v) {
        return v.heap() != null ? 0 : v.segment().address() / Double.BYTES;
    }

    /** A unit-stride heap range {@code x[offset .. offset+length)}, with errors naming offset and length. */
    static VecF64 range(String name, double[] a, int offset, int length) {
        Check.notNull(name, a);
        range(name, a.length, offset, length);
        return VecF64.heap(a, offset, 1);
    }

    /** Where the operands of a call live, for the dispatcher's cost of moving them. */
    static Placement where(VecF64 a) {
        return a.placement();
    }

    static Placement where(VecF64 a, VecF64 b) {
        return a.placement().and(b.placement());
    }

    static Placement where(VecF64 a, VecF64 b, VecF64 c) {
        return a.placement().and(b.placement()).and(c.placement());
    }

    static Placement where(VecF64 a, VecF64 b, VecF64 c, VecF64 d) {
        return a.placement().and(b.placement()).and(c.placement()).and(d.placement());
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    /** A BLAS-style operand of a heap array: n elements from offset, step inc (negative: backwards). */
    static VecF32 of(String name, float[] a, long n, long offset, long inc) {
        Check.notNull(name, a);
        Check.range(name, a.length, n, offset, inc);
        return VecF32.heap(a, Check.start(n, offset, inc), inc);
    }

    static VecF32 of(String name, FloatArray a, long n, long offset, long inc) {
        Check.open(name, a);
        Check.range(name, a.length(), n, offset, inc);
        return VecF32.offHeap(a, Check.start(n, offset, inc), inc);
    }

    static VecF32 whole(String name, float[] a) {
        Check.notNull(name, a);
        return VecF32.heap(a, 0, 1);
    }

    static VecF32 whole(String name, FloatArray a) {
        Check.open(name, a);
        return VecF32.offHeap(a, 0, 1);
    }

    /** Rejects partial overlap of b with a; an exact match passes when {@code exactAllowed}. */
    static void disjoint(String aName, VecF32 a, String bName, VecF32 b, long n, boolean exactAllowed) {
        Check.noOverlap(aName, memory(a), base(a), a.start(), a.stride(), bName, memory(b), base(b), b.start(), b.stride(), n,
                exactAllowed);
    }

    private static Object memory(VecF32 v) {
        return v.heap() != null ? v.heap() : OFF_HEAP;
    }

    private static long base(VecF32 v) {
        return v.heap() != null ? 0 : v.segment().address() / Float.BYTES;
    }

    /** A unit-stride heap range {@code x[offset .. offset+length)}, with errors naming offset and length. */
    static VecF32 range(String name, float[] a, int offset, int length) {
        Check.notNull(name, a);
        range(name, a.length, offset, length);
        return VecF32.heap(a, offset, 1);
    }

    /** Where the operands of a call live, for the dispatcher's cost of moving them. */
    static Placement where(VecF32 a) {
        return a.placement();
    }

    static Placement where(VecF32 a, VecF32 b) {
        return a.placement().and(b.placement());
    }

    static Placement where(VecF32 a, VecF32 b, VecF32 c) {
        return a.placement().and(b.placement()).and(c.placement());
    }

    static Placement where(VecF32 a, VecF32 b, VecF32 c, VecF32 d) {
        return a.placement().and(b.placement()).and(c.placement()).and(d.placement());
    }
    // @twin-end
}
