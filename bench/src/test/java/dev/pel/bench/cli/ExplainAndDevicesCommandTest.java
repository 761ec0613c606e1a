package dev.pel.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
