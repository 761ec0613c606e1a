package dev.pel.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.bench.peers.Peer;
import dev.pel.bench.peers.Peers;
import dev.pel.bench.sweep.SweepCsv;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void headerIsExactlyTheDocumentedOne() {
        assertEquals("kernel,dtype,n,backend,chosen,median_ns,gflops,gbps", SweepCsv.HEADER);
    }

    @Test
    void tinySweepWritesOneRowPerBackendAndPeerAndAChart() throws IOException {
        CommandLineRun run = CommandLineRun.of("sweep", "--kernels", "dot", "--dtypes", "f32", "--sizes", "1000",
                "--reps", "3", "--warmup-ms", "1", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.transcript());

        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(SweepCsv.HEADER, lines.getFirst());
        PelRuntime runtime = PelRuntime.defaultRuntime();
        List<String> expected = new ArrayList<>(runtime.backends().keySet());
        expected.add("auto");
        for (Peer p : Peers.all()) {
            if (p.unavailableReason().isEmpty()) {
                expected.add("peer:" + p.name());
            }
        }
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        assertEquals(expected, rows.stream().map(r -> r[3]).toList(), run.transcript());
        for (String[] r : rows) {
            assertEquals(8, r.length, Arrays.toString(r));
            assertEquals("dot", r[0]);
            assertEquals("f32", r[1]);
            assertEquals("1000", r[2]);
            assertTrue(Double.parseDouble(r[5]) > 0, "median_ns of " + Arrays.toString(r));
            if (r[3].equals("auto")) {
                assertTrue(runtime.backends().containsKey(r[4]), "auto chose an available backend: " + r[4]);
            } else if (!r[3].startsWith("peer:")) {
                assertEquals(r[3], r[4], "a forced backend is the one that ran");
            }
        }

        Path png = dir.resolve("sweep.png");
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), PNG_MAGIC.length);
        assertArrayEquals(PNG_MAGIC, head);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    }

    @Test
    void unknownKernelIsAUsageErrorNamingTheKnownOnes() {
        CommandLineRun run = CommandLineRun.of("sweep", "--kernels", "dot,nope", "--out", dir.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("unknown kernel 'nope'") && run.err().contains("axpy"), run.transcript());
        assertTrue(Files.notExists(dir.resolve("sweep.csv")));
    }

    @Test
    void unknownBackendIsAUsageErrorNamingTheAvailableOnes() {
        CommandLineRun run = CommandLineRun.of("sweep", "--backends", "cpu-quantum", "--out", dir.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("cpu-quantum") && run.err().contains("cpu-scalar"), run.transcript());
    }

    @Test
    void unknownPeerIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("sweep", "--peers", "numpy", "--out", dir.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("unknown peer 'numpy'") && run.err().contains("ejml"), run.transcript());
    }

    @Test
    void badSizeIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("sweep", "--sizes", "0", "--out", dir.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--sizes"), run.transcript());
    }

    @Test
    void theResidencyColumnIsThereOnlyWhenAskedFor() throws IOException {
        Path without = dir.resolve("without");
        CommandLineRun run = CommandLineRun.of("sweep", "--kernels", "sum", "--dtypes", "f64", "--sizes", "100",
                "--backends", "cpu-scalar", "--peers", "java-loop", "--reps", "1", "--warmup-ms", "0", "--out", without.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        List<String> lines = Files.readAllLines(without.resolve("sweep.csv"));
        assertEquals(SweepCsv.HEADER, lines.getFirst());
        assertEquals(3, lines.size(), run.transcript());
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(8, line.split(",", -1).length, line);
        }

        for (String mode : new String[] {"copy", "resident"}) {
            Path with = dir.resolve(mode);
            run = CommandLineRun.of("sweep", "--kernels", "sum", "--dtypes", "f64", "--sizes", "100", "--backends",
                    "cpu-scalar", "--peers", "java-loop", "--reps", "1", "--warmup-ms", "0", "--residency", mode, "--out",
                    with.toString());
            assertEquals(0, run.exitCode(), run.transcript());
            lines = Files.readAllLines(with.resolve("sweep.csv"));
            assertEquals("kernel,dtype,n,backend,chosen,median_ns,gflops,gbps,residency", lines.getFirst());
            List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
            assertEquals(List.of("cpu-scalar", "peer:java-loop"), rows.stream().map(r -> r[3]).toList(), run.transcript());
            assertEquals(List.of(mode, "host"), rows.stream().map(r -> r[8]).toList(), run.transcript());
        }
    }

    @Test
    void unknownResidencyIsAUsageErrorNamingTheModes() {
        CommandLineRun run = CommandLineRun.of("sweep", "--residency", "pinned", "--backends", "cpu-scalar", "--peers", "none",
                "--out", dir.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--residency") && run.err().contains("pinned") && run.err().contains("copy")
                && run.err().contains("resident"), run.transcript());
        assertTrue(Files.notExists(dir.resolve("sweep.csv")));
    }

    /** Skipped with the probe's reason where there is no OpenCL device, failed instead when CI=true. */
    @Test
    void tinyResidentSweepOnOpenClKeepsTheOperandsOnTheDevice() throws IOException {
        OpenClBackend cl = OpenClTestDevice.get();
        CommandLineRun run = CommandLineRun.of("sweep", "--kernels", "axpy,dot,exp", "--dtypes", "f32", "--sizes", "1000",
                "--backends", "opencl", "--peers", "none", "--residency", "resident", "--reps", "2", "--warmup-ms", "1",
                "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(SweepCsv.HEADER + ",residency", lines.getFirst());
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        assertEquals(List.of("axpy", "dot", "exp"), rows.stream().map(r -> r[0]).toList(), run.transcript());
        for (String[] r : rows) {
            assertEquals("opencl", r[3], Arrays.toString(r));
            assertEquals(cl.name(), r[4], "the alias resolves to the device: " + Arrays.toString(r));
            assertEquals("resident", r[8], Arrays.toString(r));
            assertTrue(Double.parseDouble(r[5]) > 0, Arrays.toString(r));
        }
        // The progress line reports where the operands were while timed: on the device, not only on the host.
        assertTrue(run.err().contains("axpy f32 n=1000 opencl") && run.err().contains("y=DEVICE"), run.transcript());
    }

    @Test
    void unavailableBackendIsAUsageErrorWithTheProbesReason() {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        var declined = runtime.probes().stream().filter(p -> !p.isAvailable()).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(declined.isPresent(), "every probe is available here");
        CommandLineRun run = CommandLineRun.of("sweep", "--backends", declined.get().name(), "--out", dir.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains(declined.get().reason().orElseThrow()), run.transcript());
    }
}
