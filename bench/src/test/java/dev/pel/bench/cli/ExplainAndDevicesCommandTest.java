package dev.pel.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.bench.peers.JavaLoopPeer;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import dev.pel.runtime.spi.Backend;
import dev.pel.runtime.spi.Probe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainAndDevicesCommandTest {

    @Test
    void explainPrintsTheRuntimesChoice() {
        CommandLineRun run = CommandLineRun.of("explain", "dot", "--dtype", "f32", "--n", "1000000");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("explain dot f32 n=1000000"), run.transcript());
        assertTrue(run.out().contains("choice: "), run.transcript());
    }

    @Test
    void explainOfAnUnknownKernelListsTheKnownOnesWithExitCode2() {
        CommandLineRun run = CommandLineRun.of("explain", "dott");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("unknown kernel 'dott'") && run.err().contains("sigmoid"), run.transcript());
    }

    @Test
    void explainRejectsAnUnknownDtype() {
        CommandLineRun run = CommandLineRun.of("explain", "sum", "--dtype", "f16");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("f16"), run.transcript());
    }

    @Test
    void devicesListsHardwareThenEveryProbe() {
        CommandLineRun run = CommandLineRun.of("devices");
        assertEquals(0, run.exitCode(), run.transcript());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("hardware: "), run.transcript());
        assertTrue(lines[1].matches("backend cpu-scalar +available .*"), run.transcript());
    }

    @Test
    void noCommandIsAUsageError() {
        CommandLineRun run = CommandLineRun.of();
        assertEquals(2, run.exitCode(), run.transcript());
    }

    @Test
    void devicesShowsTheOpenClDevicesDetails() {
        OpenClBackend cl = OpenClTestDevice.get();
        CommandLineRun run = CommandLineRun.of("devices");
        assertEquals(0, run.exitCode(), run.transcript());
        String line = run.out().lines().filter(l -> l.startsWith("backend " + cl.name() + " ")).findFirst().orElse(null);
        assertTrue(line != null && line.matches("backend opencl:\\d+ +available .*"), run.transcript());
        for (String field : new String[] {"platform ", "vendor ", cl.info().type(), " CUs @ ", " MHz", "global ", "local ",
            "max alloc ", "fp64 ", "memory", "driver "}) {
            assertTrue(line.contains(field), "'" + field + "' in " + line);
        }
        assertTrue(line.contains(cl.info().driverVersion()), line);
    }

    /** What a machine without OpenCL prints: the declined probe, with its reason, in probing order. */
    @Test
    void aDeclinedProbePrintsItsReason() {
        Probe scalar = PelRuntime.defaultRuntime().probes().getFirst();
        String reason = "no OpenCL platform: clGetPlatformIDs returned CL_PLATFORM_NOT_FOUND_KHR (-1001) with 0 platforms;"
                + " install a driver (e.g. Debian's pocl-opencl-icd for the CPU, or the GPU vendor's)";
        StringWriter text = new StringWriter();
        DevicesCommand.print(new PrintWriter(text, true), "2 cores", List.of(scalar, Probe.declined("opencl", reason)),
                List.of(new JavaLoopPeer()));
        List<String> lines = text.toString().lines().toList();
        assertEquals(4, lines.size(), text.toString());
        assertEquals("hardware: 2 cores", lines.get(0));
        assertTrue(lines.get(1).startsWith("backend cpu-scalar     available  "), lines.get(1));
        assertEquals("backend opencl         declined   " + reason, lines.get(2));
        assertTrue(lines.get(3).startsWith("peer    java-loop      available  "), lines.get(3));
    }

    @Test
    void anAvailableBackendWithAnAliasNamesIt() {
        Backend fake = new Backend() {
            @Override
            public String name() {
                return "opencl:3";
            }

            @Override
            public List<String> aliases() {
                return List.of("opencl");
            }

            @Override
            public int maxThreads() {
                return 1;
            }

            @Override
            public String details() {
                return "Fake GPU | platform Fake 3.0";
            }

            @Override
            public void close() {
            }
        };
        assertEquals("backend opencl:3       available  (alias opencl) Fake GPU | platform Fake 3.0",
                DevicesCommand.probeLine(Probe.available(fake)));
    }
}
