package dev.pel.kernels.spi;

/**
 * The predicate of {@code compact}: keep x where {@code x OP t}. IEEE comparisons: a NaN element (or a
 * NaN threshold) fails every predicate except {@link #NE}, and -0.0 equals 0.0.
 */
public enum Compare {
    GT, GE, LT, LE, EQ, NE;

    /** The predicate, as every backend evaluates it. */
    public boolean test(double x, double t) {
        return switch (this) {
            case GT -> x > t;
            case GE -> x >= t;
            case LT -> x < t;
            case LE -> x <= t;
            case EQ -> x == t;
            case NE -> x != t;
        };
    }

    /** The predicate in float (the same as {@link #test(double, double)} on the widened values). */
    public boolean test(float x, float t) {
        return test((double) x, (double) t);
    }

    /** Code passed to the OpenCL kernels. */
    public int code() {
        return ordinal();
    }
}
