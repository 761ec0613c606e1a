package dev.pel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.dispatch.Decision;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.dispatch.Placement;
import dev.pel.runtime.spi.Backend;
import dev.pel.runtime.spi.Probe;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Probing, forcing views, decisions, call records and closing. */
class PelRuntimeTest {
    private static final KernelSpec SUM = new KernelSpec("sum", 1, 1);
    private static final Predicate<Backend> CPU = b -> b instanceof ScalarBackend || b instanceof SimdBackend;

    private static PelRuntime create(PelConfig.Builder b) {
        return PelRuntime.create(b.build());
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    @Test
    void probesAlwaysIncludeTheScalarReferenceAndTheVectorBackendWhenItsModuleIsThere() {
        try (PelRuntime rt = create(PelConfig.builder())) {
            Probe scalar = rt.probes().getFirst();
            assertEquals(ScalarBackend.NAME, scalar.name());
            assertTrue(scalar.isAvailable());
            assertTrue(scalar.reason().isEmpty());
            assertTrue(rt.backends().containsKey(ScalarBackend.NAME));
            Probe simd = rt.probes().stream().filter(p -> p.name().equals(SimdBackend.NAME)).findFirst().orElseThrow(
                    () -> new AssertionError("cpu-simd must always be probed (available or declined with a reason)"));
            assertEquals(vectorModulePresent(), simd.isAvailable(), simd.toString());
            if (!simd.isAvailable()) {
                assertTrue(simd.reason().orElseThrow().contains("--add-modules=jdk.incubator.vector"), simd.toString());
            }
            for (Probe p : rt.probes()) {
                assertTrue(p.isAvailable() != p.reason().isPresent(), "available xor a reason: " + p);
                p.backend().ifPresent(b -> assertSame(b, rt.backends().get(b.name()), "available backends are listed by name"));
            }
            assertThrows(UnsupportedOperationException.class, () -> rt.backends().clear());
            assertThrows(UnsupportedOperationException.class, () -> rt.probes().clear());
        }
    }

    @Test
    void theSimdBackendReportsLanesThatMatchItsWidth() {
        Assumptions.assumeTrue(vectorModulePresent(), "no jdk.incubator.vector");
        try (PelRuntime rt = create(PelConfig.builder().threads(3))) {
            SimdBackend simd = (SimdBackend) rt.resolve(SimdBackend.NAME);
            assertEquals(simd.vectorBits() / 32, simd.floatLanes());
            assertEquals(simd.vectorBits() / 64, simd.doubleLanes());
            assertTrue(simd.floatLanes() >= 2, simd.details());
            assertEquals(3, simd.maxThreads(), "the pool has pel.threads threads");
            assertTrue(simd.details().contains("threads=3"), simd.details());
        }
    }

    @Test
    void withBackendGivesAForcingViewSharingTheParentsBackendsAndStats() {
        try (PelRuntime rt = create(PelConfig.builder().threads(2))) {
            assertTrue(rt.forcedBackend().isEmpty());
            PelRuntime view = rt.withBackend(ScalarBackend.NAME);
            assertSame(rt.backends(), view.backends());
            assertSame(rt.resolve(ScalarBackend.NAME), view.forcedBackend().orElseThrow());
            assertEquals(ScalarBackend.NAME, view.config().backend());
            assertEquals(2, view.config().threads());

            Decision d = view.decide(SUM, DType.F32, 1 << 20, CPU);
            assertEquals(ScalarBackend.NAME, d.backend().name());
            assertEquals(1, d.threads());
            assertTrue(d.reason().contains("forced"), d.reason());

            view.record(new CallRecord("sum", DType.F32, 5, ScalarBackend.NAME, 1, 100, "test"));
            assertEquals(1, rt.stats().get(ScalarBackend.NAME).calls(), "views count into their parent's stats");
            assertEquals(100, rt.stats().get(ScalarBackend.NAME).nanos());

            view.close(); // releases nothing
            assertTrue(view.isClosed());
            assertFalse(rt.isClosed());
            assertNotNull(rt.decide(SUM, DType.F32, 10, CPU), "the parent still works after a view is closed");
            rt.backend(SimdBackend.NAME).ifPresent(b -> assertFalse(((SimdBackend) b).pool().isClosed(), "a view closes no pool"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> view.decide(SUM, DType.F32, 10, CPU));
            assertTrue(e.getMessage().startsWith("runtime:"), e.getMessage());
        }
    }

    @Test
    void forcingAnUnknownBackendNamesWhatIsAvailable() {
        try (PelRuntime rt = create(PelConfig.builder())) {
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> rt.withBackend("nope"));
            assertTrue(e.getMessage().startsWith("backend:"), e.getMessage());
            assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains(ScalarBackend.NAME), e.getMessage());
            assertThrows(BackendUnavailableException.class, () -> rt.resolve("nope"));
        }
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> PelRuntime.create(PelConfig.builder().backend("nope").build()));
        assertTrue(e.getMessage().contains("available: "), e.getMessage());
    }

    @Test
    void aForcedBackendThatLacksTheKernelIsAnErrorNotAFallback() {
        try (PelRuntime rt = create(PelConfig.builder().backend(ScalarBackend.NAME))) {
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                    () -> rt.decide(SUM, DType.F64, 10, b -> false));
            assertTrue(e.getMessage().contains("sum") && e.getMessage().contains("f64"), e.getMessage());
        }
    }

    /**
     * Without a calibrator (the kernels module provides it) backends get prior rates: a tiny call goes
     * to cpu-scalar, a larger one to cpu-simd; the fixed thread rule splits by bytes moved.
     */
    @Test
    void theAutomaticChoiceFollowsTheModelAndTheFixedThreadRule() {
        Assumptions.assumeTrue(vectorModulePresent(), "no jdk.incubator.vector");
        try (PelRuntime rt = create(PelConfig.builder().threads(2).parallelMinBytes(400))) {
            Decision small = rt.decide(SUM, DType.F32, 2, CPU);
            assertEquals(ScalarBackend.NAME, small.backend().name());
            Decision one = rt.decide(SUM, DType.F32, 99, CPU); // 396 bytes
            assertEquals(SimdBackend.NAME, one.backend().name());
            assertEquals(1, one.threads());
            Decision all = rt.decide(SUM, DType.F32, 100, CPU); // 400 bytes
            assertEquals(SimdBackend.NAME, all.backend().name());
            assertEquals(2, all.threads());
            Decision scalarOnly = rt.decide(SUM, DType.F32, 100, b -> b instanceof ScalarBackend);
            assertEquals(ScalarBackend.NAME, scalarOnly.backend().name());
            assertThrows(BackendUnavailableException.class, () -> rt.decide(SUM, DType.F32, 100, b -> false));
            List<String> lines = rt.explain(SUM, DType.F32, 100, CPU);
            assertTrue(lines.getFirst().startsWith("choice: cpu-simd x2"), lines.toString());
        }
    }

    @Test
    void lastCallIsOneRecordUntilTheThreadsNextCall() {
        try (PelRuntime rt = create(PelConfig.builder())) {
            Decision d = rt.decide(SUM, DType.F64, 16, CPU);
            rt.completed(d, SUM, DType.F64, 16, 1, 1, Placement.HEAP, PelRuntime.UNTIMED);
            CallRecord first = PelRuntime.lastCall();
            assertEquals(new CallRecord("sum", DType.F64, 16, d.backend().name(), d.threads(), -1, d.reason()), first);
            assertSame(first, PelRuntime.lastCall(), "no call in between: the same record");
            rt.completed(d, SUM, DType.F64, 16, 1, 1, Placement.HEAP, PelRuntime.UNTIMED);
            CallRecord second = PelRuntime.lastCall();
            assertNotSame(first, second, "a call in between: a new record, though its fields are equal");
            assertEquals(first, second);
            long t0 = System.nanoTime();
            rt.completed(d, SUM, DType.F64, 16, 1, 1, Placement.HEAP, t0);
            assertTrue(PelRuntime.lastCall().nanos() >= 0, "a timed call records its time: " + PelRuntime.lastCall());
        }
    }

    @Test
    void lastCallIsPerThread() throws InterruptedException {
        try (PelRuntime rt = create(PelConfig.builder())) {
            CallRecord mine = new CallRecord("dot", DType.F64, 3, ScalarBackend.NAME, 1, 5, "test");
            rt.record(mine);
            assertSame(mine, PelRuntime.lastCall());
            AtomicReference<CallRecord> seen = new AtomicReference<>(mine);
            Thread t = new Thread(() -> seen.set(PelRuntime.lastCall()));
            t.start();
            t.join();
            assertNull(seen.get(), "another thread has made no call");
            assertSame(mine, PelRuntime.lastCall());
        }
    }

    @Test
    void closingReleasesTheBackendsOnce() {
        PelRuntime rt = create(PelConfig.builder().threads(2));
        SimdBackend simd = (SimdBackend) rt.backend(SimdBackend.NAME).orElse(null);
        rt.close();
        assertTrue(rt.isClosed());
        if (simd != null) {
            assertTrue(simd.pool().isClosed(), "closing a runtime stops its worker threads");
        }
        rt.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> rt.withBackend(ScalarBackend.NAME));
        assertThrows(IllegalStateException.class, () -> rt.decide(SUM, DType.F32, 1, CPU));
    }

    @Test
    void theDefaultRuntimeIsOneInstance() {
        assertSame(PelRuntime.defaultRuntime(), PelRuntime.defaultRuntime());
        assertFalse(PelRuntime.defaultRuntime().isClosed());
    }

    @Test
    void hardwareIsDetected() {
        try (PelRuntime rt = create(PelConfig.builder())) {
            assertEquals(Runtime.getRuntime().availableProcessors(), rt.hardware().cores());
            assertEquals(System.getProperty("os.arch"), rt.hardware().arch());
            assertTrue(rt.hardware().maxHeap() > 0);
            assertTrue(rt.hardware().summary().startsWith(rt.hardware().cores() + " cores"), rt.hardware().summary());
        }
    }
}
