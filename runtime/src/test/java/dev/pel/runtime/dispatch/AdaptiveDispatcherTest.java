package dev.pel.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.DType;
import dev.pel.runtime.opencl.OpenClException;
import dev.pel.runtime.spi.Backend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.jocl.CL;

/** Calibration on first use, quarantine with back-off, explain: the dispatcher around the model. */
class AdaptiveDispatcherTest {
    static final KernelSpec SUM = CostModelTest.SUM;
    final CostModelTest.FakeBackend cpu = new CostModelTest.FakeBackend("cpu", 2, true, true);
    final CostModelTest.FakeBackend gpu = new CostModelTest.FakeBackend("gpu", 1, false, false);

    /** A calibrator that reports fixed rates, optionally waiting for a signal or failing. */
    static final class FixedCalibrator implements Calibrator {
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean block;
        volatile boolean fail;
        int calls;
        final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void finished(Backend backend) {
            events.add("finished " + backend.name());
        }

        @Override
        public void idle() {
            events.add("idle");
        }

        @Override
        public boolean supports(Backend backend) {
            return true;
        }

        @Override
        public Rates calibrate(Backend backend, int threads, long budgetNanos) {
            calls++;
            events.add("calibrate " + backend.name() + " x" + threads);
            if (block) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (fail) {
                throw new IllegalStateException("the device hung");
            }
            return backend.host() ? new Rates(10 * threads, 50 * threads, 10, 1 << 20, 10, 8) : new Rates(1_000, 500, 500, 1 << 30, 1_000, 20);
        }
    }

    @Test
    void aDeviceIsUsedOnlyOnceCalibratedAndTheCpuServesMeanwhile() throws InterruptedException {
        FixedCalibrator cal = new FixedCalibrator();
        cal.block = true;
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu, gpu), List.of(cal), null, -1);
        long all = d.model().mask(List.of(cpu, gpu));
        assertEquals(d.model().mask(cpu), d.usable(all), "the CPU runs on prior rates while it is measured; the device waits");
        assertTrue(d.explain(SUM, DType.F32, 1 << 26, 1, 1, Placement.HOST, all).stream()
                .anyMatch(l -> l.equals("excluded gpu x1: calibrating")));
        cal.release.countDown();
        d.awaitCalibration(TimeUnit.SECONDS.toNanos(10));
        assertEquals(all, d.usable(all));
        assertEquals(3, cal.calls, "each variant measured once: cpu x1, cpu x2, gpu x1");
        Decision big = d.auto(SUM, DType.F32, 1 << 26, 1, 1, Placement.HOST, all);
        assertEquals("gpu", big.backend().name(), "calibrated, the device wins the large call");
        assertTrue(d.describe(gpu).getFirst().contains("calibrated in"), d.describe(gpu).toString());
    }

    @Test
    void workingSetsKeptForTheNextBackendAreReleasedOnceNoCalibrationIsQueued() throws InterruptedException {
        FixedCalibrator cal = new FixedCalibrator();
        cal.block = true; // both backends are queued before the first measurement ends
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu, gpu), List.of(cal), null, -1);
        d.usable(d.model().mask(List.of(cpu, gpu)));
        cal.release.countDown();
        d.awaitCalibration(TimeUnit.SECONDS.toNanos(10));
        assertEquals(List.of("calibrate cpu x1", "calibrate cpu x2", "finished cpu", "calibrate gpu x1", "finished gpu", "idle"),
                cal.events);
    }

    @Test
    void aDeviceWhoseCalibrationFailsIsNotUsedAndSaysWhy() throws InterruptedException {
        FixedCalibrator cal = new FixedCalibrator();
        cal.fail = true;
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu, gpu), List.of(cal), null, -1);
        long all = d.model().mask(List.of(cpu, gpu));
        d.usable(all);
        d.awaitCalibration(TimeUnit.SECONDS.toNanos(10));
        assertEquals(d.model().mask(cpu), d.usable(all));
        assertTrue(d.describe(gpu).getFirst().contains("calibration failed: java.lang.IllegalStateException: the device hung"),
                d.describe(gpu).toString());
        assertTrue(d.describe(cpu).getFirst().contains("prior guess (calibration failed"), d.describe(cpu).toString());
    }

    @Test
    void aFailedBackendIsQuarantinedWithADoublingBackOffThenRetried() throws InterruptedException {
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu, gpu), List.of(), null, -1);
        d.useRates(gpu, Map.of(1, new Rates(1_000, 500, 500, 1 << 30, 1_000, 20)));
        long all = d.model().mask(List.of(cpu, gpu));
        assertEquals(all, d.usable(all));
        OpenClException lost = OpenClException.of("clFinish", CL.CL_DEVICE_NOT_AVAILABLE, "injected");
        assertEquals(AdaptiveDispatcher.FIRST_BACKOFF_NANOS, d.quarantine(gpu, lost));
        assertTrue(d.isQuarantined(gpu));
        assertEquals(d.model().mask(cpu), d.usable(all));
        assertTrue(d.explain(SUM, DType.F32, 1 << 26, 1, 1, Placement.HOST, all).stream()
                .anyMatch(l -> l.startsWith("excluded gpu x1: quarantined for") && l.contains("DeviceLost")));
        assertEquals(2 * AdaptiveDispatcher.FIRST_BACKOFF_NANOS, d.quarantine(gpu, lost), "the back-off doubles");

        d.firstBackoff(1_000_000); // 1 ms, 2 ms, 4 ms...
        d.quarantine(gpu, lost);
        Thread.sleep(20);
        assertEquals(all, d.usable(all), "after the back-off the device is tried again");
        assertFalse(d.isQuarantined(gpu));
    }

    @Test
    void theHotPathDropsAQuarantinedBackendAtOnceAndTakesItBackAtTheNextDecisionAfterTheBackOff()
            throws InterruptedException {
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu, gpu), List.of(), null, -1);
        // 256 MiB: the CPU reads it in 27 ms at either thread count, the device takes 14 ms with the copy.
        d.useRates(cpu, Map.of(1, new Rates(10, 50, 10, 1 << 20, 10, 8), 2, new Rates(20, 100, 10, 2 << 20, 20, 8)));
        d.useRates(gpu, Map.of(1, new Rates(1_000, 500, 500, 1 << 30, 1_000, 20)));
        long all = d.model().mask(List.of(cpu, gpu));
        long n = 1 << 26;
        assertEquals("gpu", d.auto(SUM, DType.F32, n, 1, 1, Placement.HOST, all).backend().name());
        d.firstBackoff(1_000_000);
        d.quarantine(gpu, OpenClException.of("clFinish", CL.CL_DEVICE_NOT_AVAILABLE, "injected"));
        assertEquals("cpu", d.auto(SUM, DType.F32, n, 1, 1, Placement.HOST, all).backend().name(),
                "the cached decision is dropped with the quarantine");
        Thread.sleep(20);
        Decision c = d.auto(SUM, DType.F32, n, 1, 1, Placement.HOST, all);
        int calls = 0;
        while (!c.backend().name().equals("gpu") && calls < CostModel.RECOMPUTE_PERIOD) {
            d.observe(c, SUM, DType.F32, n, 1, 1, Placement.HOST, 25_000_000, 1, false); // the call's measurement
            c = d.auto(SUM, DType.F32, n, 1, 1, Placement.HOST, all);
            calls++;
        }
        assertEquals("gpu", c.backend().name(), "after the back-off the device is chosen again (after " + calls + " calls)");
        assertFalse(d.isQuarantined(gpu));
    }

    @Test
    void aForcedBackendChoosesOnlyItsThreadCount() {
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu), List.of(), null, -1);
        d.useRates(cpu, Map.of(1, new Rates(10, 50, 10, 1 << 20, 10, 8), 2, new Rates(5_000, 100, 20, 2 << 20, 20, 8)));
        long m = d.model().mask(cpu);
        Decision small = d.forced(cpu, m, SUM, DType.F32, 16, 1, 1, Placement.HEAP);
        Decision large = d.forced(cpu, m, SUM, DType.F32, 1 << 24, 1, 1, Placement.HEAP);
        assertEquals(1, small.threads());
        assertEquals(2, large.threads());
        assertEquals("forced by pel.backend=cpu", large.reason());

        AdaptiveDispatcher rule = new AdaptiveDispatcher(List.of(cpu), List.of(), null, 1000);
        assertEquals(1, rule.forced(cpu, m, SUM, DType.F32, 249, 1, 1, Placement.HEAP).threads(), "996 bytes < 1000");
        assertEquals(2, rule.forced(cpu, m, SUM, DType.F32, 250, 1, 1, Placement.HEAP).threads(), "1000 bytes");
    }

    @Test
    void aForcedBackendCorrectsAThreadCountItsRatesMisjudge() {
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu), List.of(), null, -1);
        // The rates say one thread is slightly faster at this size; in truth two threads take half the time.
        d.useRates(cpu, Map.of(1, new Rates(10, 50, 10, 1 << 20, 10, 8), 2, new Rates(10, 45, 9, 1 << 20, 9, 8)));
        long m = d.model().mask(cpu);
        long n = 1 << 22;
        Map<Integer, Long> truth = Map.of(1, 1_000_000L, 2, 500_000L);
        int twos = 0;
        for (int call = 0; call < 2_000; call++) {
            Decision c = d.forced(cpu, m, SUM, DType.F32, n, 1, 1, Placement.HEAP);
            assertEquals("cpu", c.backend().name(), "a forced backend never leaves it");
            d.model().observe(c.variant(), SUM, DType.F32, n, 1, 1, Placement.HEAP, truth.get(c.threads()), 1, true);
            if (call >= 1_000 && c.threads() == 2) {
                twos++;
            }
        }
        assertTrue(twos >= 990, "after exploring, the measured faster thread count is the forced backend's choice: " + twos);
    }

    @Test
    void moreThreadsAreNeverMeasuredSlowerThanOne() {
        Rates one = new Rates(50, 80, 16, 1 << 20, 30, 8);
        Rates noisy = new Rates(900, 60, 12, 2 << 20, 18, 8);
        Rates fixed = AdaptiveDispatcher.atLeast(noisy, one);
        assertEquals(new Rates(900, 80, 16, 2 << 20, 30, 8), fixed, "throughput from one thread where two measured less; own launch");
        Rates better = new Rates(900, 160, 24, 2 << 20, 60, 8);
        assertEquals(better, AdaptiveDispatcher.atLeast(better, one));
    }

    @Test
    void withoutAnyUsableVariantThereIsNoDecision() {
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu, gpu), List.of(), null, -1);
        assertNull(d.auto(SUM, DType.F32, 100, 1, 1, Placement.HEAP, 0));
        assertNotNull(d.auto(SUM, DType.F32, 100, 1, 1, Placement.HEAP, d.model().mask(cpu)));
    }
}
