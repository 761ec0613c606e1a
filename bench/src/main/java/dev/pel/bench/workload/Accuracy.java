package dev.pel.bench.workload;

import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;

/**
 * What an implementation promises for the functions that are not correctly rounded ({@code exp},
 * {@code sigmoid}), as the largest distance in ulps of the element type from the bench's reference
 * ({@link StrictMath} in double, rounded once to the element type). Everything else the bench
 * checks does not depend on the implementation: exact for correctly rounded operations, and the
 * summation-order bounds of {@link BenchKernel} for reductions.
 *
 * @param expUlps     allowance for {@code exp}
 * @param sigmoidUlps allowance for {@code sigmoid = 1/(1+exp(-x))}
 */
public record Accuracy(String name, int expUlps, int sigmoidUlps) {

    /**
     * Pel's CPU backends (documented in {@code ElementWise}: exp within 2 ulp of StrictMath, sigmoid
     * within 4) and the peers, which call {@link Math#exp} (within 1 ulp of the exact value).
     */
    public static final Accuracy HOST = new Accuracy("host", 2, 4);

    /**
     * An OpenCL device. The OpenCL C specification (full profile, float and double) allows exp
     * 3 ulp from the exact value; the reference is itself up to 1 ulp away (½ in f32): 4. For sigmoid
     * the exp error passes through 1+e, whose result may sit in a binade below e's (2 x 3 ulp),
     * plus ½ ulp for the add, plus the division, which OpenCL allows 2.5 ulp in float unless the
     * program is built correctly rounded, plus the reference's 1: 10. PoCL computes exp with SLEEF,
     * well inside these bounds; they are what any conforming device may do.
     */
    public static final Accuracy OPENCL = new Accuracy("opencl", 4, 10);

    /** The promise of the backend that ran a call. */
    public static Accuracy of(Backend backend) {
        return backend instanceof OpenClBackend ? OPENCL : HOST;
    }
}
