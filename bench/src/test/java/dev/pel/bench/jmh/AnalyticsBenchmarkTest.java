package dev.pel.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.bench.workload.analytics.AnalyticsWorkloads;
import dev.pel.runtime.PelRuntime;
import org.junit.jupiter.api.Test;

/** The analytics JMH benchmark's trial setup, called directly as JMH would, at a small sweep size. */
class AnalyticsBenchmarkTest {

    private static AnalyticsBenchmark bench(String kernel, String backend, String size) {
        AnalyticsBenchmark b = new AnalyticsBenchmark();
        b.kernel = kernel;
        b.backend = backend;
        b.dtype = "f32";
        b.size = size;
        return b;
    }

    @Test
    void aTrialValidatesThenMeasuresTheForcedBackend() {
        AnalyticsBenchmark b = bench("spmv", "cpu-simd", "1000");
        b.setUp();
        try {
            b.run();
            assertEquals("cpu-simd", PelRuntime.lastCall().backend());
            assertEquals("spmv", PelRuntime.lastCall().kernel());
        } finally {
            b.tearDown();
        }
    }

    @Test
    void publishedSizesAreTornadoVmsWhereItHasTheKernel() {
        assertArrayEquals(new long[] {2_014_701, 44_609, 1}, AnalyticsBenchmark.extents(AnalyticsWorkloads.byName("spmv"), "published"));
        assertArrayEquals(new long[] {1 << 22, 1, 1}, AnalyticsBenchmark.extents(AnalyticsWorkloads.byName("fft"), "published"));
        assertArrayEquals(new long[] {1 << 24, 1, 1}, AnalyticsBenchmark.extents(AnalyticsWorkloads.byName("sort"), "published"));
    }

    @Test
    void anUnknownKernelFailsTheSetupWithTheKnownOnes() {
        var e = assertThrows(IllegalStateException.class, () -> bench("gemm", "cpu-simd", "1000").setUp());
        assertTrue(e.getMessage().contains("no analytics workload gemm") && e.getMessage().contains("fft"), e.getMessage());
    }
}
