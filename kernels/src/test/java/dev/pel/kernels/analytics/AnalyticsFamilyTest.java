package dev.pel.kernels.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.spi.AnalyticsSet;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import dev.pel.runtime.spi.Backend;
import org.junit.jupiter.api.Test;

/** Which backends implement the analytics kernels, and why the others do not. */
class AnalyticsFamilyTest {

    @Test
    void theReferenceImplementsEveryTypeOnce() {
        Backend scalar = PelRuntime.defaultRuntime().resolve(ScalarBackend.NAME);
        assertTrue(AnalyticsFamily.ANALYTICS.supports(scalar, DType.F32) && AnalyticsFamily.ANALYTICS.supports(scalar, DType.F64));
        assertSame(ScalarAnalytics.INSTANCE, AnalyticsFamily.ANALYTICS.of(scalar));
        assertEquals("analytics kernels", AnalyticsFamily.ANALYTICS.name());
    }

    @Test
    void anUnknownBackendIsDeclinedByName() {
        Backend other = new Backend() {
            @Override
            public String name() {
                return "gpu-imaginary";
            }

            @Override
            public int maxThreads() {
                return 1;
            }

            @Override
            public String details() {
                return "";
            }

            @Override
            public void close() {
            }
        };
        assertFalse(AnalyticsFamily.ANALYTICS.supports(other, DType.F32));
        assertTrue(AnalyticsFamily.ANALYTICS.whyNot(other, DType.F32).contains("gpu-imaginary"));
        assertThrows(IllegalArgumentException.class, () -> AnalyticsFamily.ANALYTICS.of(other));
    }

    @Test
    void aDeviceWithoutFp64RunsFloatAndDeclinesDoubleWithTheReason() {
        OpenClBackend real = OpenClTestDevice.get();
        try (OpenClBackend noFp64 = OpenClTestDevice.variant(real, "opencl-nofp64-analytics", false, real.info().hostUnifiedMemory())) {
            assertTrue(AnalyticsFamily.ANALYTICS.supports(noFp64, DType.F32));
            assertFalse(AnalyticsFamily.ANALYTICS.supports(noFp64, DType.F64));
            assertNull(AnalyticsFamily.ANALYTICS.whyNot(noFp64, DType.F32));
            String why = AnalyticsFamily.ANALYTICS.whyNot(noFp64, DType.F64);
            assertTrue(why.contains("cl_khr_fp64") && why.contains("opencl-nofp64-analytics"), why);
            AnalyticsSet set = AnalyticsFamily.ANALYTICS.of(noFp64);
            float[] y = new float[4];
            set.scan(4, new float[] {1, 2, 3, 4}, y, false, 1);
            assertArrayEquals(new float[] {1, 3, 6, 10}, y);
            var e = assertThrows(UnsupportedOperationException.class, () -> set.scan(1, new double[] {1}, new double[1], false, 1));
            assertTrue(e.getMessage().contains("cl_khr_fp64"), e.getMessage());
        }
    }
}
