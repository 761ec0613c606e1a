package dev.pel.bench.workload.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.bench.sweep.Contender;
import dev.pel.bench.sweep.Sweep;
import dev.pel.bench.sweep.SweepChart;
import dev.pel.bench.sweep.SweepRow;
import dev.pel.bench.sweep.Timer;
import dev.pel.bench.sweep.Residency;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.Workloads;
import dev.pel.bench.workload.WrongResultException;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every simulation workload through the sweep on every backend, and what their checks and extents promise. */
class SimulationWorkloadsTest {
    private static final List<Long> SIZES = List.of(16L, 1000L);

    /** Every simulation workload at the sizes; checks there is no wrong result and one row per point. */
    private static List<SweepRow> sweep(DType dtype, List<Long> sizes, List<Contender> contenders) {
        Sweep.Plan plan = new Sweep.Plan(List.of(), List.of(dtype), sizes, contenders, new Timer(1, 0), 42, Residency.COPY, false,
                List.copyOf(SimulationWorkloads.all()));
        StringWriter progress = new StringWriter();
        Sweep.Result result = Sweep.run(plan, new PrintWriter(progress, true));
        assertEquals(List.of(), result.wrongResults(), progress.toString());
        assertEquals(plan.points(), result.rows().size(), "one row per point: " + progress);
        return result.rows();
    }

    /**
     * One checked call of every workload at f32 and f64 (where it has the type) on the runtime, untimed: the f64
     * paths, which the timed sweeps below leave out (each timed point costs ~0.3 s of warm-up).
     */
    private static int checkedCalls(PelRuntime runtime, String label) {
        int calls = 0;
        for (SimulationWorkload w : SimulationWorkloads.all()) {
            for (DType t : DType.values()) {
                if (!w.supports(runtime.forcedBackend().orElseThrow(), t)) {
                    continue;
                }
                for (long n : SIZES) {
                    try (Workload.Instance in = w.prepare(t, n, 5)) {
                        KernelCall call = in.bind(runtime);
                        in.verify(call.call(), label);
                        assertEquals(label, PelRuntime.lastCall().backend(), w.name());
                        assertEquals(w.name(), PelRuntime.lastCall().kernel());
                        calls++;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return calls;
    }

    /** The simulation kernels at two small sizes on cpu-scalar, cpu-simd and auto: all right, one row per point. */
    @Test
    void everyWorkloadSweepsOnTheCpuBackendsAndAuto() {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        List<Contender> contenders = new ArrayList<>();
        for (String b : List.of("cpu-scalar", "cpu-simd", "auto")) {
            contenders.add(new Contender.Pel(b, runtime.withBackend(b)));
        }
        List<SweepRow> rows = sweep(DType.F32, SIZES, contenders);
        assertEquals(10 * SIZES.size() * 3, rows.size(), "every kernel at f32");
        for (SweepRow row : rows) {
            if (!row.backend().equals("auto")) {
                assertEquals(row.backend(), row.chosen(), "a forced backend ran the call: " + row);
            }
            assertTrue(row.medianNanos() > 0 && Double.isFinite(row.gflops()) && Double.isFinite(row.gbps()), row.toString());
        }
        for (SimulationWorkload w : SimulationWorkloads.all()) {
            assertEquals(SIZES.size() * 3, rows.stream().filter(r -> r.kernel().equals(w.name())).count(), w.name());
        }
        for (String b : List.of("cpu-scalar", "cpu-simd")) {
            assertEquals(18 * SIZES.size(), checkedCalls(runtime.withBackend(b), b), "8 kernels at f32 and f64, 2 at f32 only");
        }
    }

    /** The integer kernels have no f64 rows, not even under auto (no backend has them at f64). */
    @Test
    void theIntegerKernelsAreSweptAsF32Only() {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        Sweep.Plan plan = new Sweep.Plan(List.of(), List.of(DType.F64), SIZES, List.of(new Contender.Pel("auto", runtime),
                new Contender.Pel("cpu-simd", runtime.withBackend("cpu-simd"))), new Timer(1, 0), 42, Residency.COPY, false,
                List.of(SimulationWorkloads.byName("philox-bits"), SimulationWorkloads.byName("montecarlo-pi")));
        assertEquals(0, plan.points());
    }

    /** The same on the OpenCL device (skipped with the reason without one; a failure under CI=true). */
    @Test
    void everyWorkloadSweepsOnOpenCl() {
        OpenClBackend cl = OpenClTestDevice.get();
        PelRuntime runtime = PelRuntime.defaultRuntime().withBackend(cl.name());
        List<SweepRow> rows = sweep(DType.F32, SIZES, List.of(new Contender.Pel(cl.name(), runtime)));
        assertEquals(10 * SIZES.size(), rows.size());
        assertTrue(rows.stream().allMatch(r -> r.chosen().equals(cl.name())), rows.toString());
        assertEquals((cl.info().fp64() ? 18 : 10) * SIZES.size(), checkedCalls(runtime, cl.name()), "f64 where the device has it");
    }

    /** sweep.png has a panel for workload rows too (the chart takes a workload's metric from its rows). */
    @Test
    void theChartDrawsWorkloadRows(@TempDir Path dir) throws Exception {
        List<SweepRow> rows = List.of(new SweepRow("nbody", "f32", 1024, "cpu-simd", "cpu-simd", 500, 2.5, 0.8),
                new SweepRow("nbody", "f32", 65536, "cpu-simd", "cpu-simd", 2400, 34, 1.4),
                new SweepRow("heat2d", "f32", 65536, "cpu-simd", "cpu-simd", 35000, 13, 14.8),
                new SweepRow("montecarlo-pi", "f32", 65536, "cpu-simd", "cpu-simd", 35000, 13, 0));
        Path png = dir.resolve("sweep.png");
        SweepChart.write(rows, png);
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void theWorkloadsAreRegisteredForTheSweep() {
        for (SimulationWorkload w : SimulationWorkloads.all()) {
            assertTrue(Workloads.all().contains(w), w.name());
            assertEquals(w, Workloads.byName(w.name()));
            assertEquals(w.spec(), Catalogue.all().get(w.name()), "the catalogue's spec of " + w.name());
        }
        assertEquals(Catalogue.simulation(), SimulationWorkloads.all().stream().map(Workload::spec).toList(),
                "one workload per simulation kernel, in catalogue order");
    }

    /** The documented sweep-size mapping: about n cells / elements, n / 16 n-body pairs. */
    @Test
    void sweepSizesMapToTheDocumentedShapes() {
        long[] sizes = {16, 1000, 1024, 65536, 1 << 20, 1 << 24};
        int[][][] expected = {
            {{4, 4}, {31, 32}, {32, 32}, {256, 256}, {1024, 1024}, {4096, 4096}}, // heat2d
            {{2, 2, 4}, {10, 10, 10}, {10, 10, 10}, {40, 40, 40}, {101, 101, 102}, {256, 256, 256}}, // heat3d
            {{2}, {7}, {8}, {64}, {256}, {1024}}, // nbody
            {{16, 5}, {1000, 5}, {1024, 5}, {65536, 5}, {1 << 20, 5}, {1 << 24, 5}}, // convolve1d
            {{4, 4, 5, 5}, {31, 32, 5, 5}, {32, 32, 5, 5}, {256, 256, 5, 5}, {1024, 1024, 5, 5}, {4096, 4096, 5, 5}}, // convolve2d
        };
        for (int k = 0; k < expected.length; k++) {
            SimulationWorkload w = SimulationWorkloads.all().get(k);
            for (int s = 0; s < sizes.length; s++) {
                assertArrayEquals(expected[k][s], w.shape(sizes[s]), w.name() + " at n=" + sizes[s]);
            }
        }
        for (SimulationWorkload w : SimulationWorkloads.all().subList(5, 10)) {
            assertArrayEquals(new int[] {1 << 24}, w.shape(1 << 24), w.name());
            assertArrayEquals(new long[] {1 << 24, 1, 1}, w.extents(1 << 24), w.name());
        }
        assertArrayEquals(new long[] {4096L * 4096, 1, 1}, SimulationWorkloads.byName("heat2d").extents(1 << 24), "(cells, steps)");
        assertArrayEquals(new long[] {1024, 1024, 1}, SimulationWorkloads.byName("nbody").extents(1 << 24), "(bodies, bodies)");
        assertArrayEquals(new long[] {4096L * 4096, 25, 1}, SimulationWorkloads.byName("convolve2d").extents(1 << 24),
                "(pixels, taps)");
        // The work grows about linearly with n: 16x the size, 12x to 20x the flops.
        for (SimulationWorkload w : SimulationWorkloads.all()) {
            long[] a = w.extents(1 << 20);
            long[] b = w.extents(1 << 24);
            double ratio = w.spec().cost().flops(b[0], b[1], b[2]) / w.spec().cost().flops(a[0], a[1], a[2]);
            assertTrue(ratio >= 12 && ratio <= 20, w.name() + ": flops grow " + ratio + "x for 16x the size");
        }
    }

    /** A result the kernel did not write (the outputs start as NaN) or a wrong count is rejected, naming the point. */
    @Test
    void anUnwrittenOrWrongResultIsRejected() {
        for (SimulationWorkload w : SimulationWorkloads.all()) {
            if (w instanceof MonteCarloPiWorkload) {
                continue;
            }
            try (Workload.Instance in = w.prepare(w instanceof PhiloxBitsWorkload ? DType.F32 : DType.F64, 100, 7)) {
                in.bind(PelRuntime.defaultRuntime().withBackend("cpu-scalar")); // bound, not called
                var e = assertThrows(WrongResultException.class, () -> in.verify(0, "nobody"), w.name());
                assertTrue(e.getMessage().startsWith("nobody gave a wrong result for " + w.name()), e.getMessage());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        SimulationWorkload pi = SimulationWorkloads.byName("montecarlo-pi");
        Workload.Instance in = pi.prepare(DType.F32, 1000, 7);
        KernelCall call = in.bind(PelRuntime.defaultRuntime().withBackend("cpu-simd"));
        double hits = call.call();
        in.verify(hits, "cpu-simd");
        var e = assertThrows(WrongResultException.class, () -> in.verify(hits + 1, "someone"));
        assertTrue(e.getMessage().contains("montecarlo-pi f32 shape 1000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pi.prepare(DType.F64, 1000, 7), "no f64 Monte Carlo");
    }
}
