package dev.pel.kernels;

import dev.pel.runtime.memory.NativeArray;

/**
 * Argument checks shared by the facades. Every failure names the argument and its value, and
 * happens before anything is written.
 */
final class Check {
    private Check() {
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new NullPointerException(name + ": must not be null");
        }
        return value;
    }

    static void open(String name, NativeArray a) {
        notNull(name, a);
        a.checkOpen(name);
    }

    static void count(String name, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + ": must be >= 0, was " + n);
        }
    }

    static void sameLength(String name, long length, String otherName, long otherLength) {
        if (length != otherLength) {
            throw new IllegalArgumentException(name + ": length " + length + " != " + otherName + " length " + otherLength);
        }
    }

    /**
     * Checks that n elements from {@code offset} with increment {@code inc} fit in an array of
     * {@code arrayLength}: BLAS semantics, the range is offset .. offset + (n-1)*|inc| whatever
     * the sign of inc.
     */
    static void range(String name, long arrayLength, long n, long offset, long inc) {
        count("n", n);
        if (inc == 0) {
            throw new IllegalArgumentException("inc" + name + ": must be non-zero, was 0");
        }
        if (inc == Long.MIN_VALUE) {
            throw new IllegalArgumentException("inc" + name + ": out of range, was " + inc);
        }
        if (offset < 0 || offset > arrayLength) {
            throw new IndexOutOfBoundsException("off" + name + ": " + offset + " is outside [0, " + arrayLength + "] of " + name);
        }
        if (n == 0) {
            return;
        }
        long step = Math.abs(inc);
        long room = arrayLength - 1 - offset; // last reachable index minus offset
        if (room < 0 || (n - 1) > room / step) {
            throw new IndexOutOfBoundsException(name + ": n=" + n + " elements from offset " + offset + " with increment " + inc
                    + " reach index " + lastIndex(n, offset, step) + ", past the end of an array of length " + arrayLength);
        }
    }

    private static String lastIndex(long n, long offset, long step) {
        try {
            return Long.toString(Math.addExact(offset, Math.multiplyExact(n - 1, step)));
        } catch (ArithmeticException e) {
            return "beyond 2^63";
        }
    }

    /** Index of logical element 0 for a BLAS operand: with a negative increment it is the last in memory. */
    static long start(long n, long offset, long inc) {
        return inc >= 0 || n == 0 ? offset : offset + (n - 1) * -inc;
    }

    /**
     * Rejects two operands whose element sets may overlap, except an exact match (same memory, start
     * and stride) where {@code exactAllowed}. Operands are identified by their memory (heap array
     * identity, or absolute element address for off-heap memory).
     */
    static void noOverlap(String aName, Object aMem, long aBase, long aStart, long aStride, String bName, Object bMem,
            long bBase, long bStart, long bStride, long n, boolean exactAllowed) {
        if (n == 0 || aMem != bMem) {
            return;
        }
        long a0 = aBase + aStart;
        long b0 = bBase + bStart;
        if (a0 == b0 && aStride == bStride) {
            if (exactAllowed) {
                return;
            }
            throw new IllegalArgumentException(bName + ": is the same range as " + aName + ", which this operation does not allow");
        }
        long aLo = Math.min(a0, a0 + (n - 1) * aStride);
        long aHi = Math.max(a0, a0 + (n - 1) * aStride);
        long bLo = Math.min(b0, b0 + (n - 1) * bStride);
        long bHi = Math.max(b0, b0 + (n - 1) * bStride);
        if (aHi < bLo || bHi < aLo) {
            return;
        }
        if (aStride == bStride && Math.floorMod(a0 - b0, Math.abs(aStride)) != 0) {
            return; // interleaved, e.g. the real and imaginary parts of a complex array
        }
        throw new IllegalArgumentException(bName + ": overlaps " + aName + " without being the same range"
                + (exactAllowed ? " (in place needs exactly the same range and stride)" : ""));
    }
}
