package dev.pel.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.KernelSets;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.DType;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A device without cl_khr_fp64 (many GPUs) runs the float kernels and declines the double ones
 * with the reason. Simulated by a second backend over this machine's device that reports no fp64.
 */
class Fp64LessDeviceTest {
    private static OpenClBackend noFp64;

    @BeforeAll
    static void open() {
        OpenClBackend real = OpenClTestDevice.get();
        noFp64 = OpenClTestDevice.variant(real, "opencl-nofp64-test", false, real.info().hostUnifiedMemory());
    }

    @AfterAll
    static void close() {
        if (noFp64 != null) {
            noFp64.close();
        }
    }

    @Test
    void supportIsDeclaredPerElementType() {
        assertTrue(KernelSets.supports(noFp64, DType.F32));
        assertFalse(KernelSets.supports(noFp64, DType.F64));
        assertNull(KernelSets.whyNot(noFp64, DType.F32));
        String why = KernelSets.whyNot(noFp64, DType.F64);
        assertTrue(why.contains("cl_khr_fp64") && why.contains("opencl-nofp64-test"), why);
    }

    @Test
    void floatKernelsRun() {
        KernelSet set = KernelSets.of(noFp64);
        float[] x = {1, 2, 3, 4, 5};
        float[] y = {10, 20, 30, 40, 50};
        set.axpy(5, 2f, VecF32.heap(x, 0, 1), VecF32.heap(y, 0, 1), 1);
        assertArrayEquals(new float[] {12, 24, 36, 48, 60}, y);
        assertEquals(180f, set.sum(5, VecF32.heap(y, 0, 1), 1));
    }

    @Test
    void doubleKernelsAreDeclinedWithTheReason() {
        KernelSet set = KernelSets.of(noFp64);
        double[] x = {1, 2, 3};
        long programs = noFp64.programBuilds() + noFp64.programCacheHits();
        var e = assertThrows(UnsupportedOperationException.class, () -> set.sum(3, VecF64.heap(x, 0, 1), 1));
        assertTrue(e.getMessage().contains("cl_khr_fp64"), e.getMessage());
        assertEquals(programs, noFp64.programBuilds() + noFp64.programCacheHits(), "no double program was built");
    }
}
