package dev.pel.kernels.testing;

import dev.pel.runtime.DType;

/**
 * What identifies one test case in a failure message: backend, element type, n, layout and the
 * data's seed.
 */
public record Case(String backend, DType dtype, long n, String layout, long seed) {
    @Override
    public String toString() {
        return "[" + backend + " " + dtype.label() + " n=" + n + " " + layout + " " + Data.describe(seed) + "]";
    }

    /** A value of this case's element type, with its hex form (exact bits matter here). */
    public String fmt(double v) {
        return Checks.fmt(dtype, v);
    }
}
