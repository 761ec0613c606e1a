package dev.pel.kernels.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.Catalogue;
import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.testing.GuardedArray.Storage;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

/** The shared test helpers are code too: references, tolerances, data, arrays and backend selection. */
class TestingHelpersTest {

    @Test
    void ulpDistanceCountsRepresentableValuesOfTheElementType() {
        assertEquals(0, Tolerances.ulpDistance(DType.F64, 1.0, 1.0));
        assertEquals(1, Tolerances.ulpDistance(DType.F64, 1.0, Math.nextUp(1.0)));
        assertEquals(0, Tolerances.ulpDistance(DType.F64, 0.0, -0.0));
        assertEquals(2, Tolerances.ulpDistance(DType.F64, -Double.MIN_VALUE, Double.MIN_VALUE));
        assertEquals(1, Tolerances.ulpDistance(DType.F64, Double.MAX_VALUE, Double.POSITIVE_INFINITY));
        assertEquals(0, Tolerances.ulpDistance(DType.F64, Double.NaN, -Double.NaN));
        assertEquals(Long.MAX_VALUE, Tolerances.ulpDistance(DType.F64, Double.NaN, 1.0));
        assertTrue(Tolerances.ulpDistance(DType.F64, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY) > 0);
        // f32 distances are counted in floats, even though the values travel as doubles
        assertEquals(1, Tolerances.ulpDistance(DType.F32, 1.0, Math.nextUp(1.0f)));
        assertEquals(1, Tolerances.ulpDistance(DType.F32, Float.MAX_VALUE, Float.POSITIVE_INFINITY));
        assertEquals(2, Tolerances.ulpDistance(DType.F32, -Float.MIN_VALUE, Float.MIN_VALUE));
    }

    @Test
    void sameValueIsBitExactButLetsAnyNaNMatch() {
        assertTrue(Tolerances.sameValue(DType.F64, Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L)));
        assertFalse(Tolerances.sameValue(DType.F64, 0.0, -0.0));
        assertFalse(Tolerances.sameValue(DType.F32, 1.0, Math.nextUp(1.0f)));
        assertFalse(Tolerances.sameValue(DType.F32, Double.NaN, 1.0));
        assertTrue(Tolerances.sameValue(DType.F32, 0.1f, 0.1f));
    }

    @Test
    void reductionBoundsFollowTheirFormulas() {
        assertEquals(3, Tolerances.reductionDepth(1));
        assertEquals(2 + 1 + 2, Tolerances.reductionDepth(2));
        assertEquals(Blocking.BLOCK + 12 + 2, Tolerances.reductionDepth(Blocking.BLOCK));
        assertEquals(Blocking.BLOCK + 24 + 2, Tolerances.reductionDepth(1 << 24), "min(n, B): no growth past a block but the log");
        assertEquals(0x1p-24 * 3 * 10, Tolerances.sum(DType.F32, 1, 10));
        assertEquals(Tolerances.ulps(UnaryOp.SIGMOID), 4);
        assertEquals(Tolerances.ulps(UnaryOp.SQRT), 0);
        assertTrue(Tolerances.documentedBlocked(DType.F32, 1 << 24, 16) < 1e-5);
        // axpy: one ulp of the result plus one of the product
        assertEquals(Math.ulp(1.0f) + Math.ulp(2.0f), Tolerances.axpy(DType.F32, 2, 1, 1.0), 0);
    }

    @Test
    void referenceSumsAreCompensatedAndHonourSpecialValues() {
        assertEquals(2.0, Reference.sum(new double[] {1e16, 1, 1, -1e16}));
        assertEquals(Double.NaN, Reference.sum(new double[] {1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals(Double.NEGATIVE_INFINITY, Reference.sum(new double[] {1, Double.NEGATIVE_INFINITY}));
        assertEquals(Double.NaN, Reference.sum(new double[] {Double.NaN, 1}));
        assertEquals(0.0, Reference.sum(new double[0]));
        double e = 0x1p-30;
        // (1+e)^2 - 1 - 2e = e^2: needs the exact products
        assertEquals(e * e, Reference.dot(new double[] {1 + e, -1, -2 * e}, new double[] {1 + e, 1, 1}));
        assertEquals(5e300, Reference.nrm2(new double[] {3e300, -4e300}), 1e286);
        assertEquals(5e-300, Reference.nrm2(new double[] {3e-300, -4e-300}), 1e-314);
        assertEquals(2.0 / 3, Reference.variance(new double[] {1e8 + 1, 1e8 + 2, 1e8 + 3}, 0), 1e-15);
        assertEquals(1.0, Reference.variance(new double[] {1e8 + 1, 1e8 + 2, 1e8 + 3}, 1), 1e-15);
        assertEquals(Double.NaN, Reference.variance(new double[] {1}, 1));
        assertEquals(2, Reference.iamax(new double[] {1, -3, Double.NaN, Double.NaN}));
        assertEquals(1, Reference.iamax(new double[] {1, -3, 3}));
        assertEquals(-1, Reference.iamax(new double[0]));
        assertEquals(-0.0, Reference.min(new double[] {0.0, -0.0}));
        assertEquals(0.5, Reference.unary(DType.F32, UnaryOp.SIGMOID, 0));
        assertEquals((double) (float) Math.PI, Reference.round(DType.F32, Math.PI));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void dataIsSeededRepresentableAndVaried(DType t) {
        double[] a = Data.mixed(t, 42, 1000);
        assertArrayEquals(a, Data.mixed(t, 42, 1000), "same seed, same data");
        assertFalse(java.util.Arrays.equals(a, Data.mixed(t, 43, 1000)), "another seed, other data");
        int negatives = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double v : a) {
            assertTrue(v != 0 && Math.abs(v) != 1, "never 0 or ±1: " + v);
            assertEquals(Reference.round(t, v), v, "representable in " + t);
            negatives += v < 0 ? 1 : 0;
            min = Math.min(min, Math.abs(v));
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(negatives > 300 && negatives < 700, "both signs: " + negatives);
        assertTrue(max / min > 1000, "many binades: " + min + " .. " + max);
        assertNotEquals(Data.seed("a", 1), Data.seed("a", 2));
        assertTrue(Data.describe(0x1234).contains("0x1234"));
        double[] s = Data.withSpecials(t, Data.random(1), Data.mixed(t, 7, 100));
        assertTrue(java.util.Arrays.stream(s).anyMatch(Double::isNaN), "specials are mixed in");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void guardedArraysFillWithTheSentinelAndShareMemoryWithTheirViews(DType t) {
        try (GuardedArray v = GuardedArray.create(t, Storage.VIEW, 4)) {
            assertEquals(GuardedArray.VIEW_LEAD + 4 + GuardedArray.VIEW_TRAIL, v.memoryLength());
            for (long bits : v.snapshot()) {
                assertEquals(v.sentinelBits(), bits);
            }
            v.set(0, 1.5);
            assertEquals(GuardedArray.VIEW_LEAD, v.memoryIndex(0));
            assertEquals(1.5, v.getMemory(GuardedArray.VIEW_LEAD));
            GuardedArray alias = v.alias(0, 2);
            assertEquals(1.5, alias.get(0));
            alias.set(1, -2);
            assertEquals(-2, v.get(1));
            alias.close(); // owns nothing
            assertEquals(1.5, v.get(0));
        }
        try (GuardedArray h = GuardedArray.of(t, Storage.HEAP, new double[] {0.1, -0.0})) {
            assertEquals(Reference.round(t, 0.1), h.get(0));
            assertEquals(t == DType.F32 ? Float.floatToRawIntBits(-0.0f) & 0xffffffffL : Double.doubleToRawLongBits(-0.0),
                    h.rawBits(1));
            assertThrows(UnsupportedOperationException.class, () -> h.alias(0, 1));
        }
        GuardedArray n = GuardedArray.create(t, Storage.NATIVE, 3);
        n.close();
        assertThrows(IllegalStateException.class, n::snapshot, "closing frees the memory");
    }

    @Test
    void sizesCoverLanesBlocksAndThresholds() {
        for (DType t : DType.values()) {
            List<Integer> s = Sizes.of(Catalogue.AXPY, t);
            int l = Sizes.lanes(t);
            int par = Sizes.parallelThreshold(Catalogue.AXPY, t);
            assertTrue(Catalogue.AXPY.bytes(t, par) >= Sizes.PARALLEL_BYTES);
            assertTrue(Catalogue.AXPY.bytes(t, par - 1) < Sizes.PARALLEL_BYTES);
            for (int n : new int[] {0, 1, l - 1, l, l + 1, Blocking.BLOCK - 1, Blocking.BLOCK + 1, 2 * Blocking.BLOCK + 1, par - 1, par,
                par + 1, Sizes.SCALAR_ELEMENTS - 1, Sizes.SCALAR_ELEMENTS + 1, Sizes.HUGE}) {
                assertTrue(s.contains(n), t + " sizes must contain " + n + ": " + s);
            }
        }
    }

    @Test
    void backendArgsStreamEveryProbeAndHonourTheFilter() {
        PelRuntime rt = PelRuntime.defaultRuntime();
        List<BackendArgs.Target> all = BackendArgs.discover(rt, null);
        assertEquals(rt.probes().stream().map(p -> p.name()).distinct().toList(), all.stream().map(BackendArgs.Target::name).toList());
        List<BackendArgs.Target> only = BackendArgs.discover(rt, " cpu-scalar ,");
        assertEquals(1, only.size());
        assertEquals(ScalarBackend.NAME, only.getFirst().runtime().forcedBackend().orElseThrow().name());

        BackendArgs.Target typo = BackendArgs.discover(rt, "cpu-scalr").getFirst();
        AssertionError e = assertThrows(AssertionError.class, typo::runtime, "a name nobody probed must fail, not skip");
        assertTrue(e.getMessage().contains("cpu-scalr"), e.getMessage());

        BackendArgs.Target declined = new BackendArgs.Target("gpu", null, "no device");
        TestAbortedException skip = assertThrows(TestAbortedException.class, declined::runtime);
        assertTrue(skip.getMessage().contains("no device"), skip.getMessage());
    }
}
