package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.testing.Tolerances;
import dev.pel.runtime.BackendStats;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.dispatch.FaultInjection;
import dev.pel.runtime.dispatch.Rates;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.opencl.OpenClException;
import dev.pel.runtime.spi.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jocl.CL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures are part of the model: a backend that fails a call (injected here on the k-th call) is
 * quarantined and the call completes on the next best backend with the same result; the fallback is
 * counted; strict mode and forced backends turn it into an exception with nothing written. Also:
 * statistics, JFR events and the persisted model, seen from the facades.
 */
class FallbackTest {
    private static final int N = 1000;
    @TempDir
    Path cache;
    private final SplittableRandom random = new SplittableRandom(0x5eed_fa11L);
    private double[] x;
    private double[] y;

    @BeforeEach
    void data() {
        Assumptions.assumeTrue(PelRuntime.defaultRuntime().backend(SimdBackend.NAME).isPresent(),
                "cpu-simd declined: there is no preferred backend to fail");
        x = random.doubles(N, -1, 1).toArray();
        y = random.doubles(N, -1, 1).toArray();
    }

    @AfterEach
    void disarm() {
        FaultInjection.clear();
    }

    private PelRuntime runtime(boolean strict) {
        PelRuntime rt = PelRuntime.create(PelConfig.builder().threads(2).strict(strict).cacheDir(cache).build());
        DispatchTest.knownRates(rt); // n = 1000 goes to cpu-simd x1, the scalar reference is next best
        // Devices out of every exploration's reach (over 16x the scalar call), so the calls after a fallback are the
        // scalar reference's whichever calls the one-in-eight timing samples: an exploration at the 16th counted call
        // had run a call on the device.
        rt.backends().values().stream().filter(b -> !b.host())
                .forEach(b -> rt.dispatcher().useRates(b, Map.of(1, new Rates(10_000_000, 10, 10, 1 << 20, 10, 1))));
        return rt;
    }

    private static OpenClException deviceLost() {
        return OpenClException.of("clFinish", CL.CL_DEVICE_NOT_AVAILABLE, "injected by the test");
    }

    private double referenceDot() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private double sumAbsProducts() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += Math.abs(x[i] * y[i]);
        }
        return s;
    }

    @Test
    void aFailingBackendIsQuarantinedAndTheCallCompletesOnTheNextBest() {
        try (PelRuntime rt = runtime(false)) {
            Backend simd = rt.backend(SimdBackend.NAME).orElseThrow();
            Blas blas = Blas.on(rt);
            FaultInjection.failOnCall(simd, 3, FallbackTest::deviceLost, false);
            double bound = Tolerances.dot(DType.F64, N, sumAbsProducts());
            for (int call = 1; call <= 5; call++) {
                double r = blas.dot(x, y);
                assertEquals(referenceDot(), r, bound, "call " + call);
                CallRecord last = PelRuntime.lastCall();
                String expected = call < 3 ? SimdBackend.NAME : ScalarBackend.NAME;
                assertEquals(expected, last.backend(), "call " + call + ": " + last);
                if (call == 3) {
                    assertTrue(last.reason().startsWith("fallback after cpu-simd failed: DeviceLost"), last.reason());
                }
            }
            BackendStats simdStats = rt.stats().get(SimdBackend.NAME);
            BackendStats scalarStats = rt.stats().get(ScalarBackend.NAME);
            assertEquals(2, simdStats.calls());
            assertEquals(1, simdStats.failures());
            assertTrue(simdStats.quarantined(), "quarantined during its back-off");
            assertEquals(3, scalarStats.calls());
            assertEquals(1, scalarStats.fallbacks(), "the fallback is counted once, on the backend that took it");
            assertTrue(Blas.on(rt).explain(Catalogue.DOT, DType.F64, N).stream()
                    .anyMatch(l -> l.startsWith("excluded cpu-simd x1: quarantined")), "explain says why");
        }
    }

    @Test
    void anInPlaceUpdateOnHeapArraysIsAppliedExactlyOnce() {
        try (PelRuntime rt = runtime(false)) {
            Backend simd = rt.backend(SimdBackend.NAME).orElseThrow();
            double a = 0.75;
            double[] expected = new double[N];
            for (int i = 0; i < N; i++) {
                expected[i] = Math.fma(a, x[i], y[i]);
            }
            FaultInjection.failOnCall(simd, 1, FallbackTest::deviceLost, false);
            Blas.on(rt).axpy(a, x, y);
            assertEquals(ScalarBackend.NAME, PelRuntime.lastCall().backend());
            for (int i = 0; i < N; i++) {
                double tol = Math.ulp(1.0) * (Math.abs(a * x[i]) + Math.abs(expected[i]));
                assertEquals(expected[i], y[i], tol, "y[" + i + "]: the failed attempt wrote nothing");
            }
        }
    }

    @Test
    void strictModeTurnsTheFallbackIntoAnExceptionAndWritesNothing() {
        try (PelRuntime rt = runtime(true)) {
            Backend simd = rt.backend(SimdBackend.NAME).orElseThrow();
            double[] before = y.clone();
            FaultInjection.failOnCall(simd, 1, FallbackTest::deviceLost, false);
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> Blas.on(rt).axpy(2, x, y));
            assertTrue(e.getMessage().startsWith("pel.strict: cpu-simd failed axpy"), e.getMessage());
            assertTrue(e.getMessage().contains("would fall back to cpu-scalar"), e.getMessage());
            assertInstanceOf(OpenClException.DeviceLost.class, e.getCause());
            assertArrayEquals(before, y);
            assertEquals(1, rt.stats().get(SimdBackend.NAME).failures());
        }
    }

    @Test
    void aForcedBackendNeverFallsBack() {
        try (PelRuntime rt = runtime(false)) {
            PelRuntime forced = rt.withBackend(SimdBackend.NAME);
            double[] before = y.clone();
            FaultInjection.failOnCall(rt.backend(SimdBackend.NAME).orElseThrow(), 1, FallbackTest::deviceLost, false);
            OpenClException e = assertThrows(OpenClException.class, () -> Blas.on(forced).axpy(2, x, y));
            assertInstanceOf(OpenClException.DeviceLost.class, e);
            assertArrayEquals(before, y);
            assertFalse(rt.stats().containsKey(ScalarBackend.NAME), "nothing ran elsewhere");
        }
    }

    @Test
    void operandsThatMayHaveBeenWrittenInPlaceAreNotRetriedElsewhere() {
        try (PelRuntime rt = runtime(false); DoubleArray ox = DoubleArray.of(x); DoubleArray oy = DoubleArray.of(y)) {
            FaultInjection.failOnCall(rt.backend(SimdBackend.NAME).orElseThrow(), 1, FallbackTest::deviceLost, false);
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> Blas.on(rt).axpy(2, ox, oy));
            assertTrue(e.getMessage().contains("not repeated elsewhere"), e.getMessage());
        }
    }

    @Test
    void otherExceptionsAreNotFailoversButTheCallersError() {
        try (PelRuntime rt = runtime(false)) {
            FaultInjection.failOnCall(rt.backend(SimdBackend.NAME).orElseThrow(), 1, () -> new IllegalStateException("a bug"), false);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Blas.on(rt).dot(x, y));
            assertEquals("a bug", e.getMessage());
            assertFalse(rt.dispatcher().isQuarantined(rt.backend(SimdBackend.NAME).orElseThrow()));
        }
    }

    @Test
    void everyCallIsAFlightRecorderEvent() throws Exception {
        Path file = cache.resolve("calls.jfr");
        try (PelRuntime rt = runtime(false); Recording recording = new Recording()) {
            recording.enable("dev.pel.Call");
            recording.start();
            Blas.on(rt).dot(x, y);
            Reductions.on(rt).sum(new float[4]);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertEquals(2, events.size(), events.toString());
        RecordedEvent dot = events.stream().filter(ev -> ev.getString("kernel").equals("dot")).findFirst().orElseThrow();
        assertEquals("f64", dot.getString("dtype"));
        assertEquals(N, dot.getLong("n"));
        assertEquals(SimdBackend.NAME, dot.getString("backend"));
        assertEquals(16_000, dot.getLong("bytes"));
        assertTrue(dot.getDuration("measured").toNanos() > 0);
        assertTrue(dot.getDuration("predicted").toNanos() > 0);
        RecordedEvent sum = events.stream().filter(ev -> ev.getString("kernel").equals("sum")).findFirst().orElseThrow();
        assertEquals(ScalarBackend.NAME, sum.getString("backend"));
    }

    @Test
    void theModelOutlivesTheRuntime() {
        Path file;
        try (PelRuntime rt = runtime(false)) {
            Blas.on(rt).dot(new double[1 << 13], new double[1 << 13]); // 128 KiB: always timed, so the model learns
            file = rt.dispatcher().store().file();
        }
        assertTrue(Files.isRegularFile(file), "saved on close: " + file);
        try (PelRuntime again = PelRuntime.create(PelConfig.builder().threads(2).cacheDir(cache).build())) {
            List<String> lines = again.dispatcher().describe(again.backend(SimdBackend.NAME).orElseThrow());
            assertTrue(lines.getFirst().contains("calibrated earlier"), lines.toString());
            assertTrue(lines.getFirst().contains("launch 60 ns"), "the rates given to the first runtime: " + lines);
        }
    }
}
