package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.testing.BackendArgs;
import dev.pel.kernels.testing.BackendArgs.Target;
import dev.pel.kernels.testing.Case;
import dev.pel.kernels.testing.Checks;
import dev.pel.kernels.testing.Data;
import dev.pel.kernels.testing.GuardedArray;
import dev.pel.kernels.testing.GuardedArray.Storage;
import dev.pel.kernels.testing.GuardedArrayF32;
import dev.pel.kernels.testing.Reference;
import dev.pel.kernels.testing.Sizes;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Float sum and dot of n = 2^24 positive values (the worst case for naive float accumulation: a
 * running float sum of 2^24 values near 1 stops growing) against the float64 reference, on each
 * backend, with heap arrays. The relative error is measured on prefixes of 2^16, 2^20 and 2^24
 * elements and must stay under the same n-independent bound each time (the bound
 * {@code Reductions} documents for its blocked accumulation): the error does not grow with n.
 *
 * <p>Two data sets: uniform random values, and values whose rounding is biased: 1 + (4j+1)/128 (and,
 * for dot, y a power of two). A running float sum above 2^17 rounds every such term down, so an
 * unblocked float accumulation drifts linearly with n (by about 0.5%), while inside a block of
 * {@link dev.pel.kernels.cpu.Blocking#BLOCK} the partial sums are exact; random rounding errors
 * alone mostly cancel and would hide the difference.
 */
@Tag("simd-width")
class LargeReductionAccuracyTest {
    private static final int N = 1 << 24;
    private static final int[] PREFIXES = {1 << 16, 1 << 20, N};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> t : BackendArgs.targets()) {
            out.add(Arguments.of(t, false));
            out.add(Arguments.of(t, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} biased={1}")
    @MethodSource("cases")
    void floatSumAndDotErrorsDoNotGrowWithN(Target target, boolean biased) {
        PelRuntime rt = target.runtime(DType.F32);
        Blas blas = Blas.on(rt);
        Reductions red = Reductions.on(rt);
        long seed = Data.seed("large", target.name(), biased);
        SplittableRandom r = Data.random(seed);
        int lanes = Sizes.lanes(DType.F32);
        try (GuardedArray gx = GuardedArray.create(DType.F32, Storage.HEAP, N);
                GuardedArray gy = GuardedArray.create(DType.F32, Storage.HEAP, N)) {
            float[] x = ((GuardedArrayF32) gx).heapArray();
            float[] y = ((GuardedArrayF32) gy).heapArray();
            Reference.Accumulator sum = new Reference.Accumulator();
            Reference.Accumulator dot = new Reference.Accumulator();
            int next = 0;
            double[] sums = new double[PREFIXES.length];
            double[] dots = new double[PREFIXES.length];
            for (int i = 0; i < N; i++) {
                if (biased) {
                    x[i] = 1 + (4 * r.nextInt(32) + 1) / 128f;
                    y[i] = Math.scalb(1f, r.nextInt(-1, 2));
                } else {
                    x[i] = (float) (0.5 + r.nextDouble());
                    y[i] = (float) (0.5 + r.nextDouble());
                }
                sum.add(x[i]);
                dot.add((double) x[i] * y[i]); // exact: a float product fits in a double
                if (i + 1 == PREFIXES[next]) {
                    sums[next] = sum.value();
                    dots[next] = dot.value();
                    next = Math.min(next + 1, PREFIXES.length - 1);
                }
            }
            for (int k = 0; k < PREFIXES.length; k++) {
                int n = PREFIXES[k];
                Case c = new Case(target.name(), DType.F32, n, biased ? "heap, biased data" : "heap", seed);
                // all terms are positive, so sum|x_i| is the sum itself and the bound is relative
                double documented = Tolerances.documentedBlocked(DType.F32, n, lanes);
                assertTrue(documented < Tolerances.sum(DType.F32, n, 1), "the documented bound is the tighter one");

                CallRecord before = PelRuntime.lastCall();
                double gotSum = gx.sum(red, 0, n);
                Checks.ran(c, "sum", before);
                Checks.close(c, "sum", sums[k], gotSum, documented * sums[k],
                        "relative " + documented + " = (B/(4L) + log2(4L) + 2) u, independent of n; L=" + lanes);

                before = PelRuntime.lastCall();
                double gotDot = gx.dot(blas, n, 0, 1, gy, 0, 1);
                Checks.ran(c, "dot", before);
                double dotBound = documented + Tolerances.u(DType.F32); // one more rounding: the product
                Checks.close(c, "dot", dots[k], gotDot, dotBound * dots[k], "relative " + dotBound + ", independent of n");
            }
        }
    }
}
