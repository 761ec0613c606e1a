package dev.pel.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.bench.workload.BenchKernel.Array;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.NativeArray.Where;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import dev.pel.runtime.spi.Backend;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BenchKernelTest {
    private static final long SEED = 7;

    @ParameterizedTest
    @EnumSource(BenchKernel.class)
    void pelOnEveryAvailableBackendPassesValidation(BenchKernel kernel) {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        for (Backend backend : runtime.backends().values()) {
            for (DType dtype : DType.values()) {
                if (!dev.pel.kernels.KernelSets.supports(backend, dtype)) {
                    continue;
                }
                for (int n : new int[] {1, 17, 1003}) {
                    Operands in = Operands.generate(dtype, n, SEED);
                    kernel.verify(in, PelCalls.bind(kernel, in, runtime.withBackend(backend.name())).call(), backend.name(),
                            Accuracy.of(backend));
                    assertEquals(backend.name(), PelRuntime.lastCall().backend());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BenchKernel.class)
    void pelOnEveryAvailableBackendPassesValidationOnResidentOperands(BenchKernel kernel) {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        for (Backend backend : runtime.backends().values()) {
            for (DType dtype : DType.values()) {
                if (!dev.pel.kernels.KernelSets.supports(backend, dtype)) {
                    continue;
                }
                for (int n : new int[] {1, 17, 1003}) {
                    Operands in = Operands.generate(dtype, n, SEED);
                    try (ResidentOperands r = ResidentOperands.allocate(kernel, in)) {
                        r.load();
                        double result = PelCalls.bind(kernel, r, runtime.withBackend(backend.name())).call();
                        assertEquals(backend.name(), PelRuntime.lastCall().backend());
                        r.store();
                        kernel.verify(in, result, backend.name() + " (resident)", Accuracy.of(backend));
                    }
                }
            }
        }
    }

    @Test
    void residentOperandsStayOnTheDeviceUntilTheHostReadsThem() {
        OpenClBackend cl = OpenClTestDevice.get();
        PelRuntime runtime = PelRuntime.defaultRuntime().withBackend(cl.name());
        Operands in = Operands.generate(DType.F32, 4099, SEED);
        try (ResidentOperands r = ResidentOperands.allocate(BenchKernel.AXPY, in)) {
            r.load();
            assertEquals(Map.of(Array.X, Where.HOST, Array.Y, Where.HOST), r.where());
            KernelCall call = PelCalls.bind(BenchKernel.AXPY, r, runtime);
            call.call();
            assertEquals(Map.of(Array.X, Where.BOTH, Array.Y, Where.DEVICE), r.where(), "x read, y written on the device");
            r.store();
            assertEquals(Map.of(Array.X, Where.BOTH, Array.Y, Where.BOTH), r.where(), "reading y brought it back");
            BenchKernel.AXPY.verify(in, 0, cl.name(), Accuracy.OPENCL);
        }
    }

    @Test
    void anExpAFewUlpOffPassesOnlyWhereTheDevicePromisesThatMuch() {
        Operands in = Operands.generate(DType.F32, 3, SEED);
        float[] out = in.outF32();
        for (int i = 0; i < out.length; i++) {
            float exact = (float) StrictMath.exp(in.xOriginal(i));
            out[i] = Math.nextUp(Math.nextUp(Math.nextUp(exact))); // 3 ulp: within OpenCL's bound, not the CPU's
        }
        var e = assertThrows(WrongResultException.class, () -> BenchKernel.EXP.verify(in, 0, "cpu", Accuracy.HOST));
        assertTrue(e.getMessage().contains("out[0]") && e.getMessage().contains("2 ulp"), e.getMessage());
        BenchKernel.EXP.verify(in, 0, "opencl", Accuracy.OPENCL);
    }

    @Test
    void anElementWiseKernelThatLeavesAnElementUnwrittenIsCaught() {
        Operands in = Operands.generate(DType.F64, 10, SEED);
        double[] out = in.outF64();
        for (int i = 0; i < out.length - 1; i++) {
            out[i] = in.xOriginal(i) + in.yOriginal(i);
        }
        var e = assertThrows(WrongResultException.class, () -> BenchKernel.ADD.verify(in, 0, "lazy"));
        assertTrue(e.getMessage().contains("out[9]") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void iamaxMustBeTheFirstLargestIndexExactly() {
        Operands in = Operands.generate(DType.F64, 100, SEED);
        int best = 0;
        for (int i = 1; i < in.n(); i++) {
            if (Math.abs(in.xOriginal(i)) > Math.abs(in.xOriginal(best))) {
                best = i;
            }
        }
        BenchKernel.IAMAX.verify(in, best, "right");
        int wrong = best == 0 ? 1 : best - 1;
        assertThrows(WrongResultException.class, () -> BenchKernel.IAMAX.verify(in, wrong, "off by one"));
    }

    @Test
    void aDotThatDropsTheLastElementIsCaught() {
        Operands in = Operands.generate(DType.F32, 1000, SEED);
        float[] x = in.xF32();
        float[] y = in.yF32();
        double wrong = 0;
        for (int i = 0; i < x.length - 1; i++) {
            wrong += (double) x[i] * y[i];
        }
        double result = wrong;
        var e = assertThrows(WrongResultException.class, () -> BenchKernel.DOT.verify(in, result, "broken"));
        assertTrue(e.getMessage().contains("broken") && e.getMessage().contains("dot f32 n=1000")
                && e.getMessage().contains("seed 7"), e.getMessage());
    }

    @Test
    void anAxpyThatWritesNothingIsCaughtAtTheFirstElement() {
        Operands in = Operands.generate(DType.F64, 100, SEED);
        var e = assertThrows(WrongResultException.class, () -> BenchKernel.AXPY.verify(in, 0, "lazy"));
        assertTrue(e.getMessage().contains("y[0]"), e.getMessage());
    }

    @Test
    void aNanResultIsNeverWithinTolerance() {
        Operands in = Operands.generate(DType.F64, 10, SEED);
        assertThrows(WrongResultException.class, () -> BenchKernel.SUM.verify(in, Double.NaN, "nan"));
    }

    @Test
    void resetRestoresTheGeneratedValuesAndTheScaleSequence() {
        Operands in = Operands.generate(DType.F32, 5, SEED);
        double first = in.nextScale();
        in.xF32()[3] = 42;
        in.reset();
        assertEquals(in.xOriginal(3), in.x(3));
        assertEquals(first, in.nextScale());
        assertEquals(1 / Operands.SCALE, in.nextScale());
    }

    @Test
    void unknownKernelNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> BenchKernel.parse("gemm"));
        assertTrue(e.getMessage().contains("dot, axpy"), e.getMessage());
    }
}
