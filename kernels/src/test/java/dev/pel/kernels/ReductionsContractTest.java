package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.pel.runtime.dispatch.KernelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reductions contract (sum, mean, variance, min, max) on every backend x element type x size x
 * layout: a whole heap array, a heap range {@code (x, offset, length)} inside sentinel guards, a
 * whole off-heap array and an unaligned off-heap view. Inputs and guards must not change; each
 * result is checked against the compensated float64 reference within {@link Tolerances}.
 */
@Tag("simd-width")
class ReductionsContractTest {

    /** How the input is passed. */
    enum Layout {
        HEAP("heap"), HEAP_RANGE("heap range off=3"), NATIVE("native"), VIEW("view");

        static final int RANGE_OFFSET = 3;
        static final int RANGE_TAIL = 2;
        final String label;

        Layout(String label) {
            this.label = label;
        }

        GuardedArray place(DType t, double[] x) {
            if (this == HEAP_RANGE) {
                GuardedArray a = GuardedArray.create(t, Storage.HEAP, RANGE_OFFSET + x.length + RANGE_TAIL);
                for (int i = 0; i < x.length; i++) {
                    a.set(RANGE_OFFSET + i, x[i]);
                }
                return a;
            }
            Storage s = this == HEAP ? Storage.HEAP : this == NATIVE ? Storage.NATIVE : Storage.VIEW;
            return GuardedArray.of(t, s, x);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases(KernelSpec kernel) {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (int n : Sizes.of(kernel, t)) {
                    for (Layout layout : n < Sizes.LARGE ? List.of(Layout.values()) : List.of(Layout.HEAP_RANGE, Layout.VIEW)) {
                        out.add(Arguments.of(target, t, n, layout));
                    }
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> sumCases() {
        return cases(Catalogue.SUM);
    }

    static Stream<Arguments> meanCases() {
        return cases(Catalogue.MEAN);
    }

    static Stream<Arguments> varianceCases() {
        return cases(Catalogue.VARIANCE);
    }

    static Stream<Arguments> minCases() {
        return cases(Catalogue.MIN);
    }

    static Stream<Arguments> maxCases() {
        return cases(Catalogue.MAX);
    }

    /** Runs one reduction, proves where it ran and that nothing was written, returns its result. */
    private static double reduce(Case c, String kernel, GuardedArray a, Layout layout, ToDoubleFunction<GuardedArray> whole,
            RangeCall range) {
        long[] before = a.snapshot();
        CallRecord last = PelRuntime.lastCall();
        double got = layout == Layout.HEAP_RANGE ? range.call(a, Layout.RANGE_OFFSET, (int) c.n()) : whole.applyAsDouble(a);
        Checks.ran(c, kernel, last);
        Checks.unchanged(c, "x", a, before);
        return got;
    }

    @FunctionalInterface
    interface RangeCall {
        double call(GuardedArray a, int offset, int length);
    }

    private static Case newCase(Target target, DType t, int n, Layout layout, String kernel) {
        return new Case(target.name(), t, n, layout.label, Data.seed(kernel, target.name(), t, n, layout));
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("sumCases")
    void sum(Target target, DType t, int n, Layout layout) {
        Reductions red = Reductions.on(target.runtime(t));
        Case c = newCase(target, t, n, layout, "sum");
        double[] x = Data.mixed(t, c.seed(), n);
        try (GuardedArray a = layout.place(t, x)) {
            double got = reduce(c, "sum", a, layout, g -> g.sum(red), (g, o, l) -> g.sum(red, o, l));
            Checks.close(c, "sum", Reference.sum(x), got, Tolerances.sum(t, n, Reference.sumAbs(x)), "k(n) u sum|x_i|");
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("meanCases")
    void mean(Target target, DType t, int n, Layout layout) {
        Reductions red = Reductions.on(target.runtime(t));
        Case c = newCase(target, t, n, layout, "mean");
        double[] x = Data.mixed(t, c.seed(), n);
        try (GuardedArray a = layout.place(t, x)) {
            double got = reduce(c, "mean", a, layout, g -> g.mean(red), (g, o, l) -> g.mean(red, o, l));
            if (n == 0) {
                assertTrue(Double.isNaN(got), c + " mean of nothing must be NaN, was " + got);
                return;
            }
            double expected = Reference.mean(x);
            Checks.close(c, "mean", expected, got, Tolerances.mean(t, n, Reference.sumAbs(x), expected), "sum bound / n + u|mean|");
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("varianceCases")
    void variance(Target target, DType t, int n, Layout layout) {
        Reductions red = Reductions.on(target.runtime(t));
        Case c = newCase(target, t, n, layout, "variance");
        double[] x = Data.mixed(t, c.seed(), n);
        try (GuardedArray a = layout.place(t, x)) {
            for (int ddof : new int[] {0, 1}) {
                double got = reduce(c, "variance", a, layout, g -> g.variance(red, ddof), (g, o, l) -> g.variance(red, o, l, ddof));
                if (n <= ddof) {
                    assertTrue(Double.isNaN(got), c + " variance with n <= ddof=" + ddof + " must be NaN, was " + got);
                    continue;
                }
                Checks.close(c, "variance ddof=" + ddof, Reference.variance(x, ddof), got,
                        Tolerances.variance(t, n, ddof, Reference.sumSquaredDeviations(x), Reference.sumAbsDeviations(x),
                                Reference.maxAbs(x)),
                        "((k+3)u V + 4 delta sum|d| + n delta^2) / (n - ddof)");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("minCases")
    void min(Target target, DType t, int n, Layout layout) {
        Reductions red = Reductions.on(target.runtime(t));
        Case c = newCase(target, t, n, layout, "min");
        double[] x = Data.mixed(t, c.seed(), n);
        try (GuardedArray a = layout.place(t, x)) {
            if (n == 0) {
                empty(c, a, layout, () -> {
                    if (layout == Layout.HEAP_RANGE) {
                        a.min(red, Layout.RANGE_OFFSET, 0);
                    } else {
                        a.min(red);
                    }
                });
                return;
            }
            double got = reduce(c, "min", a, layout, g -> g.min(red), (g, o, l) -> g.min(red, o, l));
            Checks.same(c, "min", Reference.min(x), got);
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("maxCases")
    void max(Target target, DType t, int n, Layout layout) {
        Reductions red = Reductions.on(target.runtime(t));
        Case c = newCase(target, t, n, layout, "max");
        double[] x = Data.mixed(t, c.seed(), n);
        try (GuardedArray a = layout.place(t, x)) {
            if (n == 0) {
                empty(c, a, layout, () -> {
                    if (layout == Layout.HEAP_RANGE) {
                        a.max(red, Layout.RANGE_OFFSET, 0);
                    } else {
                        a.max(red);
                    }
                });
                return;
            }
            double got = reduce(c, "max", a, layout, g -> g.max(red), (g, o, l) -> g.max(red, o, l));
            Checks.same(c, "max", Reference.max(x), got);
        }
    }

    /** min and max of an empty range are undefined: IllegalArgumentException naming x, nothing written. */
    private static void empty(Case c, GuardedArray a, Layout layout, Runnable call) {
        long[] before = a.snapshot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run, c + " on an empty range");
        assertTrue(e.getMessage().startsWith("x:"), c + " message must name x: " + e.getMessage());
        Checks.unchanged(c, "x", a, before);
    }
}
