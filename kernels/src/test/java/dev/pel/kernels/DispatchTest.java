package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.testing.Sizes;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.dispatch.Rates;
import dev.pel.runtime.spi.Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where calls run: forced backends, unknown ones, and the threshold rule seen through the facades. */
class DispatchTest {
    @TempDir
    static Path tmp;


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
            assertTrue(r.nanos() == -1 || r.nanos() >= 0, "timed, or -1 for a small call not sampled: " + r);
        }
    }

    /** Rates that make the model's choices clear: scalar wins tiny calls, one SIMD thread mid-size, two threads large. */
    static void knownRates(PelRuntime rt) {
        Backend scalar = rt.backend(ScalarBackend.NAME).orElseThrow();
        Backend simd = rt.backend(SimdBackend.NAME).orElseThrow();
        rt.dispatcher().useRates(scalar, Map.of(1, new Rates(20, 2, 2, 1 << 20, 1, 8)));
        rt.dispatcher().useRates(simd, Map.of(1, new Rates(60, 40, 10, 1 << 20, 16, 8),
                simd.maxThreads(), new Rates(5_000, 80, 20, 2 << 20, 32, 8)));
        rt.backends().values().stream().filter(b -> !b.host())
                .forEach(b -> rt.dispatcher().useRates(b, Map.of(1, new Rates(100_000, 10, 10, 1 << 20, 10, 1))));
    }

    @Test
    void theCostModelChoosesBackendAndThreads() {
        Assumptions.assumeTrue(simdAvailable(), "cpu-simd declined: the model has nothing to choose");
        try (PelRuntime rt = PelRuntime.create(PelConfig.builder().threads(2).cacheDir(tmp).build())) {
            knownRates(rt);
            Reductions red = Reductions.on(rt);
            red.sum(new float[4]); // 20 + 16/2 = 28 ns on scalar vs 60 + 16/40 on simd
            assertCall(ScalarBackend.NAME, 1, 4);
            red.sum(new float[1000]); // scalar 2020 ns, simd x1 160 ns, x2 5050 ns
            assertCall(SimdBackend.NAME, 1, 1000);
            // Explained before the call: the call's measured time (cold code, a shared machine) then refines the model.
            List<String> lines = Reductions.on(rt).explain(Catalogue.SUM, DType.F32, 1 << 20);
            assertTrue(lines.getFirst().startsWith("choice: cpu-simd x2 (lowest predicted time)"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("candidate cpu-scalar x1: ") && l.contains("launch 20 ns")),
                    lines.toString());
            red.sum(new float[1 << 20]); // 4 MiB: simd x1 419 us, x2 210 us
            assertCall(SimdBackend.NAME, 2, 1 << 20);
        }
    }

    @Test
    void aFixedThreadRuleOverridesTheModelsThreadCount() {
        Assumptions.assumeTrue(simdAvailable(), "cpu-simd declined: the rule has nothing to choose");
        try (PelRuntime rt = PelRuntime.create(PelConfig.builder().threads(2).parallelMinBytes(0).cacheDir(tmp).build())) {
            knownRates(rt);
            ElementWise ew = ElementWise.on(rt);
            ew.exp(new double[1000], new double[1000]);
            assertCall(SimdBackend.NAME, 2, 1000);
            List<String> lines = Blas.on(rt).explain(Catalogue.DOT, DType.F32, 1000);
            assertTrue(lines.getFirst().startsWith("choice: cpu-simd x2"), lines.toString());
        }
    }

    /** Concurrent callers share one model (no lock on the hot path): every result right, every call counted. */
    @Test
    void concurrentCallersShareTheModel() throws Exception {
        Assumptions.assumeTrue(simdAvailable(), "cpu-simd declined");
        try (PelRuntime rt = PelRuntime.create(PelConfig.builder().threads(2).cacheDir(tmp).build())) {
            knownRates(rt);
            int threads = 4;
            int calls = 5_000;
            var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                    int wrong = 0;
                    for (int i = 0; i < calls; i++) {
                        int n = 1 + r.nextInt(3000);
                        float[] x = new float[n];
                        for (int k = 0; k < n; k++) {
                            x[k] = k % 7 - 3; // small integers: every order of summation gives the exact sum
                        }
                        double expected = 0;
                        for (float v : x) {
                            expected += v;
                        }
                        if (Reductions.on(rt).sum(x) != (float) expected) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (var f : done) {
                assertEquals(0, f.get());
            }
            pool.shutdown();
            long counted = rt.stats().values().stream().mapToLong(dev.pel.runtime.BackendStats::calls).sum();
            assertEquals((long) threads * calls, counted);
        }
    }

    /** Large calls are always timed; small ones one in eight (a clock read costs as much as the call). */
    @Test
    void largeCallsAreAlwaysTimedAndSmallOnesSampled() {
        try (PelRuntime rt = PelRuntime.create(PelConfig.builder().threads(2).cacheDir(tmp).build())) {
            Reductions red = Reductions.on(rt);
            float[] large = new float[1 << 15]; // 128 KiB
            for (int i = 0; i < 20; i++) {
                red.sum(large);
                assertTrue(PelRuntime.lastCall().nanos() > 0, PelRuntime.lastCall().toString());
            }
            int timed = 0;
            int calls = 800;
            for (int i = 0; i < calls; i++) {
                red.sum(new float[16]);
                timed += PelRuntime.lastCall().nanos() >= 0 ? 1 : 0;
            }
            // Binomial(800, 1/8): mean 100, standard deviation 9.4; these bounds are over 6 deviations out.
            assertTrue(timed > 40 && timed < 160, timed + " of " + calls + " small calls timed");
            long total = rt.stats().values().stream().mapToLong(dev.pel.runtime.BackendStats::calls).sum();
            assertEquals(20 + calls, total, "every call is counted, timed or not");
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
