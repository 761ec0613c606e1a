package dev.pel.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepChartTest {

    @Test
    void onePanelPerKernelAndDtypeInAGridWithADtypePerColumn(@TempDir Path dir) throws IOException {
        List<SweepRow> rows = List.of(
                new SweepRow("dot", "f32", 1000, "cpu-simd", "cpu-simd", 100, 20, 80),
                new SweepRow("dot", "f32", 65536, "cpu-simd", "cpu-simd", 5000, 26, 104),
                new SweepRow("dot", "f64", 1000, "peer:ejml", "ejml", 200, 10, 80),
                new SweepRow("axpy", "f32", 1000, "auto", "cpu-simd", 60, 33, 200),
                new SweepRow("axpy", "f64", 1000, "auto", "cpu-simd", 90, 22, 260));
        Path png = dir.resolve("sweep.png");
        SweepChart.write(rows, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * SweepChart.PANEL_WIDTH, image.getWidth());
        assertEquals(2 * SweepChart.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void levelOneKernelsArePlottedInBandwidthAndGemmInFlops() {
        assertFalse(SweepChart.computeBound(List.of(new SweepRow("dot", "f32", 1000, "cpu-simd", "cpu-simd", 100, 20, 80))));
        assertFalse(SweepChart.computeBound(List.of(new SweepRow("axpy", "f64", 1000, "cpu-simd", "cpu-simd", 100, 20, 240))));
        assertTrue(SweepChart.computeBound(List.of(new SweepRow("gemm", "f64", 1 << 20, "cpu-simd", "cpu-simd", 4e7, 50, 0.8))));
    }

    @Test
    void oneLargeSizeAndWorkloadsAreCharted(@TempDir Path dir) throws IOException {
        List<SweepRow> rows = List.of(
                new SweepRow("dot", "f32", 16777216, "cpu-scalar", "cpu-scalar", 1.6e7, 2, 8),
                new SweepRow("kmeans-step", "f32", 16777216, "cpu-simd", "cpu-simd", 1.3e8, 3.2, 1.2),
                new SweepRow("sort", "f32", 16777216, "cpu-simd", "cpu-simd", 7e8, 0, 2.4));
        Path png = dir.resolve("sweep.png");
        SweepChart.write(rows, png);
        assertEquals(3 * SweepChart.PANEL_WIDTH, ImageIO.read(png.toFile()).getWidth());
        assertFalse(SweepChart.computeBound(rows.subList(1, 2)), "2.7 flops per byte");
        assertFalse(SweepChart.computeBound(rows.subList(2, 3)), "no flops");
        assertTrue(SweepChart.computeBound(List.of(
                new SweepRow("fft", "f32", 1024, "cpu-simd", "cpu-simd", 100, 50, 10))), "5 flops per byte");
    }
}
