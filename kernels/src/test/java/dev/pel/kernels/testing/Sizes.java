package dev.pel.kernels.testing;

import dev.pel.kernels.cpu.Blocking;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.dispatch.KernelSpec;
import java.util.List;
import java.util.TreeSet;

/**
 * The sizes every contract test runs: where kernels change code path. Empty and single; around the
 * SIMD lane count L of the element type (L-1, L, L+1) and around the unrolled widths 2L and 4L;
 * primes; around the reduction block ({@link Blocking#BLOCK} ±1, 2·BLOCK ±1); around
 * {@link #SCALAR_ELEMENTS} ±1, and the n where the kernel moves {@link #PARALLEL_BYTES}, ±1, where the
 * contract suites' SIMD runtime (fixed thread rule at that many bytes) goes from one thread to all;
 * and large (2^20+3).
 */
public final class Sizes {
    /** Sizes at or above this are "large": tests run them on fewer layouts to keep the suite fast. */
    public static final int LARGE = 60_000;
    public static final int HUGE = (1 << 20) + 3;

    private Sizes() {
    }

    /** SIMD lanes of the element type: from the cpu-simd backend, or 16/8 (512-bit) when it declined. */
    public static int lanes(DType t) {
        return PelRuntime.defaultRuntime().backend(SimdBackend.NAME)
                .map(b -> t == DType.F32 ? ((SimdBackend) b).floatLanes() : ((SimdBackend) b).doubleLanes())
                .orElse(t == DType.F32 ? 16 : 8);
    }

    /**
     * Bytes moved around which a CPU call typically starts using every thread (the cost model decides
     * per machine; tests that need the parallel path force it with {@code pel.dispatch.parallelMinBytes}).
     */
    public static final long PARALLEL_BYTES = 256L << 10;

    /** Elements below which a call is typically fastest on cpu-scalar. */
    public static final int SCALAR_ELEMENTS = 16;

    /** The smallest n for which the kernel moves at least {@link #PARALLEL_BYTES}. */
    public static int parallelThreshold(KernelSpec kernel, DType t) {
        long perElement = kernel.bytes(t, 1);
        return (int) ((PARALLEL_BYTES + perElement - 1) / perElement);
    }

    /** Every contract size for a kernel and element type, ascending. */
    public static List<Integer> of(KernelSpec kernel, DType t) {
        TreeSet<Integer> s = new TreeSet<>();
        int l = lanes(t);
        int b = Blocking.BLOCK;
        int simdMin = SCALAR_ELEMENTS;
        int par = parallelThreshold(kernel, t);
        for (int n : new int[] {0, 1, 2, 3, l - 1, l, l + 1, 2 * l - 1, 2 * l + 1, 4 * l - 1, 4 * l, 4 * l + 1, 7, 31, 257, 4099,
            b - 1, b, b + 1, 2 * b - 1, 2 * b + 1, simdMin - 1, simdMin, simdMin + 1, par - 1, par, par + 1, 65537, HUGE}) {
            if (n >= 0) {
                s.add(n);
            }
        }
        return List.copyOf(s);
    }

    /** The small sizes only (below {@link #LARGE}). */
    public static List<Integer> small(KernelSpec kernel, DType t) {
        return of(kernel, t).stream().filter(n -> n < LARGE).toList();
    }
}
