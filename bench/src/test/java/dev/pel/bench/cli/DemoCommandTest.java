package dev.pel.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void aTinyDemoPrintsEveryPhaseAndWritesAPicture(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path png = dir.resolve("out/heat.png");
        CommandLineRun run = CommandLineRun.of("demo", "--size", "64", "--steps", "10", "--seed", "3", "--out", png.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        String out = run.out();
        for (String phase : List.of("initial field", "simulate", "statistics", "histogram", "hot regions", "picture")) {
            assertTrue(out.contains("\n" + phase + ": "), phase + " missing\n" + run.transcript());
        }
        for (String kernel : List.of("heat2d", "mean", "variance", "min", "max", "histogram", "compact-index", "kmeans-step")) {
            Matcher m = Pattern.compile("(?m)^    " + kernel + " +f32 n=[0-9,]+.*  on (\\S+) x(\\d+), ").matcher(out);
            assertTrue(m.find(), kernel + ": no call line with its backend\n" + run.transcript());
            assertTrue(Integer.parseInt(m.group(2)) >= 1, run.transcript());
        }
        assertTrue(out.contains("counted 4,096 of 4,096"), "the histogram's range is [min, max]: every cell counted\n" + out);
        assertTrue(Pattern.compile("crc32 [0-9a-f]{8} \\(the same bits").matcher(out).find(), out);
        assertTrue(out.contains("\ndone: ") && out.contains("total "), out);
        assertTrue(Files.size(png) > 0, "no picture at " + png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "the picture does not decode as an image");
        assertEquals(64, img.getWidth());
        assertEquals(64, img.getHeight());
        assertTrue(img.getRGB(0, 0) != img.getRGB(32, 32) || img.getRGB(10, 10) != img.getRGB(50, 50),
                "the picture is one flat colour");
    }

    @Test
    void theSameSeedGivesTheSameField(@TempDir Path dir) {
        CommandLineRun a = CommandLineRun.of("demo", "--size", "32", "--steps", "3", "--seed", "5", "--out",
                dir.resolve("a.png").toString());
        CommandLineRun b = CommandLineRun.of("demo", "--size", "32", "--steps", "3", "--seed", "5", "--out",
                dir.resolve("b.png").toString());
        assertEquals(0, a.exitCode(), a.transcript());
        assertEquals(simulationCrc(a.out()), simulationCrc(b.out()), "the same seed gives the same field\n" + a.out() + b.out());
    }

    @Test
    void aGridTooSmallIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("demo", "--size", "8");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--size: must be in [16, "), run.transcript());
    }

    private static String simulationCrc(String out) {
        Matcher m = Pattern.compile("sum\\(T\\) \\S+, crc32 ([0-9a-f]{8})").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }
}
