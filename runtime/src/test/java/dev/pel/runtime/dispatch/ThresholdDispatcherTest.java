package dev.pel.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.spi.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The threshold rule as a table, on stand-in backends (it only looks at names and thread counts). */
class ThresholdDispatcherTest {
    private static final KernelSpec AXPY = new KernelSpec("axpy", 2, 3);

    record Fake(String name, int maxThreads) implements Backend {
        @Override
        public String details() {
            return "fake " + name;
        }

        @Override
        public void close() {
        }
    }

    private final Backend scalar = new Fake("cpu-scalar", 1);
    private final Backend simd = new Fake("cpu-simd", 4);
    private final Backend gpu = new Fake("opencl:0", 1);
    private final ThresholdDispatcher rule = new ThresholdDispatcher(
            PelConfig.builder().simdMinElements(16).parallelMinBytes(1200).build());

    @Test
    void smallCallsRunOnTheScalarReference() {
        Decision d = rule.decide(AXPY, DType.F32, 15, List.of(scalar, simd));
        assertSame(scalar, d.backend());
        assertEquals(1, d.threads());
        assertTrue(d.reason().contains("simdMinElements=16"), d.reason());
        assertSame(simd, rule.decide(AXPY, DType.F32, 16, List.of(scalar, simd)).backend());
    }

    @Test
    void callsMovingEnoughBytesUseAllThreads() {
        // axpy f32 moves 12 bytes per element: 99 elements = 1188 bytes, 100 = 1200
        Decision one = rule.decide(AXPY, DType.F32, 99, List.of(scalar, simd));
        assertSame(simd, one.backend());
        assertEquals(1, one.threads());
        assertTrue(one.reason().contains("parallelMinBytes=1200"), one.reason());
        Decision all = rule.decide(AXPY, DType.F32, 100, List.of(scalar, simd));
        assertEquals(4, all.threads());
        assertEquals(4, rule.decide(AXPY, DType.F64, 50, List.of(scalar, simd)).threads(), "f64 moves twice the bytes");
        assertEquals(1, rule.decide(AXPY, DType.F64, 49, List.of(scalar, simd)).threads());
    }

    @Test
    void withoutSimdEverythingRunsOnTheScalarReference() {
        Decision d = rule.decide(AXPY, DType.F32, 1 << 20, List.of(scalar, gpu));
        assertSame(scalar, d.backend());
        assertEquals(1, d.threads());
        assertTrue(d.reason().contains("cpu-simd is not available"), d.reason());
        assertSame(gpu, rule.decide(AXPY, DType.F32, 10, List.of(gpu)).backend(), "the only candidate");
    }

    @Test
    void withoutScalarSmallCallsGoToSimd() {
        Decision d = rule.decide(AXPY, DType.F32, 1, List.of(simd));
        assertSame(simd, d.backend());
        assertEquals(1, d.threads());
        Backend oneThread = new Fake("cpu-simd", 1);
        assertEquals(1, rule.decide(AXPY, DType.F64, 1 << 20, List.of(oneThread)).threads());
    }

    @Test
    void explainPrintsTheRuleTheSizeAndEveryCandidate() {
        List<String> lines = rule.explain(AXPY, DType.F32, 1000, List.of(scalar, simd));
        assertTrue(lines.get(0).contains("16") && lines.get(0).contains("1200"), lines.get(0));
        assertTrue(lines.get(1).contains("axpy f32 n=1000: 12000 bytes, 2000 flops"), lines.get(1));
        assertTrue(lines.get(2).contains("cpu-scalar") && lines.get(3).contains("cpu-simd"), lines.toString());
    }

    @Test
    void kernelSpecsCountBytesAndFlops() {
        assertEquals(12L * 1000, AXPY.bytes(DType.F32, 1000));
        assertEquals(2000, AXPY.flops(1000));
        assertThrows(IllegalArgumentException.class, () -> new KernelSpec("bad", -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new KernelSpec("bad", 1, -1));
        assertThrows(NullPointerException.class, () -> new KernelSpec(null, 1, 1));
    }
}
