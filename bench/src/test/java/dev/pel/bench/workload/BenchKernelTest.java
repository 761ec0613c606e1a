package dev.pel.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BenchKernelTest {
    private static final long SEED = 7;

    @ParameterizedTest
    @EnumSource(BenchKernel.class)
    void pelOnEveryAvailableBackendPassesValidation(BenchKernel kernel) {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        for (String backend : runtime.backends().keySet()) {
            for (DType dtype : DType.values()) {
                for (int n : new int[] {1, 17, 1003}) {
                    Operands in = Operands.generate(dtype, n, SEED);
                    kernel.verify(in, PelCalls.bind(kernel, in, runtime.withBackend(backend)).call(), backend);
                    assertEquals(backend, PelRuntime.lastCall().backend());
                }
            }
        }
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
        assertTrue(e.getMessage().contains("at index 0"), e.getMessage());
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
