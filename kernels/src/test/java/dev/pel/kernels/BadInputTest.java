package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.testing.Case;
import dev.pel.kernels.testing.Checks;
import dev.pel.kernels.testing.Data;
import dev.pel.kernels.testing.GuardedArray;
import dev.pel.kernels.testing.GuardedArray.Storage;
import dev.pel.kernels.testing.Reference;
import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments are rejected at the facade, before anything is written: the documented exception
 * type, a message that starts with the argument's name, and every element of every array
 * (outputs and guards included) unchanged.
 */
class BadInputTest {
    private static final int N = 10;
    private final Blas blas = Blas.get();
    private final Reductions red = Reductions.get();
    private final ElementWise ew = ElementWise.get();

    static Stream<Arguments> dtypesAndStorages() {
        List<Arguments> out = new ArrayList<>();
        for (DType t : DType.values()) {
            for (Storage s : Storage.values()) {
                out.add(Arguments.of(t, s));
            }
        }
        return out.stream();
    }

    /** Asserts the call throws {@code type} with a message naming {@code arg} and changes none of {@code arrays}. */
    private static <T extends Throwable> T rejects(Class<T> type, String arg, String what, Executable call, GuardedArray... arrays) {
        List<long[]> before = new ArrayList<>();
        for (GuardedArray a : arrays) {
            before.add(a.snapshot());
        }
        T e = assertThrows(type, call, what + ": expected " + type.getSimpleName());
        String m = e.getMessage();
        if (m == null || !m.startsWith(arg + ":")) {
            fail(what + ": the message must start with the argument's name '" + arg + ":', was: " + m);
        }
        for (int i = 0; i < arrays.length; i++) {
            Checks.unchanged(new Case("default", arrays[i].dtype(), arrays[i].length(), what, 0), "array " + i, arrays[i],
                    before.get(i));
        }
        return e;
    }

    private static GuardedArray data(DType t, Storage s, int n, long seed) {
        return GuardedArray.of(t, s, Data.mixed(t, seed, n));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypesAndStorages")
    void nullArraysAreRejectedByName(DType t, Storage s) {
        try (GuardedArray x = data(t, s, N, 1); GuardedArray y = data(t, s, N, 2); GuardedArray out = data(t, s, N, 3)) {
            String w = t.label() + " " + s.label() + " ";
            rejects(NullPointerException.class, "y", w + "axpy(null y)", () -> x.axpy(blas, 2, null), x);
            rejects(NullPointerException.class, "y", w + "axpy full form (null y)", () -> x.axpy(blas, N, 2, 0, 1, null, 0, 1), x);
            rejects(NullPointerException.class, "y", w + "copy(null y)", () -> x.copy(blas, null), x);
            rejects(NullPointerException.class, "y", w + "swap(null y)", () -> x.swap(blas, null), x);
            rejects(NullPointerException.class, "y", w + "dot(null y)", () -> x.dot(blas, null), x);
            rejects(NullPointerException.class, "y", w + "dot full form (null y)", () -> x.dot(blas, N, 0, 1, null, 0, 1), x);
            rejects(NullPointerException.class, "out", w + "add(x, y, null)", () -> x.binary(ew, BinaryOp.ADD, y, null), x, y);
            rejects(NullPointerException.class, "y", w + "mul(x, null, out)", () -> x.binary(ew, BinaryOp.MUL, null, out), x, out);
            rejects(NullPointerException.class, "out", w + "div(s, x, null)", () -> x.binaryScalar(ew, BinaryOp.DIV, 2, true, null), x);
            rejects(NullPointerException.class, "out", w + "exp(x, null)", () -> x.unary(ew, UnaryOp.EXP, null), x);
            rejects(NullPointerException.class, "z", w + "fma(x, y, null, out)", () -> x.fma(ew, y, null, out), x, y, out);
            rejects(NullPointerException.class, "out", w + "fma(x, a, b, null)", () -> x.fmaScalar(ew, 2, 3, null), x);
            rejects(NullPointerException.class, "out", w + "clamp(x, lo, hi, null)", () -> x.clamp(ew, 0, 1, null), x);
        }
    }

    @Test
    void nullXIsRejectedByNameInEveryFamily() {
        double[] dx = null;
        float[] fx = null;
        DoubleArray nx = null;
        FloatArray nfx = null;
        double[] y = {1, 2};
        double[] out = {3, 4};
        expectNpe("x", () -> blas.axpy(2.0, dx, y));
        expectNpe("x", () -> blas.axpy(2f, nfx, FloatArray.of(1, 2)));
        expectNpe("x", () -> blas.scal(2.0, dx));
        expectNpe("x", () -> blas.nrm2(nx));
        expectNpe("x", () -> blas.iamax(fx));
        expectNpe("x", () -> blas.asum(2, dx, 0, 1));
        expectNpe("x", () -> red.sum(dx));
        expectNpe("x", () -> red.sum(nfx));
        expectNpe("x", () -> red.variance(nx));
        expectNpe("x", () -> red.min(fx));
        expectNpe("x", () -> red.mean(dx, 0, 1));
        expectNpe("x", () -> ew.add(dx, y, out));
        expectNpe("x", () -> ew.sub(2.0, dx, out));
        expectNpe("x", () -> ew.sqrt(nx, DoubleArray.of(1)));
        expectNpe("x", () -> ew.clamp(fx, 0f, 1f, new float[1]));
        expectNpe("runtime", () -> Blas.on(null));
        expectNpe("runtime", () -> Reductions.on(null));
        expectNpe("runtime", () -> ElementWise.on(null));
        assertEquals(3.0, out[0]);
        assertEquals(1.0, y[0]);
    }

    private static void expectNpe(String arg, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(arg + ":"), "message must name " + arg + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypesAndStorages")
    void mismatchedLengthsAreRejected(DType t, Storage s) {
        String w = t.label() + " " + s.label() + " ";
        try (GuardedArray x = data(t, s, N, 1); GuardedArray y = data(t, s, N + 1, 2); GuardedArray z = data(t, s, N - 1, 3);
                GuardedArray ok = data(t, s, N, 4); GuardedArray out = data(t, s, N + 1, 5); GuardedArray out2 = data(t, s, N, 6)) {
            rejects(IllegalArgumentException.class, "y", w + "axpy", () -> x.axpy(blas, 2, y), x, y);
            rejects(IllegalArgumentException.class, "y", w + "copy", () -> x.copy(blas, y), x, y);
            rejects(IllegalArgumentException.class, "y", w + "swap", () -> x.swap(blas, y), x, y);
            rejects(IllegalArgumentException.class, "y", w + "dot", () -> x.dot(blas, y), x, y);
            rejects(IllegalArgumentException.class, "y", w + "add", () -> x.binary(ew, BinaryOp.ADD, y, out2), x, y, out2);
            rejects(IllegalArgumentException.class, "out", w + "sub", () -> x.binary(ew, BinaryOp.SUB, ok, out), x, ok, out);
            rejects(IllegalArgumentException.class, "out", w + "x*s", () -> x.binaryScalar(ew, BinaryOp.MUL, 2, false, out), x, out);
            rejects(IllegalArgumentException.class, "z", w + "fma", () -> x.fma(ew, ok, z, out2), x, ok, z, out2);
            rejects(IllegalArgumentException.class, "out", w + "fma scalar", () -> x.fmaScalar(ew, 2, 3, out), x, out);
            rejects(IllegalArgumentException.class, "out", w + "log", () -> x.unary(ew, UnaryOp.LOG, out), x, out);
            rejects(IllegalArgumentException.class, "out", w + "clamp", () -> x.clamp(ew, -1, 1, out), x, out);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypesAndStorages")
    void badCountsOffsetsAndIncrementsAreRejected(DType t, Storage s) {
        String w = t.label() + " " + s.label() + " ";
        try (GuardedArray x = data(t, s, N, 1); GuardedArray y = data(t, s, N, 2)) {
            rejects(IllegalArgumentException.class, "n", w + "axpy n=-1", () -> x.axpy(blas, -1, 2, 0, 1, y, 0, 1), x, y);
            rejects(IllegalArgumentException.class, "n", w + "scal n=-1", () -> x.scal(blas, -1, 2, 0, 1), x);
            rejects(IllegalArgumentException.class, "incx", w + "axpy incx=0", () -> x.axpy(blas, 3, 2, 0, 0, y, 0, 1), x, y);
            rejects(IllegalArgumentException.class, "incy", w + "axpy incy=0", () -> x.axpy(blas, 3, 2, 0, 1, y, 0, 0), x, y);
            rejects(IllegalArgumentException.class, "incx", w + "nrm2 incx=0, n=0", () -> x.nrm2(blas, 0, 0, 0), x);
            rejects(IndexOutOfBoundsException.class, "offx", w + "axpy offx=-1", () -> x.axpy(blas, 3, 2, -1, 1, y, 0, 1), x, y);
            rejects(IndexOutOfBoundsException.class, "offy", w + "copy offy=N+1",
                    () -> x.copy(blas, 0, 0, 1, y, N + 1, 1), x, y);
            rejects(IndexOutOfBoundsException.class, "x", w + "axpy reaching past x", () -> x.axpy(blas, 4, 2, 1, 3, y, 0, 1), x, y);
            rejects(IndexOutOfBoundsException.class, "y", w + "swap reaching past y", () -> x.swap(blas, 5, 0, 1, y, 2, -2), x, y);
            rejects(IndexOutOfBoundsException.class, "x", w + "dot n=N+1", () -> x.dot(blas, N + 1, 0, 1, y, 0, 1), x, y);
            rejects(IndexOutOfBoundsException.class, "x", w + "asum n=MAX_INT inc=3 (overflows an int)",
                    () -> x.asum(blas, Integer.MAX_VALUE, 0, 3), x);
            rejects(IndexOutOfBoundsException.class, "x", w + "iamax n=MAX_INT inc=-3",
                    () -> x.iamax(blas, Integer.MAX_VALUE, 1, -3), x);
            rejects(IndexOutOfBoundsException.class, "y", w + "axpy n=4 incy=MAX_INT (overflows an int)",
                    () -> x.axpy(blas, 4, 2, 0, 1, y, 0, Integer.MAX_VALUE), x, y);
            if (s != Storage.HEAP) {
                // long forms: counts and increments that overflow a long
                rejects(IndexOutOfBoundsException.class, "x", w + "nrm2 n=Long.MAX inc=Long.MAX",
                        () -> x.nrm2(blas, Long.MAX_VALUE, 0, Long.MAX_VALUE), x);
                rejects(IllegalArgumentException.class, "incx", w + "scal inc=Long.MIN", () -> x.scal(blas, 1, 2, 0, Long.MIN_VALUE), x);
                rejects(IndexOutOfBoundsException.class, "offx", w + "asum offx=Long.MAX", () -> x.asum(blas, 1, Long.MAX_VALUE, 1), x);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void heapRangeFormsNameTheirOffsetArgument(DType t) {
        try (GuardedArray x = data(t, Storage.HEAP, N, 1)) {
            rejects(IndexOutOfBoundsException.class, "offset", t.label() + " sum(x, offset=-1, length=3)", () -> x.sum(red, -1, 3), x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void heapRangeFormsNameTheirLengthArgument(DType t) {
        try (GuardedArray x = data(t, Storage.HEAP, N, 1)) {
            rejects(IllegalArgumentException.class, "length", t.label() + " mean(x, offset=0, length=-1)", () -> x.mean(red, 0, -1), x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void heapRangesReachingPastTheEndAreRejected(DType t) {
        try (GuardedArray x = data(t, Storage.HEAP, N, 1)) {
            rejects(IndexOutOfBoundsException.class, "x", t.label() + " max(x, offset=5, length=6)", () -> x.max(red, 5, 6), x);
            rejects(IndexOutOfBoundsException.class, "x", t.label() + " variance(x, offset=1, length=10, 1)",
                    () -> x.variance(red, 1, N, 1), x);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypesAndStorages")
    void reductionArgumentsAreChecked(DType t, Storage s) {
        String w = t.label() + " " + s.label() + " ";
        try (GuardedArray x = data(t, s, N, 1); GuardedArray empty = data(t, s, 0, 2)) {
            rejects(IllegalArgumentException.class, "ddof", w + "variance ddof=-1", () -> x.variance(red, -1), x);
            rejects(IllegalArgumentException.class, "x", w + "min of nothing", () -> empty.min(red), empty);
            rejects(IllegalArgumentException.class, "x", w + "max of nothing", () -> empty.max(red), empty);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dtypesAndStorages")
    void clampNeedsOrderedBounds(DType t, Storage s) {
        String w = t.label() + " " + s.label() + " ";
        try (GuardedArray x = data(t, s, N, 1); GuardedArray out = data(t, s, N, 2)) {
            rejects(IllegalArgumentException.class, "lo", w + "clamp lo > hi", () -> x.clamp(ew, 2, 1, out), x, out);
            rejects(IllegalArgumentException.class, "lo", w + "clamp lo NaN", () -> x.clamp(ew, Double.NaN, 1, out), x, out);
            rejects(IllegalArgumentException.class, "lo", w + "clamp hi NaN", () -> x.clamp(ew, 0, Double.NaN, out), x, out);
            rejects(IllegalArgumentException.class, "lo", w + "clamp in place, lo > hi", () -> x.clamp(ew, 0, -0.5, x), x);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nativeStorages")
    void closedArraysAreRejectedByName(DType t, Storage s) {
        String w = t.label() + " " + s.label() + " ";
        try (GuardedArray x = data(t, s, N, 1); GuardedArray y = data(t, s, N, 2); GuardedArray closed = data(t, s, N, 3)) {
            closed.close();
            rejects(IllegalStateException.class, "x", w + "axpy(closed x)", () -> closed.axpy(blas, 2, y), y);
            rejects(IllegalStateException.class, "y", w + "axpy(closed y)", () -> x.axpy(blas, 2, closed), x);
            rejects(IllegalStateException.class, "y", w + "axpy full form (closed y)", () -> x.axpy(blas, 3, 2, 0, 1, closed, 0, 1), x);
            rejects(IllegalStateException.class, "x", w + "sum(closed)", () -> closed.sum(red));
            rejects(IllegalStateException.class, "x", w + "variance(closed, 1)", () -> closed.variance(red, 1));
            rejects(IllegalStateException.class, "x", w + "max(closed)", () -> closed.max(red));
            rejects(IllegalStateException.class, "x", w + "nrm2(closed)", () -> closed.nrm2(blas));
            rejects(IllegalStateException.class, "out", w + "add(x, y, closed)", () -> x.binary(ew, BinaryOp.ADD, y, closed), x, y);
            rejects(IllegalStateException.class, "y", w + "mul(x, closed, y)", () -> x.binary(ew, BinaryOp.MUL, closed, y), x, y);
            rejects(IllegalStateException.class, "x", w + "exp(closed, y)", () -> closed.unary(ew, UnaryOp.EXP, y), y);
            rejects(IllegalStateException.class, "z", w + "fma(x, y, closed, y)", () -> x.fma(ew, y, closed, y), x, y);
        }
    }

    static Stream<Arguments> nativeStorages() {
        return dtypesAndStorages().filter(a -> a.get()[1] != Storage.HEAP);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nativeStorages")
    void partialOverlapOfOffHeapViewsIsRejected(DType t, Storage s) {
        String w = t.label() + " " + s.label() + " ";
        try (GuardedArray mem = data(t, s, 3 * N, 1); GuardedArray other = data(t, s, N, 2)) {
            GuardedArray x = mem.alias(0, N);
            GuardedArray shifted = mem.alias(3, N);
            GuardedArray sameRange = mem.alias(0, N);
            rejects(IllegalArgumentException.class, "out", w + "add(x, other, x shifted by 3)",
                    () -> x.binary(ew, BinaryOp.ADD, other, shifted), mem, other);
            rejects(IllegalArgumentException.class, "out", w + "add(other, y, y shifted by 3)",
                    () -> other.binary(ew, BinaryOp.ADD, x, shifted), mem, other);
            rejects(IllegalArgumentException.class, "out", w + "exp(x, x shifted)", () -> x.unary(ew, UnaryOp.EXP, shifted), mem);
            rejects(IllegalArgumentException.class, "out", w + "x - s into x shifted",
                    () -> x.binaryScalar(ew, BinaryOp.SUB, 1, false, shifted), mem);
            rejects(IllegalArgumentException.class, "out", w + "fma(other, other, z, z shifted)",
                    () -> other.fma(ew, other, x, shifted), mem, other);
            rejects(IllegalArgumentException.class, "out", w + "clamp(x, x shifted)", () -> x.clamp(ew, -1, 1, shifted), mem);
            rejects(IllegalArgumentException.class, "y", w + "axpy(x, x shifted)", () -> x.axpy(blas, 2, shifted), mem);
            rejects(IllegalArgumentException.class, "y", w + "copy(x, x shifted)", () -> x.copy(blas, shifted), mem);
            rejects(IllegalArgumentException.class, "y", w + "swap(x, x shifted)", () -> x.swap(blas, shifted), mem);
            rejects(IllegalArgumentException.class, "y", w + "axpy(x reversed, x)", () -> x.axpy(blas, N, 2, 0, -1, sameRange, 0, 1), mem);

            // exactly the same range through another view object is in place, and allowed
            double[] before = new double[N];
            for (int i = 0; i < N; i++) {
                before[i] = x.get(i);
            }
            x.unary(ew, UnaryOp.NEG, sameRange);
            for (int i = 0; i < N; i++) {
                assertEquals(Reference.unary(t, UnaryOp.NEG, before[i]), x.get(i), w + "neg in place through a second view, element " + i);
            }
            x.swap(blas, sameRange); // a range swapped with itself: nothing changes
            for (int i = 0; i < N; i++) {
                assertEquals(-before[i], x.get(i), w + "swap of a range with itself, element " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void partialOverlapOfHeapRangesIsRejected(DType t) {
        try (GuardedArray a = data(t, Storage.HEAP, 3 * N, 1)) {
            rejects(IllegalArgumentException.class, "y", t.label() + " axpy [0,5) into [2,7)", () -> a.axpy(blas, 5, 2, 0, 1, a, 2, 1), a);
            rejects(IllegalArgumentException.class, "y", t.label() + " axpy inc 1 into inc 2 from the same start",
                    () -> a.axpy(blas, 5, 2, 0, 1, a, 0, 2), a);
            rejects(IllegalArgumentException.class, "y", t.label() + " axpy reversed onto itself",
                    () -> a.axpy(blas, 5, 2, 0, -1, a, 0, 1), a);
            rejects(IllegalArgumentException.class, "y", t.label() + " copy [3,8) into [0,5)", () -> a.copy(blas, 5, 3, 1, a, 0, 1), a);
            rejects(IllegalArgumentException.class, "y", t.label() + " swap stride 3 with stride 2",
                    () -> a.swap(blas, 5, 0, 3, a, 1, 2), a);

            // allowed: interleaved halves (real and imaginary parts), and exactly the same range
            double[] before = new double[a.length()];
            for (int i = 0; i < before.length; i++) {
                before[i] = a.get(i);
            }
            a.axpy(blas, N, 2, 0, 2, a, 1, 2);
            for (int i = 0; i < N; i++) {
                double expected = Reference.axpy(t, 2, before[2 * i], before[2 * i + 1]);
                assertTrue(Math.abs(a.get(2 * i + 1) - expected) <= Tolerances.axpy(t, 2, before[2 * i], expected),
                        t.label() + " interleaved axpy element " + i + ": " + a.get(2 * i + 1) + " vs " + expected);
                assertEquals(before[2 * i], a.get(2 * i), t.label() + " interleaved axpy must not change x");
            }
        }
    }

    @Test
    void aClosedRuntimeRejectsCalls() {
        PelRuntime rt = PelRuntime.create(PelConfig.builder().build());
        rt.close();
        double[] x = {1, 2, 3};
        double[] out = new double[3];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ElementWise.on(rt).exp(x, out));
        assertTrue(e.getMessage().startsWith("runtime:"), e.getMessage());
        assertEquals(0.0, out[0]);
        assertThrows(IllegalStateException.class, () -> Blas.on(rt).dot(x, x));
    }
}
