package dev.pel.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.bench.peers.JavaLoopPeer;
import dev.pel.bench.peers.Peer;
import dev.pel.bench.workload.BenchKernel.Array;
import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.KernelCall;
import dev.pel.bench.workload.Operands;
import dev.pel.bench.workload.PelCalls;
import dev.pel.bench.workload.ResidentOperands;
import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.WrongResultException;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClTestDevice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepTest {

    /** A test peer of one kernel: available, named and described. */
    private abstract static class OneKernelPeer implements Peer {
        private final String name;
        private final String details;
        private final BenchKernel kernel;

        OneKernelPeer(String name, String details, BenchKernel kernel) {
            this.name = name;
            this.details = details;
            this.kernel = kernel;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public String details() {
            return details;
        }

        @Override
        public boolean supports(BenchKernel k, DType dtype) {
            return k == kernel;
        }
    }

    /** Fast and wrong: a dot that skips the last element. */
    private static final class SloppyPeer extends OneKernelPeer {
        SloppyPeer() {
            super("sloppy", "drops the last element", BenchKernel.DOT);
        }

        @Override
        public KernelCall bind(BenchKernel kernel, Operands in) {
            double[] x = in.xF64();
            double[] y = in.yF64();
            return () -> {
                double s = 0;
                for (int i = 0; i < x.length - 1; i++) {
                    s += x[i] * y[i];
                }
                return s;
            };
        }
    }

    @Test
    void aWrongResultIsReportedAndNeverTimed() {
        Sweep.Plan plan = new Sweep.Plan(List.of(BenchKernel.DOT, BenchKernel.SUM), List.of(DType.F64), List.of(1000L),
                List.of(new Contender.PeerLibrary(new SloppyPeer()), new Contender.PeerLibrary(new JavaLoopPeer())),
                new Timer(1, 0), 1);
        assertEquals(3, plan.points(), "sloppy has no sum: that point is left out, not faked");

        StringWriter progress = new StringWriter();
        Sweep.Result result = Sweep.run(plan, new PrintWriter(progress, true));

        assertEquals(1, result.wrongResults().size(), progress.toString());
        assertTrue(result.wrongResults().getFirst().startsWith("peer:sloppy gave a wrong result for dot f64 n=1000"),
                result.wrongResults().getFirst());
        assertEquals(List.of("peer:java-loop", "peer:java-loop"), result.rows().stream().map(SweepRow::backend).toList());
        assertTrue(progress.toString().contains("[1/3] dot f64 n=1000 peer:sloppy ... WRONG RESULT"), progress.toString());
    }

    /** A workload whose Pel call sums x and whose peer "half" returns half of it (wrong). */
    private static final class SumWorkload implements Workload {
        @Override
        public String name() {
            return "sum-workload";
        }

        @Override
        public dev.pel.runtime.dispatch.KernelSpec spec() {
            return dev.pel.kernels.Catalogue.SUM;
        }

        @Override
        public long[] extents(long n) {
            return new long[] {n, 1, 1};
        }

        @Override
        public boolean supports(dev.pel.runtime.spi.Backend backend, DType dtype) {
            return backend.host();
        }

        @Override
        public java.util.Set<String> peers() {
            return java.util.Set.of("half");
        }

        @Override
        public Instance prepare(DType dtype, long n, long seed) {
            double[] x = new java.util.SplittableRandom(seed).doubles(n, 0.5, 1.5).toArray();
            double expected = java.util.Arrays.stream(x).sum();
            return new Instance() {
                @Override
                public KernelCall bind(PelRuntime runtime) {
                    return () -> dev.pel.kernels.Reductions.on(runtime).sum(x);
                }

                @Override
                public java.util.Optional<KernelCall> bindPeer(String peer) {
                    return java.util.Optional.of(() -> expected / 2);
                }

                @Override
                public void verify(double result, String who) {
                    if (Math.abs(result - expected) > 1e-9 * expected) {
                        throw new WrongResultException(who + " gave " + result + ", expected " + expected);
                    }
                }
            };
        }
    }

    @Test
    void workloadsAreSweptLikeVectorKernelsAndCheckedFirst() {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        Sweep.Plan plan = new Sweep.Plan(List.of(), List.of(DType.F64), List.of(10L, 1000L),
                List.of(new Contender.Pel("cpu-scalar", runtime.withBackend("cpu-scalar")), new Contender.Pel("auto", runtime),
                        new Contender.WorkloadPeer("half"), new Contender.PeerLibrary(new JavaLoopPeer())),
                new Timer(1, 0), 7, Residency.COPY, false, List.of(new SumWorkload()));
        assertEquals(6, plan.points(), "java-loop has no such workload: left out");
        StringWriter progress = new StringWriter();
        Sweep.Result result = Sweep.run(plan, new PrintWriter(progress, true));
        assertEquals(2, result.wrongResults().size(), progress.toString());
        assertTrue(result.wrongResults().getFirst().startsWith("peer:half gave"), result.wrongResults().getFirst());
        assertEquals(List.of("cpu-scalar", "auto", "cpu-scalar", "auto"), result.rows().stream().map(SweepRow::backend).toList());
        SweepRow big = result.rows().get(2);
        assertEquals("sum-workload", big.kernel());
        assertEquals(1000, big.n());
        assertEquals(8000 / big.medianNanos(), big.gbps(), 1e-9, "bytes from the workload's spec");
    }

    @Test
    void aResidentSweepReportsResidentForPelAndHostForPeers() {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        Sweep.Plan plan = new Sweep.Plan(List.of(BenchKernel.AXPY, BenchKernel.EXP), List.of(DType.F32), List.of(100L),
                List.of(new Contender.Pel("cpu-simd", runtime.withBackend("cpu-simd")),
                        new Contender.PeerLibrary(new JavaLoopPeer())), new Timer(1, 0), 1, Residency.RESIDENT, true);
        StringWriter progress = new StringWriter();
        Sweep.Result result = Sweep.run(plan, new PrintWriter(progress, true));
        assertEquals(List.of(), result.wrongResults(), progress.toString());
        assertEquals(List.of("resident", "host", "resident", "host"), result.rows().stream().map(SweepRow::residency).toList());
        assertTrue(progress.toString().contains("operands x=HOST y=HOST"), progress.toString());
    }

    @Test
    void anOperandTheHostTookBackIsNotResident() {
        OpenClBackend cl = OpenClTestDevice.get();
        Contender.Pel pel = new Contender.Pel(cl.name(), PelRuntime.defaultRuntime().withBackend(cl.name()));
        Operands in = Operands.generate(DType.F32, 1000, 1);
        try (ResidentOperands r = ResidentOperands.allocate(BenchKernel.AXPY, in)) {
            r.load();
            PelCalls.bind(BenchKernel.AXPY, r, pel.runtime()).call();
            assertEquals("x=BOTH y=DEVICE", Sweep.requireResident(BenchKernel.AXPY, in, r, pel, "now"));
            r.f32(Array.Y).set(0, 1f); // a host write: the device copy of y is stale
            var e = assertThrows(IllegalStateException.class, () -> Sweep.requireResident(BenchKernel.AXPY, in, r, pel, "now"));
            assertTrue(e.getMessage().contains("operand y is on the host"), e.getMessage());
        }
    }

    /** A sum that takes 1, 1 and 2 ms in turn (and returns the right result): samples in two groups. */
    private static final class TwoSpeedPeer extends OneKernelPeer {
        private long calls;

        TwoSpeedPeer() {
            super("two-speed", "1, 1, 2 ms per call in turn", BenchKernel.SUM);
        }

        @Override
        public KernelCall bind(BenchKernel kernel, Operands in) {
            double[] x = in.xF64();
            return () -> {
                long until = System.nanoTime() + (calls++ % 3 == 2 ? 2_000_000 : 1_000_000);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                double s = 0;
                for (double v : x) {
                    s += v;
                }
                return s;
            };
        }
    }

    @Test
    void aPointWhoseSamplesSpreadWidelyGetsMoreRoundsUpToItsBound() {
        // Three samples per block: whatever call the first sample starts at, a block times calls of each residue
        // modulo 3 (a sample is one untimed call and one timed), so each block holds a 2 ms sample among 1 ms ones.
        Sweep.Plan plan = new Sweep.Plan(List.of(BenchKernel.SUM), List.of(DType.F64), List.of(1000L),
                List.of(new Contender.PeerLibrary(new TwoSpeedPeer())), new Timer(3, 0), 1);
        StringWriter progress = new StringWriter();
        Sweep.Result result = Sweep.run(plan, new PrintWriter(progress, true));
        assertEquals(List.of(), result.wrongResults(), progress.toString());
        assertTrue(progress.toString().contains("[" + 3 * Timer.MAX_BLOCKS + " samples, spread"), progress.toString());
    }

    @Test
    void roundOrdersPutEveryContenderAfterEveryOtherEquallyOftenAndInEveryPlace() {
        assertEquals(0, Sweep.roundOrder(0, 3).length, "no contender, no order");
        for (int n = 1; n <= 9; n++) {
            int rounds = n % 2 == 0 ? n : 2 * n;
            int[][] after = new int[n][n];
            int[][] place = new int[n][n];
            for (int r = 0; r < rounds; r++) {
                int[] order = Sweep.roundOrder(n, r);
                assertEquals(n, java.util.Arrays.stream(order).distinct().count(), "n=" + n + " round " + r + ": a permutation");
                for (int j = 0; j < n; j++) {
                    place[order[j]][j]++;
                    if (j > 0) {
                        after[order[j - 1]][order[j]]++;
                    }
                }
                assertArrayEquals(order, Sweep.roundOrder(n, r + rounds), "n=" + n + ": the design repeats");
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    assertEquals(rounds / n, place[a][b], "n=" + n + ": contender " + a + " in place " + b);
                    assertEquals(a == b ? 0 : rounds / n, after[a][b], "n=" + n + ": " + b + " right after " + a);
                }
            }
        }
    }
}
