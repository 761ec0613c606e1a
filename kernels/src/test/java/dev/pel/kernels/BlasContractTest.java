package dev.pel.kernels;

import dev.pel.kernels.testing.BackendArgs;
import dev.pel.kernels.testing.BackendArgs.Target;
import dev.pel.kernels.testing.BlasLayout;
import dev.pel.kernels.testing.Case;
import dev.pel.kernels.testing.Checks;
import dev.pel.kernels.testing.Data;
import dev.pel.kernels.testing.GuardedArray;
import dev.pel.kernels.testing.Reference;
import dev.pel.kernels.testing.Sizes;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.KernelSpec;
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
 * The BLAS level-1 contract, on every backend x element type x size x layout (whole arrays on the
 * heap, off-heap and in an unaligned view; full forms with offsets and strides 1, 2, -1, -3).
 * Outputs start as sentinel NaNs: every logical element must be written correctly, every other
 * element (before the offset, in the gaps, after the range, around a view) must keep its bits, and
 * inputs must not change. Each call must be recorded as run by the forced backend.
 */
@Tag("simd-width")
class BlasContractTest {

    static Stream<Arguments> cases(KernelSpec kernel) {
        List<Arguments> out = new ArrayList<>();
        for (Named<Target> target : BackendArgs.targets()) {
            for (DType t : DType.values()) {
                for (int n : Sizes.of(kernel, t)) {
                    for (BlasLayout layout : BlasLayout.forSize(n)) {
                        out.add(Arguments.of(target, t, n, layout));
                    }
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> axpyCases() {
        return cases(Catalogue.AXPY);
    }

    static Stream<Arguments> scalCases() {
        return cases(Catalogue.SCAL);
    }

    static Stream<Arguments> copyCases() {
        return cases(Catalogue.COPY);
    }

    static Stream<Arguments> swapCases() {
        return cases(Catalogue.SWAP);
    }

    static Stream<Arguments> dotCases() {
        return cases(Catalogue.DOT);
    }

    static Stream<Arguments> nrm2Cases() {
        return cases(Catalogue.NRM2);
    }

    static Stream<Arguments> asumCases() {
        return cases(Catalogue.ASUM);
    }

    static Stream<Arguments> iamaxCases() {
        return cases(Catalogue.IAMAX);
    }

    private static Case newCase(Target target, DType t, int n, BlasLayout layout, String kernel) {
        return new Case(target.name(), t, n, layout.name(), Data.seed(kernel, target.name(), t, n, layout));
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("axpyCases")
    void axpy(Target target, DType t, int n, BlasLayout lay) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, lay, "axpy");
        SplittableRandom r = Data.random(c.seed());
        double a = Data.scalar(t, r);
        double[] x = Data.mixed(t, r, n, 8);
        double[] y = Data.mixed(t, r, n, 8);
        try (GuardedArray gx = lay.placeX(t, n, x); GuardedArray gy = lay.placeY(t, n, y)) {
            long[] x0 = gx.snapshot();
            long[] y0 = gy.snapshot();
            CallRecord before = PelRuntime.lastCall();
            if (lay.full()) {
                gx.axpy(blas, n, a, lay.offx(), lay.incx(), gy, lay.offy(), lay.incy());
            } else {
                gx.axpy(blas, a, gy);
            }
            Checks.ran(c, "axpy", before);
            Checks.unchanged(c, "x", gx, x0);
            Checks.output(c, "y", gy, y0, n, i -> lay.positionY(n, i), i -> Reference.axpy(t, a, x[i], y[i]),
                    (i, e, got) -> Tolerances.sameValue(t, e, got) || Math.abs(got - e) <= Tolerances.axpy(t, a, x[i], e),
                    "1 ulp + 1 ulp of a*x, for fma contraction", i -> "a=" + c.fmt(a) + " x=" + c.fmt(x[i]) + " y=" + c.fmt(y[i]));
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("scalCases")
    void scal(Target target, DType t, int n, BlasLayout lay) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, lay, "scal");
        SplittableRandom r = Data.random(c.seed());
        double a = Data.scalar(t, r);
        double[] x = Data.mixed(t, r, n, 8);
        try (GuardedArray gx = lay.placeX(t, n, x)) {
            long[] x0 = gx.snapshot();
            CallRecord before = PelRuntime.lastCall();
            if (lay.full()) {
                gx.scal(blas, n, a, lay.offx(), lay.incx());
            } else {
                gx.scal(blas, a);
            }
            Checks.ran(c, "scal", before);
            Checks.output(c, "x", gx, x0, n, i -> lay.positionX(n, i), i -> Reference.scal(t, a, x[i]), Checks.exact(t), "exact",
                    i -> "a=" + c.fmt(a) + " x=" + c.fmt(x[i]));
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("copyCases")
    void copy(Target target, DType t, int n, BlasLayout lay) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, lay, "copy");
        SplittableRandom r = Data.random(c.seed());
        double[] x = Data.withSpecials(t, r, Data.mixed(t, r, n, 8));
        try (GuardedArray gx = lay.placeX(t, n, x); GuardedArray gy = lay.blankY(t, n)) {
            long[] x0 = gx.snapshot();
            long[] y0 = gy.snapshot();
            CallRecord before = PelRuntime.lastCall();
            if (lay.full()) {
                gx.copy(blas, n, lay.offx(), lay.incx(), gy, lay.offy(), lay.incy());
            } else {
                gx.copy(blas, gy);
            }
            Checks.ran(c, "copy", before);
            Checks.unchanged(c, "x", gx, x0);
            Checks.output(c, "y", gy, y0, n, i -> lay.positionY(n, i), i -> x[i], Checks.exact(t), "exact", i -> "x=" + c.fmt(x[i]));
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("swapCases")
    void swap(Target target, DType t, int n, BlasLayout lay) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, lay, "swap");
        SplittableRandom r = Data.random(c.seed());
        double[] x = Data.withSpecials(t, r, Data.mixed(t, r, n, 8));
        double[] y = Data.mixed(t, r, n, 8);
        try (GuardedArray gx = lay.placeX(t, n, x); GuardedArray gy = lay.placeY(t, n, y)) {
            long[] x0 = gx.snapshot();
            long[] y0 = gy.snapshot();
            CallRecord before = PelRuntime.lastCall();
            if (lay.full()) {
                gx.swap(blas, n, lay.offx(), lay.incx(), gy, lay.offy(), lay.incy());
            } else {
                gx.swap(blas, gy);
            }
            Checks.ran(c, "swap", before);
            Checks.output(c, "x", gx, x0, n, i -> lay.positionX(n, i), i -> y[i], Checks.exact(t), "exact", i -> "y=" + c.fmt(y[i]));
            Checks.output(c, "y", gy, y0, n, i -> lay.positionY(n, i), i -> x[i], Checks.exact(t), "exact", i -> "x=" + c.fmt(x[i]));
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("dotCases")
    void dot(Target target, DType t, int n, BlasLayout lay) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, lay, "dot");
        SplittableRandom r = Data.random(c.seed());
        double[] x = Data.mixed(t, r, n, 8);
        double[] y = Data.mixed(t, r, n, 8);
        try (GuardedArray gx = lay.placeX(t, n, x); GuardedArray gy = lay.placeY(t, n, y)) {
            long[] x0 = gx.snapshot();
            long[] y0 = gy.snapshot();
            CallRecord before = PelRuntime.lastCall();
            double got = lay.full() ? gx.dot(blas, n, lay.offx(), lay.incx(), gy, lay.offy(), lay.incy()) : gx.dot(blas, gy);
            Checks.ran(c, "dot", before);
            Checks.unchanged(c, "x", gx, x0);
            Checks.unchanged(c, "y", gy, y0);
            Checks.close(c, "dot", Reference.dot(x, y), got, Tolerances.dot(t, n, Reference.sumAbsProducts(x, y)),
                    "k(n) u sum|x_i y_i|");
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("nrm2Cases")
    void nrm2(Target target, DType t, int n, BlasLayout lay) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, lay, "nrm2");
        double[] x = Data.mixed(t, Data.random(c.seed()), n, 8);
        try (GuardedArray gx = lay.placeX(t, n, x)) {
            long[] x0 = gx.snapshot();
            CallRecord before = PelRuntime.lastCall();
            double got = lay.full() ? gx.nrm2(blas, n, lay.offx(), lay.incx()) : gx.nrm2(blas);
            Checks.ran(c, "nrm2", before);
            Checks.unchanged(c, "x", gx, x0);
            double expected = Reference.nrm2(x);
            Checks.close(c, "nrm2", expected, got, Tolerances.nrm2(t, n, expected), "(k(n)+4) u relative");
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("asumCases")
    void asum(Target target, DType t, int n, BlasLayout lay) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, lay, "asum");
        double[] x = Data.mixed(t, Data.random(c.seed()), n, 8);
        try (GuardedArray gx = lay.placeX(t, n, x)) {
            long[] x0 = gx.snapshot();
            CallRecord before = PelRuntime.lastCall();
            double got = lay.full() ? gx.asum(blas, n, lay.offx(), lay.incx()) : gx.asum(blas);
            Checks.ran(c, "asum", before);
            Checks.unchanged(c, "x", gx, x0);
            double expected = Reference.sumAbs(x);
            Checks.close(c, "asum", expected, got, Tolerances.sum(t, n, expected), "k(n) u sum|x_i|");
        }
    }

    @ParameterizedTest(name = "{0} {1} n={2} {3}")
    @MethodSource("iamaxCases")
    void iamax(Target target, DType t, int n, BlasLayout lay) {
        Blas blas = Blas.on(target.runtime(t));
        Case c = newCase(target, t, n, lay, "iamax");
        SplittableRandom r = Data.random(c.seed());
        double[] x = Data.mixed(t, r, n, 8);
        if (n > 2) {
            // a tie for the largest magnitude, the later one negative: the first must win
            int first = r.nextInt(n - 1);
            int second = first + 1 + r.nextInt(n - 1 - first);
            double big = Reference.round(t, 1000.5);
            x[first] = big;
            x[second] = -big;
        }
        try (GuardedArray gx = lay.placeX(t, n, x)) {
            long[] x0 = gx.snapshot();
            CallRecord before = PelRuntime.lastCall();
            long got = lay.full() ? gx.iamax(blas, n, lay.offx(), lay.incx()) : gx.iamax(blas);
            Checks.ran(c, "iamax", before);
            Checks.unchanged(c, "x", gx, x0);
            long expected = Reference.iamax(x);
            if (got != expected) {
                org.junit.jupiter.api.Assertions.fail(c + " iamax: expected index " + expected + " (|x|="
                        + (expected >= 0 ? c.fmt(x[(int) expected]) : "-") + "), got " + got
                        + (got >= 0 && got < n ? " (|x|=" + c.fmt(x[(int) got]) + ")" : ""));
            }
        }
    }
}
