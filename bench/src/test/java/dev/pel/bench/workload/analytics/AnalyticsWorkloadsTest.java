package dev.pel.bench.workload.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.bench.sweep.Contender;
import dev.pel.bench.sweep.Residency;
import dev.pel.bench.sweep.Sweep;
import dev.pel.bench.sweep.SweepRow;
import dev.pel.bench.sweep.Timer;
import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.Workloads;
import dev.pel.bench.workload.WrongResultException;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analytics workloads: right on every backend, swept like any workload, and their checks bite. */
class AnalyticsWorkloadsTest {
    /**
     * The sweep's sizes, f32 only. Small on purpose: the sweep's {@link Timer} warms every point up with
     * 20,000 calls (until the JIT is idle) when a call takes under 100 us; f64 and larger sizes are
     * checked directly below, without timing.
     */
    private static final List<Long> SWEPT = List.of(16L, 256L);
    /** Checked directly (one call, no timing): 5000 crosses the kernels' 4096-element blocks; FFT: 4096 points. */
    private static final List<Long> CHECKED = List.of(100L, 5000L);

    @Test
    void theSweepRunsEveryWorkloadOnTheCpuBackendsAndAutoWithoutAWrongResult() {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        Sweep.Plan plan = new Sweep.Plan(List.of(), List.of(DType.F32), SWEPT,
                List.of(new Contender.Pel("cpu-scalar", runtime.withBackend("cpu-scalar")),
                        new Contender.Pel("cpu-simd", runtime.withBackend("cpu-simd")), new Contender.Pel("auto", runtime)),
                new Timer(1, 0), 11, Residency.COPY, false, AnalyticsWorkloads.all());
        assertEquals(12 * 2 * 3, plan.points(), "12 workloads x 2 sizes x 3 contenders");
        StringWriter progress = new StringWriter();
        Sweep.Result result = Sweep.run(plan, new PrintWriter(progress, true));
        assertEquals(List.of(), result.wrongResults(), progress.toString());
        assertEquals(plan.points(), result.rows().size(), progress.toString());
        for (SweepRow r : result.rows()) {
            if (!r.backend().equals("auto")) {
                assertEquals(r.backend(), r.chosen(), "a forced backend ran the call: " + r);
            }
            assertTrue(r.medianNanos() > 0 && r.gbps() > 0, r.toString());
        }
    }

    @Test
    void everyWorkloadIsRightOnTheCpuBackendsAndAuto() {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        checkAll(List.of(runtime.withBackend("cpu-scalar"), runtime.withBackend("cpu-simd"), runtime));
    }

    /** OpenCL calls are checked directly (the sweep's warm-up would make ~20,000 launches per point). */
    @Test
    void everyWorkloadIsRightOnOpenCl() {
        OpenClBackend cl = OpenClTestDevice.get();
        assertEquals(12 * (cl.info().fp64() ? 2 : 1) * CHECKED.size(),
                checkAll(List.of(PelRuntime.defaultRuntime().withBackend(cl.name()))), "f64 only with cl_khr_fp64");
    }

    /** One validated call per workload x type x size x runtime it supports; returns how many. */
    private static int checkAll(List<PelRuntime> runtimes) {
        int checked = 0;
        for (Workload w : AnalyticsWorkloads.all()) {
            for (DType t : List.of(DType.F32, DType.F64)) {
                for (long n : CHECKED) {
                    try (Workload.Instance in = w.prepare(t, n, 13)) {
                        for (PelRuntime r : runtimes) {
                            if (r.forcedBackend().isPresent() && !w.supports(r.forcedBackend().get(), t)) {
                                continue;
                            }
                            String who = r.forcedBackend().map(b -> b.name()).orElse("auto");
                            in.verify(in.bind(r).call(), who);
                            String ran = PelRuntime.lastCall().backend();
                            r.forcedBackend().ifPresent(b -> assertEquals(b.name(), ran, w.name() + " " + t + " n=" + n));
                            checked++;
                        }
                    } catch (Exception e) {
                        if (e instanceof RuntimeException re) {
                            throw re;
                        }
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return checked;
    }

    /** Outputs are poisoned when a call is bound: a backend that writes nothing cannot pass on stale results. */
    @Test
    void aCallThatWritesNothingIsAWrongResult() {
        PelRuntime scalar = PelRuntime.defaultRuntime().withBackend("cpu-scalar");
        for (Workload w : AnalyticsWorkloads.all()) {
            for (DType t : List.of(DType.F32, DType.F64)) {
                try (Workload.Instance in = w.prepare(t, 100, 5)) {
                    in.verify(in.bind(scalar).call(), "cpu-scalar"); // right first (the outputs now hold a result)
                    in.bind(scalar); // poisons again, and is never called
                    var e = assertThrows(WrongResultException.class, () -> in.verify(0, "nobody"), w.name() + " " + t);
                    assertTrue(e.getMessage().startsWith("nobody gave a wrong result for " + w.name() + " " + t.label() + " n=100"),
                            e.getMessage());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void oneWorkloadPerAnalyticsCatalogueEntryRegisteredInTheSweep() {
        List<String> names = AnalyticsWorkloads.all().stream().map(Workload::name).toList();
        assertEquals(Catalogue.ANALYTICS.stream().map(KernelSpec::name).toList(), names);
        assertTrue(Workloads.names().containsAll(names), Workloads.names().toString());
        for (Workload w : AnalyticsWorkloads.all()) {
            assertEquals(w, Workloads.byName(w.name()));
            assertEquals(w.spec(), Catalogue.all().get(w.name()), "the workload's cost is its catalogue entry");
        }
    }

    @Test
    void extentsFollowTheSweepSizeAndTheWorkGrowsAboutLinearly() {
        assertArrayEquals(new long[] {1 << 24, 1 << 20, 1}, AnalyticsWorkloads.byName("spmv").extents(1 << 24));
        assertArrayEquals(new long[] {16, 1, 1}, AnalyticsWorkloads.byName("spmv").extents(16));
        assertArrayEquals(new long[] {10, 1, 1}, AnalyticsWorkloads.byName("spmv").extents(10), "at least one row");
        assertArrayEquals(new long[] {4, 8, 4}, AnalyticsWorkloads.byName("kmeans-step").extents(16));
        assertArrayEquals(new long[] {31, 31, 1}, AnalyticsWorkloads.byName("transpose").extents(1000));
        assertArrayEquals(new long[] {4096, 4096, 1}, AnalyticsWorkloads.byName("transpose").extents(1 << 24));
        assertArrayEquals(new long[] {512, 1, 1}, AnalyticsWorkloads.byName("fft").extents(1000));
        assertArrayEquals(new long[] {2, 1, 1}, AnalyticsWorkloads.byName("fft").extents(1), "one point is no call");
        for (Workload w : AnalyticsWorkloads.all()) {
            long[] small = w.extents(1 << 20);
            long[] large = w.extents(1 << 24);
            double bytes = w.spec().cost().bytes(4, large[0], large[1], large[2])
                    / w.spec().cost().bytes(4, small[0], small[1], small[2]);
            assertTrue(bytes >= 15 && bytes <= 21, w.name() + ": 16x the size moves " + bytes + "x the bytes");
        }
    }
}
