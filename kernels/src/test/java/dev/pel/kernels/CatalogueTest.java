package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.kernels.cpu.ScalarKernelSet;
import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.spi.Backend;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The catalogue describes every kernel once; KernelSets maps backends to their implementations. */
class CatalogueTest {

    @Test
    void everyKernelIsListedOnceWithItsTraffic() {
        Map<String, KernelSpec> all = Catalogue.all();
        Set<String> expected = new HashSet<>(Set.of("axpy", "scal", "copy", "swap", "dot", "nrm2", "asum", "iamax", "sum", "mean",
                "variance", "min", "max", "fma", "fma-scalar", "clamp"));
        for (BinaryOp op : BinaryOp.values()) {
            expected.add(op.kernelName());
            expected.add(op.kernelName() + "-scalar");
            assertSame(all.get(op.kernelName()), Catalogue.of(op));
            assertSame(all.get(op.kernelName() + "-scalar"), Catalogue.ofScalar(op));
        }
        for (UnaryOp op : UnaryOp.values()) {
            expected.add(op.kernelName());
            assertSame(all.get(op.kernelName()), Catalogue.of(op));
        }
        // Simulation kernels (the Simulation facade).
        expected.addAll(Set.of("heat2d", "heat3d", "nbody", "convolve1d", "convolve2d", "philox-bits", "uniform", "normal",
                "montecarlo-pi", "blackscholes"));
        for (KernelSpec k : Catalogue.ANALYTICS) { // analytics kernels
            expected.add(k.name());
        }
        expected.addAll(Catalogue.linalg().keySet()); // dense linear algebra
        assertEquals(expected, all.keySet());
        all.forEach((name, spec) -> assertEquals(name, spec.name()));
        assertEquals(3 * 4L * 10, Catalogue.AXPY.bytes(DType.F32, 10), "axpy reads x and y and writes y");
        assertEquals(4 * 8L * 10, Catalogue.SWAP.bytes(DType.F64, 10), "swap reads and writes both");
        assertEquals(2, Catalogue.DOT.flops(1));
        assertThrows(UnsupportedOperationException.class, () -> all.put("x", Catalogue.AXPY));
    }

    @Test
    void kernelSetsKnowTheCpuBackends() {
        Backend scalar = PelRuntime.defaultRuntime().resolve(ScalarBackend.NAME);
        assertTrue(KernelSets.supports(scalar, DType.F32) && KernelSets.supports(scalar, DType.F64));
        assertSame(KernelSets.of(scalar), KernelSets.of(scalar), "one kernel set for the reference");
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
        assertFalse(KernelSets.supports(other, DType.F32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelSets.of(other));
        assertTrue(e.getMessage().startsWith("backend:") && e.getMessage().contains("gpu-imaginary"), e.getMessage());

        Backend simd = PelRuntime.defaultRuntime().backend(SimdBackend.NAME).orElse(null);
        Assumptions.assumeTrue(simd != null, "cpu-simd declined");
        assertTrue(KernelSets.supports(simd, DType.F64));
        assertNotNull(KernelSets.of(simd));
        assertSame(KernelSets.of(simd), KernelSets.of(simd), "one kernel set per backend instance");
    }
}
