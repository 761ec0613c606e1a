package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.kernels.testing.Sizes;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Where calls run: forced backends, unknown ones, and the threshold rule seen through the facades. */
class DispatchTest {

    private static boolean simdAvailable() {
        return PelRuntime.defaultRuntime().backend(SimdBackend.NAME).isPresent();
    }

    @Test
    void forcingAnUnknownBackendFailsListingTheAvailableOnes() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> PelRuntime.create(PelConfig.builder().backend("nope").build()));
        assertTrue(e.getMessage().startsWith("backend:"), e.getMessage());
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("available: " + String.join(", ", PelRuntime.defaultRuntime().backends().keySet())),
                e.getMessage());
        assertTrue(e.getMessage().contains(ScalarBackend.NAME), e.getMessage());

        BackendUnavailableException v = assertThrows(BackendUnavailableException.class,
                () -> PelRuntime.defaultRuntime().withBackend("nope"));
        assertTrue(v.getMessage().contains("'nope'") && v.getMessage().contains(ScalarBackend.NAME), v.getMessage());
    }

    @Test
    void forcedBackendsRunTheCallAndSaySo() {
        double[] x = {1, 2, 3};
        for (String name : PelRuntime.defaultRuntime().backends().keySet()) {
            PelRuntime rt = PelRuntime.defaultRuntime().withBackend(name);
            assertEquals(14.0, Blas.on(rt).dot(x, x));
            CallRecord r = PelRuntime.lastCall();
            assertEquals(name, r.backend());
            assertEquals("dot", r.kernel());
            assertEquals(DType.F64, r.dtype());
            assertEquals(3, r.n());
            assertTrue(r.reason().contains("forced"), r.reason());
            assertTrue(r.nanos() >= 0, r.toString());
        }
    }

    @Test
    void theThresholdRuleChoosesBackendAndThreads() {
        Assumptions.assumeTrue(simdAvailable(), "cpu-simd declined: the rule has nothing to choose");
        try (PelRuntime rt = PelRuntime.create(PelConfig.builder().threads(2).build())) {
            Reductions red = Reductions.on(rt);
            int min = (int) PelConfig.DEFAULT_SIMD_MIN_ELEMENTS;
            red.sum(new float[min - 1]);
            assertCall(ScalarBackend.NAME, 1, min - 1);
            red.sum(new float[min]);
            assertCall(SimdBackend.NAME, 1, min);
            int par = Sizes.parallelThreshold(Catalogue.SUM, DType.F32);
            red.sum(new float[par - 1]);
            assertCall(SimdBackend.NAME, 1, par - 1);
            red.sum(new float[par]);
            assertCall(SimdBackend.NAME, 2, par);
            // the same bytes in double are half the elements
            red.sum(new double[par / 2]);
            assertCall(SimdBackend.NAME, 2, par / 2);
        }
    }

    @Test
    void thresholdsComeFromTheConfiguration() {
        Assumptions.assumeTrue(simdAvailable(), "cpu-simd declined: the rule has nothing to choose");
        try (PelRuntime rt = PelRuntime.create(PelConfig.builder().threads(2).simdMinElements(100).parallelMinBytes(0).build())) {
            ElementWise ew = ElementWise.on(rt);
            ew.exp(new double[99], new double[99]);
            assertCall(ScalarBackend.NAME, 1, 99);
            ew.exp(new double[100], new double[100]);
            assertCall(SimdBackend.NAME, 2, 100);
            List<String> lines = Blas.on(rt).explain(Catalogue.DOT, DType.F32, 1000);
            assertTrue(lines.getFirst().startsWith("choice: cpu-simd x2"), lines.toString());
        }
    }

    @Test
    void facadesWithoutARuntimeUseTheDefaultOne() {
        assertSame(PelRuntime.defaultRuntime(), Blas.get().runtime());
        assertSame(PelRuntime.defaultRuntime(), Reductions.get().runtime());
        assertSame(PelRuntime.defaultRuntime(), ElementWise.get().runtime());
        PelRuntime view = PelRuntime.defaultRuntime().withBackend(ScalarBackend.NAME);
        assertSame(view, ElementWise.on(view).runtime());
    }

    private static void assertCall(String backend, int threads, long n) {
        CallRecord r = PelRuntime.lastCall();
        assertEquals(backend, r.backend(), r.toString());
        assertEquals(threads, r.threads(), r.toString());
        assertEquals(n, r.n(), r.toString());
    }
}
