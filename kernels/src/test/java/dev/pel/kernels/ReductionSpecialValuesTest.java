package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.testing.BackendArgs;
import dev.pel.kernels.testing.BackendArgs.Target;
import dev.pel.kernels.testing.Case;
import dev.pel.kernels.testing.Checks;
import dev.pel.kernels.testing.Data;
import dev.pel.kernels.testing.GuardedArray;
import dev.pel.kernels.testing.GuardedArray.Storage;
import dev.pel.kernels.testing.Reference;
import dev.pel.kernels.testing.Sizes;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Special values through every reduction (Reductions and the BLAS reductions), at sizes where the
 * special element lands in the first vector, in a loop tail, in a later block and in the second
 * thread's share: NaN propagation, infinities, nrm2 without overflow or underflow, iamax's first-NaN
 * and first-maximum rules across lanes, blocks and threads, and variance of data with a large mean.
 */
@Tag("simd-width")
class ReductionSpecialValuesTest {

    static List<Integer> sizes(DType t) {
        TreeSet<Integer> s = new TreeSet<>();
        int l = Sizes.lanes(t);
        s.add(1);
        s.add(l + 1);
        s.add(4 * l + 3);
        s.add(Blocking.BLOCK + 3);
        s.add(2 * Blocking.BLOCK + 1);
        s.add(Sizes.parallelThreshold(Catalogue.SUM, t) + 1); // every reduction here moves one stream: all threads
        return List.copyOf(s);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (int n : sizes(t)) {
                    for (Storage s : List.of(Storage.HEAP, Storage.VIEW)) {
                        out.add(Arguments.of(target, t, n, s));
                    }
                }
            }
        }
        return out.stream();
    }

    /** Calls one reduction and proves it ran on the target. */
    private static double call(Case c, String kernel, DoubleSupplier body) {
        CallRecord before = PelRuntime.lastCall();
        double r = body.getAsDouble();
        Checks.ran(c, kernel, before);
        return r;
    }

    private static Case newCase(Target target, DType t, int n, Storage s, String what) {
        return new Case(target.name(), t, n, s.label() + " " + what, Data.seed(what, target.name(), t, n, s));
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void nanPropagatesThroughEveryReduction(Target target, DType t, int n, Storage s) {
        Blas blas = Blas.on(target.runtime(t));
        Reductions red = Reductions.on(target.runtime(t));
        TreeSet<Integer> positions = new TreeSet<>(List.of(0, n / 2, n - 1));
        for (int p : positions) {
            Case c = newCase(target, t, n, s, "NaN at " + p);
            double[] x = Data.mixed(t, c.seed(), n);
            x[p] = Double.NaN;
            if (n > 2 && p != n - 1) {
                x[n - 1] = Double.POSITIVE_INFINITY; // NaN must win over an infinity, wherever each lands
            }
            try (GuardedArray g = GuardedArray.of(t, s, x)) {
                assertNaN(c, "sum", call(c, "sum", () -> g.sum(red)));
                assertNaN(c, "mean", call(c, "mean", () -> g.mean(red)));
                assertNaN(c, "variance", call(c, "variance", () -> g.variance(red, 0)));
                assertNaN(c, "min", call(c, "min", () -> g.min(red)));
                assertNaN(c, "max", call(c, "max", () -> g.max(red)));
                assertNaN(c, "dot", call(c, "dot", () -> g.dot(blas, g)));
                assertNaN(c, "nrm2", call(c, "nrm2", () -> g.nrm2(blas)));
                assertNaN(c, "asum", call(c, "asum", () -> g.asum(blas)));
                assertEquals(p, (long) call(c, "iamax", () -> g.iamax(blas)), c + " iamax must return the first NaN's index");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void iamaxReturnsTheFirstNaN(Target target, DType t, int n, Storage s) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, s, "two NaNs");
        SplittableRandom r = Data.random(c.seed());
        double[] x = Data.mixed(t, r, n, 8);
        int first = r.nextInt(n);
        x[first] = Double.NaN;
        if (first + 1 < n) {
            x[first + 1 + r.nextInt(n - first - 1)] = -Double.NaN;
        }
        if (first > 0) {
            x[r.nextInt(first)] = Double.POSITIVE_INFINITY; // a larger magnitude before the NaN does not matter
        }
        try (GuardedArray g = GuardedArray.of(t, s, x)) {
            assertEquals(first, (long) call(c, "iamax", () -> g.iamax(blas)), c + " iamax: first NaN");
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void iamaxReturnsTheFirstOfTiedMaxima(Target target, DType t, int n, Storage s) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, s, "ties");
        SplittableRandom r = Data.random(c.seed());
        double[] x = Data.mixed(t, r, n, 8);
        double big = Reference.round(t, 4096.5);
        // ties in the last element, in the second half (the second thread's share when parallel), and the first
        int a = n / 2 + (n > 3 ? r.nextInt(n - n / 2) : 0);
        x[n - 1] = -big;
        x[a] = big;
        try (GuardedArray g = GuardedArray.of(t, s, x)) {
            assertEquals(Math.min(a, n - 1), (long) call(c, "iamax", () -> g.iamax(blas)), c + " iamax: first of the tied maxima");
            int early = n / 3;
            g.set(early, -big);
            assertEquals(early, (long) call(c, "iamax", () -> g.iamax(blas)), c + " iamax: first of three tied maxima");
            g.set(n - 1, Reference.round(t, 5000.25)); // a unique maximum in the very last element
            assertEquals(n - 1, (long) call(c, "iamax", () -> g.iamax(blas)), c + " iamax: the maximum in the last element");
        }
        double[] zeros = new double[n];
        zeros[n - 1] = -0.0;
        try (GuardedArray g = GuardedArray.of(t, s, zeros)) {
            assertEquals(0, (long) call(c, "iamax", () -> g.iamax(blas)), c + " iamax of zeros is 0");
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void infinities(Target target, DType t, int n, Storage s) {
        Blas blas = Blas.on(target.runtime(t));
        Reductions red = Reductions.on(target.runtime(t));
        Case c = newCase(target, t, n, s, "infinities");
        SplittableRandom r = Data.random(c.seed());
        double[] x = Data.mixed(t, r, n, 8);
        int p = r.nextInt(n);
        x[p] = Double.NEGATIVE_INFINITY;
        try (GuardedArray g = GuardedArray.of(t, s, x)) {
            assertEquals(Double.NEGATIVE_INFINITY, call(c, "sum", () -> g.sum(red)), c + " sum with -inf");
            assertEquals(Double.NEGATIVE_INFINITY, call(c, "min", () -> g.min(red)), c + " min with -inf");
            assertEquals(Double.POSITIVE_INFINITY, call(c, "nrm2", () -> g.nrm2(blas)), c + " nrm2 with an infinity");
            assertEquals(Double.POSITIVE_INFINITY, call(c, "asum", () -> g.asum(blas)), c + " asum with an infinity");
            assertEquals(Double.POSITIVE_INFINITY, call(c, "dot", () -> g.dot(blas, g)), c + " dot(x, x) with an infinity");
            assertEquals(p, (long) call(c, "iamax", () -> g.iamax(blas)), c + " iamax: the infinity");
            if (n > 1) {
                int q = (p + 1 + r.nextInt(n - 1)) % n;
                g.set(q, Double.POSITIVE_INFINITY);
                assertNaN(c, "sum of +inf and -inf", call(c, "sum", () -> g.sum(red)));
                assertEquals(Double.POSITIVE_INFINITY, call(c, "max", () -> g.max(red)), c + " max with +inf");
                assertEquals(Math.min(p, q), (long) call(c, "iamax", () -> g.iamax(blas)), c + " iamax: the first infinity");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void signedZerosInMinAndMax(Target target, DType t, int n, Storage s) {
        Reductions red = Reductions.on(target.runtime(t));
        Case c = newCase(target, t, n, s, "signed zeros");
        // Math.min/max order: -0.0 < +0.0, whichever comes first
        for (double last : new double[] {-0.0, 0.0}) {
            double[] x = new double[n];
            java.util.Arrays.fill(x, -last);
            x[n - 1] = last;
            try (GuardedArray g = GuardedArray.of(t, s, x)) {
                Checks.same(c, "min of " + (-last) + " ... " + last, n == 1 ? last : -0.0, call(c, "min", () -> g.min(red)));
                Checks.same(c, "max of " + (-last) + " ... " + last, n == 1 ? last : 0.0, call(c, "max", () -> g.max(red)));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void nrm2NeitherOverflowsNorUnderflows(Target target, DType t, int n, Storage s) {
        Blas blas = Blas.on(target.runtime(t));
        double max = t == DType.F32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        // huge: squares overflow (1e38f, 1e300), kept small enough that the norm itself is representable
        double huge = Math.min(t == DType.F32 ? 1e38 : 1e300, max / (2 * Math.sqrt(n)));
        double tiny = t == DType.F32 ? 1e-30 : 1e-300; // squares underflow to zero
        for (double scale : new double[] {huge, tiny}) {
            Case c = newCase(target, t, n, s, "nrm2 at " + scale);
            SplittableRandom r = Data.random(c.seed());
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Reference.round(t, scale * (r.nextBoolean() ? 1 : -1) * (0.5 + r.nextDouble()));
            }
            try (GuardedArray g = GuardedArray.of(t, s, x)) {
                double expected = Reference.nrm2(x);
                assertTrue(Double.isFinite(expected) && expected > 0, c + " reference " + expected);
                double got = call(c, "nrm2", () -> g.nrm2(blas));
                Checks.close(c, "nrm2", expected, got, Tolerances.nrm2(t, n, expected), "(k(n)+4) u relative, scaled exact norm");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("cases")
    void varianceOfDataWithALargeMeanIsStable(Target target, DType t, int n, Storage s) {
        Reductions red = Reductions.on(target.runtime(t));
        // f64: mean 1e8, spread 1 (the one-pass formula would lose every digit). f32 has 24 bits: mean 1e3.
        double center = t == DType.F64 ? 1e8 : 1e3;
        Case c = newCase(target, t, n, s, "mean " + center);
        SplittableRandom r = Data.random(c.seed());
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Reference.round(t, center + r.nextDouble() - 0.5);
        }
        try (GuardedArray g = GuardedArray.of(t, s, x)) {
            for (int ddof : new int[] {0, 1}) {
                double got = call(c, "variance", () -> g.variance(red, ddof));
                if (n <= ddof) {
                    assertNaN(c, "variance with n <= ddof", got);
                    continue;
                }
                double expected = Reference.variance(x, ddof);
                double bound = Tolerances.variance(t, n, ddof, Reference.sumSquaredDeviations(x), Reference.sumAbsDeviations(x),
                        Reference.maxAbs(x));
                if (t == DType.F64 && n > 1) {
                    assertTrue(bound < 1e-3 * expected, c + " the bound must be meaningful: " + bound + " vs " + expected);
                }
                Checks.close(c, "variance ddof=" + ddof, expected, got, bound, "Tolerances.variance");
                if (n > 1) {
                    assertTrue(got >= 0, c + " variance must not be negative: " + got);
                }
            }
        }
    }

    private static void assertNaN(Case c, String what, double v) {
        assertTrue(Double.isNaN(v), c + " " + what + " must be NaN, was " + v);
    }
}
