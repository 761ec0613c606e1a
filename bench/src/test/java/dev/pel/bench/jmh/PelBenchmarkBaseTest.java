package dev.pel.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.NativeArray.Where;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The trial setup and tear-down of the JMH benchmarks, called directly as JMH would (one trial each). */
class PelBenchmarkBaseTest {

    private static <B extends PelBenchmarkBase> B bench(B b, String backend, String dtype, int size, String residency) {
        b.backend = backend;
        b.dtype = dtype;
        b.size = size;
        b.residency = residency;
        return b;
    }

    @Test
    void copyModeMeasuresHeapArrays() {
        DotBenchmark b = bench(new DotBenchmark(), "cpu-scalar", "f32", 1000, "copy");
        b.setUpTrial();
        try {
            assertNotNull(b.xF32);
            assertNull(b.xNativeF32);
            b.dot();
            assertEquals("cpu-scalar", PelRuntime.lastCall().backend());
        } finally {
            b.tearDownTrial();
        }
    }

    @Test
    void residentModeOnTheCpuKeepsOffHeapArraysOnTheHostAndFreesThem() {
        AxpyBenchmark b = bench(new AxpyBenchmark(), "cpu-simd", "f64", 1003, "resident");
        b.setUpTrial();
        try {
            assertNull(b.xF64);
            assertTrue(Set.of(Where.HOST, Where.BOTH).contains(b.xNativeF64.where()));
            assertTrue(Set.of(Where.HOST, Where.BOTH).contains(b.yNativeF64.where()));
            b.axpy();
            assertEquals("cpu-simd", PelRuntime.lastCall().backend());
        } finally {
            b.tearDownTrial();
        }
        assertNull(b.xNativeF64);
    }

    @Test
    void residentModeOnOpenClLeavesTheOperandsOnTheDevice() {
        OpenClBackend cl = OpenClTestDevice.get();
        SumBenchmark sum = bench(new SumBenchmark(), "opencl", "f32", 65536, "resident");
        sum.setUpTrial();
        try {
            assertTrue(Set.of(Where.DEVICE, Where.BOTH).contains(sum.xNativeF32.where()), sum.xNativeF32.where()::toString);
            sum.sum();
        } finally {
            sum.tearDownTrial();
        }
        AxpyBenchmark axpy = bench(new AxpyBenchmark(), cl.name(), "f32", 4099, "resident");
        axpy.setUpTrial();
        try {
            assertEquals(Where.DEVICE, axpy.yNativeF32.where(), "y written on the device");
            axpy.axpy();
            assertEquals(cl.name(), PelRuntime.lastCall().backend());
        } finally {
            axpy.tearDownTrial();
        }
    }

    @Test
    void tearDownFailsWhenResidentOperandsMovedWhileMeasured() {
        OpenClTestDevice.get();
        DotBenchmark b = bench(new DotBenchmark(), "opencl", "f32", 1000, "resident");
        b.setUpTrial();
        b.xNativeF32.set(0, 0.5f); // a host write: the device copy goes stale
        IllegalStateException e = assertThrows(IllegalStateException.class, b::tearDownTrial);
        assertTrue(e.getMessage().contains("after measuring") && e.getMessage().contains("operand x is on the host"),
                e.getMessage());
        assertNull(b.xNativeF32, "closed even though the check failed");
    }

    @Test
    void anUnavailableBackendFailsSetupNamingThePoint() {
        DotBenchmark b = bench(new DotBenchmark(), "no-such-backend", "f32", 1000, "resident");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::setUpTrial);
        assertTrue(e.getMessage().startsWith("DotBenchmark backend=no-such-backend dtype=f32 size=1000 residency=resident: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("no-such-backend"), e.getMessage());
    }

    @Test
    void anUnknownResidencyFailsSetup() {
        DotBenchmark b = bench(new DotBenchmark(), "cpu-scalar", "f32", 1000, "pinned");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::setUpTrial);
        assertTrue(e.getMessage().contains("copy, resident"), e.getMessage());
    }
}
