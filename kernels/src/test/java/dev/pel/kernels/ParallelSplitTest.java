package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
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
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.spi.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cpu-simd} with three worker threads and {@code parallelMinBytes = 0}, so every call is
 * split, however small: fewer elements than threads, fewer than a vector, a block and a bit,
 * several blocks that do not divide evenly. Every kernel family must still be exact (or within its
 * tolerance), write exactly its range, and report three threads.
 */
@Tag("simd-width")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelSplitTest {
    private static final int THREADS = 3;
    private PelRuntime runtime;

    @BeforeAll
    void createRuntime() {
        Probe simd = PelRuntime.defaultRuntime().probes().stream().filter(p -> p.name().equals(SimdBackend.NAME)).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(simd != null && simd.isAvailable(),
                () -> SimdBackend.NAME + " is not available: " + (simd == null ? "not probed" : simd.reason().orElse("")));
        runtime = PelRuntime.create(PelConfig.builder().backend(SimdBackend.NAME).threads(THREADS).parallelMinBytes(0).build());
    }

    @AfterAll
    void closeRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int b = Blocking.BLOCK;
        for (DType t : DType.values()) {
            int l = Sizes.lanes(t);
            for (int n : new TreeSet<>(List.of(1, 2, 3, 5, l - 1, l + 1, 3 * l + 1, b - 1, b + 1, 2 * b + 1, 3 * b + 2, 5 * b + 7))) {
                for (Storage s : List.of(Storage.HEAP, Storage.VIEW)) {
                    out.add(Arguments.of(t, n, s));
                }
            }
        }
        return out.stream();
    }

    private CallRecord check(Case c, String kernel, CallRecord before) {
        CallRecord r = Checks.ran(c, kernel, before);
        assertEquals(THREADS, r.threads(), c + " " + kernel + " must have been split over " + THREADS + " threads: " + r);
        return r;
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("cases")
    void everyKernelFamilySplitThreeWays(DType t, int n, Storage s) {
        Blas blas = Blas.on(runtime);
        Reductions red = Reductions.on(runtime);
        ElementWise ew = ElementWise.on(runtime);
        Case c = new Case(SimdBackend.NAME + " x" + THREADS, t, n, s.label(), Data.seed("split", t, n, s));
        Case rec = new Case(SimdBackend.NAME, t, n, s.label(), c.seed()); // what the call record must say
        SplittableRandom r = Data.random(c.seed());
        double[] x = Data.mixed(t, r, n, 8);
        double[] y = Data.mixed(t, r, n, 8);
        double[] z = Data.mixed(t, r, n, 8);
        double a = Data.scalar(t, r);
        try (GuardedArray gx = GuardedArray.of(t, s, x); GuardedArray gy = GuardedArray.of(t, s, y);
                GuardedArray gz = GuardedArray.of(t, s, z); GuardedArray out = GuardedArray.create(t, s, n)) {
            long[] x0 = gx.snapshot();
            long[] y0 = gy.snapshot();

            // reductions
            CallRecord before = PelRuntime.lastCall();
            double v = gx.sum(red);
            check(rec, "sum", before);
            Checks.close(c, "sum", Reference.sum(x), v, Tolerances.sum(t, n, Reference.sumAbs(x)), "k(n) u sum|x|");
            before = PelRuntime.lastCall();
            v = gx.dot(blas, gy);
            check(rec, "dot", before);
            Checks.close(c, "dot", Reference.dot(x, y), v, Tolerances.dot(t, n, Reference.sumAbsProducts(x, y)), "k(n) u sum|xy|");
            before = PelRuntime.lastCall();
            v = gx.nrm2(blas);
            check(rec, "nrm2", before);
            Checks.close(c, "nrm2", Reference.nrm2(x), v, Tolerances.nrm2(t, n, Reference.nrm2(x)), "(k+4) u relative");
            before = PelRuntime.lastCall();
            v = gx.asum(blas);
            check(rec, "asum", before);
            Checks.close(c, "asum", Reference.sumAbs(x), v, Tolerances.sum(t, n, Reference.sumAbs(x)), "k(n) u sum|x|");
            before = PelRuntime.lastCall();
            long idx = gx.iamax(blas);
            check(rec, "iamax", before);
            assertEquals(Reference.iamax(x), idx, c + " iamax");
            before = PelRuntime.lastCall();
            v = gx.mean(red);
            check(rec, "mean", before);
            Checks.close(c, "mean", Reference.mean(x), v, Tolerances.mean(t, n, Reference.sumAbs(x), Reference.mean(x)), "mean");
            if (n > 1) {
                before = PelRuntime.lastCall();
                v = gx.variance(red, 1);
                check(rec, "variance", before);
                Checks.close(c, "variance", Reference.variance(x, 1), v, Tolerances.variance(t, n, 1,
                        Reference.sumSquaredDeviations(x), Reference.sumAbsDeviations(x), Reference.maxAbs(x)), "variance");
            }
            before = PelRuntime.lastCall();
            v = gx.min(red);
            check(rec, "min", before);
            Checks.same(c, "min", Reference.min(x), v);
            before = PelRuntime.lastCall();
            v = gx.max(red);
            check(rec, "max", before);
            Checks.same(c, "max", Reference.max(x), v);
            Checks.unchanged(c, "x", gx, x0);
            Checks.unchanged(c, "y", gy, y0);

            // element-wise, into a sentinel-filled output
            long[] o0 = out.snapshot();
            before = PelRuntime.lastCall();
            gx.binary(ew, BinaryOp.DIV, gy, out);
            check(rec, "div", before);
            Checks.output(c, "div out", out, o0, n, i -> i, i -> Reference.binary(t, BinaryOp.DIV, x[i], y[i]), Checks.exact(t), "exact",
                    i -> "x=" + c.fmt(x[i]) + " y=" + c.fmt(y[i]));
            before = PelRuntime.lastCall();
            gx.fma(ew, gy, gz, out);
            check(rec, "fma", before);
            Checks.output(c, "fma out", out, o0, n, i -> i, i -> Reference.fma(t, x[i], y[i], z[i]), Checks.exact(t), "exact",
                    i -> "x=" + c.fmt(x[i]) + " y=" + c.fmt(y[i]) + " z=" + c.fmt(z[i]));
            before = PelRuntime.lastCall();
            gx.unary(ew, UnaryOp.TANH, out);
            check(rec, "tanh", before);
            Checks.output(c, "tanh out", out, o0, n, i -> i, i -> Reference.unary(t, UnaryOp.TANH, x[i]),
                    Checks.ulps(t, Tolerances.ulps(UnaryOp.TANH)), "2 ulp", i -> "x=" + c.fmt(x[i]));
            before = PelRuntime.lastCall();
            gx.binaryScalar(ew, BinaryOp.SUB, a, true, out);
            check(rec, "sub-scalar", before);
            Checks.output(c, "s - x out", out, o0, n, i -> i, i -> Reference.binary(t, BinaryOp.SUB, a, x[i]), Checks.exact(t), "exact",
                    i -> "x=" + c.fmt(x[i]) + " s=" + c.fmt(a));
            Checks.unchanged(c, "x", gx, x0);

            // BLAS updates in place
            before = PelRuntime.lastCall();
            gx.axpy(blas, a, gy);
            check(rec, "axpy", before);
            Checks.output(c, "axpy y", gy, y0, n, i -> i, i -> Reference.axpy(t, a, x[i], y[i]),
                    (i, e, got) -> Tolerances.sameValue(t, e, got) || Math.abs(got - e) <= Tolerances.axpy(t, a, x[i], e), "1 ulp + ulp(ax)",
                    i -> "a=" + c.fmt(a) + " x=" + c.fmt(x[i]) + " y=" + c.fmt(y[i]));
            long[] y1 = gy.snapshot();
            double[] yNow = new double[n];
            for (int i = 0; i < n; i++) {
                yNow[i] = gy.get(i);
            }
            before = PelRuntime.lastCall();
            gx.swap(blas, gy);
            check(rec, "swap", before);
            Checks.output(c, "swap x", gx, x0, n, i -> i, i -> yNow[i], Checks.exact(t), "exact", i -> "y=" + c.fmt(yNow[i]));
            Checks.output(c, "swap y", gy, y1, n, i -> i, i -> x[i], Checks.exact(t), "exact", i -> "x=" + c.fmt(x[i]));
            long[] x1 = gx.snapshot();
            before = PelRuntime.lastCall();
            gx.scal(blas, a);
            check(rec, "scal", before);
            Checks.output(c, "scal x", gx, x1, n, i -> i, i -> Reference.scal(t, a, yNow[i]), Checks.exact(t), "exact",
                    i -> "a=" + c.fmt(a) + " x=" + c.fmt(yNow[i]));
            try (GuardedArray blank = GuardedArray.create(t, s, n)) {
                long[] o1 = blank.snapshot();
                before = PelRuntime.lastCall();
                gy.copy(blas, blank);
                check(rec, "copy", before);
                Checks.output(c, "copy y", blank, o1, n, i -> i, i -> x[i], Checks.exact(t), "exact", i -> "x=" + c.fmt(x[i]));
            }
        }
    }
}
