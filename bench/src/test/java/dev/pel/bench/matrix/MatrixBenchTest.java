package dev.pel.bench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every matrix implementation computes gemm and gemv correctly (checked by the same sample check the sweep uses). */
class MatrixBenchTest {
    @ParameterizedTest
    @ValueSource(strings = {"pel:cpu-simd", "pel:cpu-scalar", "openblas", "ejml", "netlib-vector", "netlib-java"})
    void everyImplementationIsCorrectOnOddShapes(String impl) {
        MatrixImpl m = MatrixSweep.implementations().get(impl);
        Assumptions.assumeTrue(m.unavailableReason().isEmpty(), () -> impl + " unavailable: " + m.unavailableReason().orElse(""));
        for (String kernel : List.of("gemm", "gemv")) {
            for (String dtype : List.of("f32", "f64")) {
                for (String shape : List.of("1", "7x5x3", "33x17x65")) {
                    try (MatrixBench.Prepared p = MatrixBench.prepare(impl, kernel, dtype, shape)) {
                        p.run();
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void sweepPrintsATableWithTheRatioToOpenBlas() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MatrixSweep sweep = new MatrixSweep(0, 0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<MatrixSweep.Row> rows = sweep.run(List.of("gemm"), List.of("f64"), List.of("16"), List.of("pel:cpu-simd", "openblas"));
        sweep.table(rows);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(rows.stream().allMatch(r -> r.gflops() > 0), out);
        assertTrue(out.contains("| gemm | f64 | 16x16x16 | pel:cpu-simd |"), out);
        assertEquals(2, rows.size(), out);
        assertThrows(IllegalArgumentException.class, () -> MatrixBench.prepare("nope", "gemm", "f64", "4"));
    }
}
