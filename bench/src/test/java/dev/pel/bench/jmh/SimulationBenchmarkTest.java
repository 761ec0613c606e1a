package dev.pel.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.PelRuntime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulation benchmark's trial setup, called directly as JMH would (one trial each). */
class SimulationBenchmarkTest {

    private static SimulationBenchmark bench(String kernel, String backend, String dtype) {
        SimulationBenchmark b = new SimulationBenchmark();
        b.kernel = kernel;
        b.backend = backend;
        b.dtype = dtype;
        return b;
    }

    @Test
    void everyKernelParameterHasAProblem() throws Exception {
        String[] params = SimulationBenchmark.class.getField("kernel").getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
        assertEquals(SimulationBenchmark.PROBLEMS.keySet(), new HashSet<>(Arrays.asList(params)));
        Set<String> kernels = new HashSet<>();
        SimulationBenchmark.PROBLEMS.values().forEach(p -> kernels.add(p.workload().name()));
        assertEquals(10, kernels.size(), "every simulation kernel has a problem: " + kernels);
        assertEquals(101 * 101 * 101, SimulationBenchmark.PROBLEMS.get("heat3d").workload()
                .extentsOf(SimulationBenchmark.PROBLEMS.get("heat3d").shape())[0]);
    }

    @Test
    void setupChecksTheForcedBackendsResult() throws Exception {
        SimulationBenchmark b = bench("montecarlo-pi", "cpu-simd", "f32");
        b.setUp();
        try {
            double hits = b.simulation();
            assertTrue(hits > 0.7 * (1 << 20) && hits < 0.86 * (1 << 20), "about pi/4 of the samples hit: " + hits);
            assertEquals("cpu-simd", PelRuntime.lastCall().backend());
        } finally {
            b.tearDown();
        }
        SimulationBenchmark heat = bench("heat3d", "cpu-simd", "f64");
        heat.setUp();
        try {
            heat.simulation();
            assertEquals("heat3d", PelRuntime.lastCall().kernel());
        } finally {
            heat.tearDown();
        }
    }

    @Test
    void anIntegerKernelAtF64FailsTheTrialWithTheReason() {
        var e = assertThrows(IllegalStateException.class, () -> bench("philox-bits", "cpu-scalar", "f64").setUp());
        assertTrue(e.getMessage().contains("has no f64 variant"), e.getMessage());
    }
}
