package dev.pel.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.DType;
import dev.pel.runtime.spi.Backend;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The cost model on synthetic backends and rates: its predictions, its choices, and how measured
 * times (simulated here, never timed) correct a wrong model at a bounded cost.
 */
class CostModelTest {
    static final KernelSpec SUM = new KernelSpec("sum", 1, 1);
    static final KernelSpec GEMM = new KernelSpec("gemm", new KernelSpec.Cost() {
        @Override
        public double flops(long m, long n, long k) {
            return 2.0 * m * n * k;
        }

        @Override
        public double bytes(int elementBytes, long m, long n, long k) {
            return (double) elementBytes * (m * k + k * n + 2 * m * n);
        }
    });

    /** A backend that runs nothing: the model only needs its name, threads and memory. */
    record FakeBackend(String name, int maxThreads, boolean host, boolean sharesHostMemory) implements Backend {
        @Override
        public String details() {
            return name;
        }

        @Override
        public void close() {
        }
    }

    final FakeBackend cpu = new FakeBackend("cpu", 2, true, true);
    final FakeBackend gpu = new FakeBackend("gpu", 1, false, false);
    final CostModel model = new CostModel(List.of(cpu, gpu));
    final int cpu1 = 0;
    final int cpu2 = 1;
    final int dev = 2;

    CostModelTest() {
        model.setRates(cpu1, new Rates(50, 40, 10, 1 << 20, 16, 8));
        model.setRates(cpu2, new Rates(4_000, 80, 20, 2 << 20, 32, 8));
        model.setRates(dev, new Rates(20_000, 400, 400, 1 << 30, 4_000, 10));
    }

    @Test
    void variantsAreEachBackendAtOneThreadAndAllOfThem() {
        assertEquals(List.of("cpu x1", "cpu x2", "gpu x1"), model.variants().stream().map(Variant::label).toList());
        assertEquals(0b011, model.mask(cpu));
        assertEquals(0b100, model.mask(gpu));
    }

    @Test
    void aPredictionIsLaunchPlusMovePlusTheSlowerOfComputeAndMemory() {
        // 1M floats summed on one thread: 4 MiB > 1 MiB cache, so memory bandwidth 10 B/ns.
        CostModel.Prediction p = model.predict(cpu1, SUM, DType.F32, 1 << 20, 1, 1, Placement.HEAP);
        assertEquals(50, p.launch());
        assertEquals(0, p.move(), "the CPU reads heap arrays in place");
        assertEquals((1 << 20) / 16.0, p.compute(), 1e-9);
        assertEquals((4 << 20) / 10.0, p.memory(), 1e-9);
        assertEquals(50 + (4 << 20) / 10.0, p.total(), 1e-6);
        // The device copies heap operands over its link (10 B/ns) and is compute-rich.
        CostModel.Prediction g = model.predict(dev, SUM, DType.F32, 1 << 20, 1, 1, Placement.HEAP);
        assertEquals((4 << 20) / 10.0, g.move(), 1e-6);
        assertEquals(0, model.predict(dev, SUM, DType.F32, 1 << 20, 1, 1, Placement.onDevice(gpu, false)).move(),
                "data resident on the device is not moved");
        // Shaped costs: gemm 256^3 is compute-bound on the device.
        CostModel.Prediction mm = model.predict(dev, GEMM, DType.F64, 256, 256, 256, Placement.onDevice(gpu, true));
        assertEquals(2.0 * 256 * 256 * 256 / 4_000, mm.compute(), 1e-6);
        assertTrue(mm.compute() > mm.memory());
    }

    @Test
    void theFastestVariantIsChosenAtEachSize() {
        long all = 0b111;
        assertEquals(cpu1, model.best(SUM, DType.F32, 16, 1, 1, Placement.HEAP, all).variant(), "tiny: the cheapest launch");
        assertEquals(cpu2, model.best(SUM, DType.F32, 1 << 22, 1, 1, Placement.HEAP, all).variant(), "large: two threads");
        assertEquals(dev, model.best(GEMM, DType.F32, 1024, 1024, 1024, Placement.HEAP, all).variant(),
                "compute-bound and large: the device, copies included");
        assertEquals(cpu2, model.best(GEMM, DType.F32, 1024, 1024, 1024, Placement.HEAP, 0b011).variant(),
                "only the allowed variants compete");
        assertNull(model.best(SUM, DType.F32, 16, 1, 1, Placement.HEAP, 0), "nothing allowed, nothing chosen");
    }

    @Test
    void dataResidentOnADevicePullsTheCallThereUnlessMovingItIsCheaper() {
        long all = 0b111;
        int n = 1 << 24; // 64 MiB of floats
        assertEquals(cpu2, model.best(SUM, DType.F32, n, 1, 1, Placement.HEAP, all).variant());
        assertEquals(dev, model.best(SUM, DType.F32, n, 1, 1, Placement.onDevice(gpu, false), all).variant(),
                "the CPU would have to bring 64 MiB home first");
        assertEquals(cpu2, model.best(SUM, DType.F32, n, 1, 1, Placement.HOST, all).variant(),
                "off-heap host data would cost the discrete device a 6.7 ms copy");
        assertEquals(0, model.predict(cpu2, SUM, DType.F32, n, 1, 1, Placement.onDevice(gpu, true)).move(),
                "a valid host copy costs the CPU nothing to read");
        assertEquals(cpu1, model.best(SUM, DType.F32, 16, 1, 1, Placement.onDevice(gpu, false), all).variant(),
                "16 elements come home faster than a device launch");
    }

    @Test
    void placementsCombineHeapFirstThenDeviceOnlyData() {
        Placement resident = Placement.onDevice(gpu, false);
        Placement both = Placement.onDevice(gpu, true);
        assertSame(Placement.HEAP, Placement.HOST.and(Placement.HEAP));
        assertSame(Placement.HEAP, resident.and(Placement.HEAP));
        assertSame(resident, Placement.HOST.and(resident));
        assertSame(resident, both.and(resident));
        assertSame(both, both.and(Placement.HOST));
        assertSame(resident, Placement.onDevice(gpu, false), "placements are shared constants");
    }

    /** Runs {@code calls} calls through the model, "measuring" each variant at the true time given. */
    private int[] simulate(int calls, long n, IntToDoubleFunction trueNanos) {
        int[] ran = new int[3];
        for (int i = 0; i < calls; i++) {
            Decision d = model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b111);
            ran[d.variant()]++;
            model.observe(d.variant(), SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) trueNanos.applyAsDouble(d.variant()));
        }
        return ran;
    }

    @Test
    void aModelThatIsRightExploresAtMostTheDocumentedShare() {
        long n = 1000; // predicted: cpu1 150 ns, cpu2 4050 ns (27x), gpu 20400 ns
        int[] ran = simulate(64_000, n, v -> model.predict(v, SUM, DType.F32, n, 1, 1, Placement.HEAP).base());
        assertEquals(64_000, ran[cpu1] + ran[cpu2] + ran[dev]);
        assertEquals(0, ran[dev], "a variant predicted more than 16x slower is never probed");
        assertTrue(ran[cpu2] == 0, "cpu x2 is predicted 27x slower: never tried, ran " + ran[cpu2]);
    }

    @Test
    void aRunnerUpTheModelUnderestimatesIsFoundAndKept() {
        long n = 1 << 18; // 1 MiB: cpu1 predicted 26.3 us, cpu2 17.1 us; truly cpu2 is 3x slower than predicted
        int[] ran = simulate(2_000, n, v -> v == cpu2 ? 3 * 17_100 : v == cpu1 ? 26_300 : 1e9);
        assertTrue(ran[cpu1] > 1_900, "the model corrects itself and stays on cpu x1: " + java.util.Arrays.toString(ran));
        assertEquals(cpu1, model.best(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant());
    }

    @Test
    void aRunnerUpTheModelOverestimatesIsFoundByExploration() {
        long n = 1 << 18; // cpu2 predicted 17.1 us; cpu1 predicted 26.3 us but truly 8 us
        int[] ran = simulate(2_000, n, v -> v == cpu1 ? 8_000 : v == cpu2 ? 17_100 : 1e9);
        assertTrue(ran[cpu1] > 1_800, "exploration finds the faster cpu x1 and the model moves there: "
                + java.util.Arrays.toString(ran));
        assertTrue(ran[cpu2] < 100, "the wrong choice cost a bounded number of calls: " + ran[cpu2]);
    }

    @Test
    void explorationCostsExactlyWhatTheClassCommentStates() {
        long n = 1 << 16; // cpu1 6.6 us; cpu2 7.3 us modelled but truly 4x that; gpu 46.9 us (copies included)
        double cpu2Truth = 4 * model.predict(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) cpu2Truth);
        }
        int[] ran = simulate(4096, n, v -> v == cpu2 ? cpu2Truth : model.predict(v, SUM, DType.F32, n, 1, 1, Placement.HEAP).base());
        assertEquals(CostModel.EXPLORE_BURST, ran[dev], "the unobserved device is probed by one burst");
        assertEquals(CostModel.REFRESH_BURST * 4096 / CostModel.REFRESH_PERIOD, ran[cpu2],
                "the runner-up 4.4x away is refreshed by one burst in 4096 calls");
        assertEquals(4096 - ran[dev] - ran[cpu2], ran[cpu1]);
    }

    @Test
    void aVariantBrandedSlowInABadMomentGetsItsChanceBack() {
        long n = 1 << 18; // cpu2 predicted 17.1 us and truly so; a busy moment made seven of its calls 15x slower
        double cpu2Truth = model.predict(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (15 * cpu2Truth));
        }
        assertEquals(cpu1, model.best(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant(), "branded: 9.7x cpu1 is past every window");
        int[] ran = simulate(CostModel.REFRESH_PERIOD, n, v -> v == cpu2 ? cpu2Truth : v == cpu1 ? 26_300 : 1e9);
        assertEquals(cpu2, model.best(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant(),
                "a refresh burst measured it again and it is the choice once more: " + java.util.Arrays.toString(ran));
        assertTrue(ran[cpu2] > CostModel.REFRESH_PERIOD / 2, java.util.Arrays.toString(ran));
    }

    @Test
    void explorationRunsInBurstsSoTheLaterCallsAreWarm() {
        long n = 1 << 18; // cpu1 truly 8 us (predicted 26.3); cpu2's choice is wrong, and a lone cpu1 call is cold: 40 us
        int[] streak = {0};
        int[] ran = simulate(2_000, n, v -> {
            streak[0] = v == cpu1 ? streak[0] + 1 : 0;
            return v == cpu1 ? (streak[0] == 1 ? 40_000 : 8_000) : v == cpu2 ? 17_100 : 1e9;
        });
        assertTrue(ran[cpu1] > 1_800, "the warm calls of a burst show cpu x1's real speed: " + java.util.Arrays.toString(ran));
    }

    @Test
    void oneOutlierDoesNotMoveTheCorrection() {
        long n = 1000;
        double truth = model.predict(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        for (int i = 0; i < 20; i++) {
            model.observe(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (i == 10 ? 1000 * truth : truth));
        }
        assertEquals(1.0, model.predict(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP).correction(), 0.02);
        model.observe(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (truth / 100));
        assertEquals(1.0, model.predict(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP).correction(), 0.02,
                "one lucky call does not decide either");
    }

    @Test
    void aClassLearnsThatAVariantIsSlowOnlyOnceSevenCallsAreIn() {
        long n = 1000;
        double base = model.predict(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        for (int i = 1; i < CostModel.RING; i++) {
            model.observe(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (100 * base)); // cold code: 100x slow
            assertEquals(1.0, model.predict(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP).correction(), 1e-6,
                    "after " + i + " slow calls the model is not yet told the variant is slow");
        }
        model.observe(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (100 * base));
        assertEquals(CostModel.MAX_RATIO, model.predict(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP).correction(), 1e-6,
                "seven slow calls in a row are believed (clipped at 64x)");
        model.observe(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP,
                (long) (0.5 * model.predict(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP).base()));
        assertEquals(0.5, model.predict(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP).correction(), 0.01,
                "faster than modelled is believed at once");
    }

    @Test
    void aSizeWithoutObservationsBorrowsTheNearestSizesCorrection() {
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu1, SUM, DType.F32, 4096, 1, 1, Placement.HEAP,
                    (long) (2 * model.predict(cpu1, SUM, DType.F32, 4096, 1, 1, Placement.HEAP).base()));
        }
        assertEquals(2.0, model.predict(cpu1, SUM, DType.F32, 8192, 1, 1, Placement.HEAP).correction(), 0.05);
        assertEquals(2.0, model.predict(cpu1, SUM, DType.F32, 4096 << CostModel.BORROW_FULL, 1, 1, Placement.HEAP).correction(),
                0.05, "borrowed in full up to a factor 16 in size");
        assertEquals(Math.pow(2, 0.4), model.predict(cpu1, SUM, DType.F32, 4096 << 10, 1, 1, Placement.HEAP).correction(),
                0.05, "a factor 1024 away: weakened to 2^(4/10)");
        assertEquals(2.0, model.predict(cpu1, SUM, DType.F32, 4096 >> CostModel.BORROW_FULL, 1, 1, Placement.HEAP).correction(), 0.05,
                "smaller sizes borrow too");
        assertEquals(1.0, model.predict(cpu1, SUM, DType.F64, 4096, 1, 1, Placement.HEAP).correction(),
                "each element type learns on its own");
    }

    @Test
    void aFewCallsAtANewSizeMayLowerTheBorrowedCorrectionButNotEraseIt() {
        long small = 1 << 14;
        long large = small << CostModel.BORROW_FULL;
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu1, SUM, DType.F32, small, 1, 1, Placement.HEAP,
                    (long) (8 * model.predict(cpu1, SUM, DType.F32, small, 1, 1, Placement.HEAP).base()));
        }
        double base = model.predict(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP).base();
        model.observe(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP, (long) (9 * base));
        assertEquals(8.0, model.predict(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP).correction(), 0.05,
                "one call 9x slower than modelled keeps the neighbour's 8x (it had read 1: a variant 9x too fast)");
        model.observe(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP, (long) (3 * base));
        assertEquals(3.0, model.predict(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP).correction(), 0.05,
                "faster than the neighbour is believed at once");
    }

    @Test
    void aLongCallBelievesItsOwnFirstObservationOverANeighbours() {
        long small = 1 << 22; // 16 MiB: 1.7 ms as modelled
        long large = small << CostModel.BORROW_FULL; // 27 ms as modelled
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu1, SUM, DType.F32, small, 1, 1, Placement.HEAP,
                    (long) (0.1 * model.predict(cpu1, SUM, DType.F32, small, 1, 1, Placement.HEAP).base()));
        }
        double base = model.predict(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP).base();
        assertEquals(0.1, model.predict(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP).correction(), 0.005,
                "no call at the large size yet: the neighbour's 10x speed-up is borrowed");
        model.observe(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP, (long) (5 * base));
        assertEquals(5.0, model.predict(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP).correction(), 0.05,
                "its own call of 134 ms, 5x the model, is believed at once");
        model.observe(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP, (long) (4 * base));
        assertEquals(4.0, model.predict(cpu1, SUM, DType.F32, large, 1, 1, Placement.HEAP).correction(), 0.05,
                "the faster of its own calls stands");
        assertTrue(5 * base * 0.1 < CostModel.TRUST_OWN_NANOS && 4 * base > CostModel.TRUST_OWN_NANOS,
                "the test straddles the threshold: what the neighbour predicts is short, what the call took is long");

        long shortSmall = 1 << 10;
        long shortLarge = shortSmall << CostModel.BORROW_FULL;
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu1, SUM, DType.F32, shortSmall, 1, 1, Placement.HEAP,
                    (long) (0.5 * model.predict(cpu1, SUM, DType.F32, shortSmall, 1, 1, Placement.HEAP).base()));
        }
        model.observe(cpu1, SUM, DType.F32, shortLarge, 1, 1, Placement.HEAP,
                (long) (5 * model.predict(cpu1, SUM, DType.F32, shortLarge, 1, 1, Placement.HEAP).base()));
        assertEquals(0.5, model.predict(cpu1, SUM, DType.F32, shortLarge, 1, 1, Placement.HEAP).correction(), 0.01,
                "a short call's first slow observation may be cold code: the neighbour's lesson stands");
    }

    @Test
    void anExploredVariantThatIsSlowAtANewSizeIsLeftAfterItsBurst() {
        // A kernel 8x slower than modelled on both thread counts, learned at one size; at 16x that size two threads
        // stay the better choice. The 16th call explores one thread: its burst, and nothing more, runs there.
        long small = 1 << 14;
        long large = small << CostModel.BORROW_FULL;
        for (int v : new int[] {cpu1, cpu2}) {
            for (int i = 0; i < CostModel.RING; i++) {
                model.observe(v, SUM, DType.F32, small, 1, 1, Placement.HEAP,
                        (long) (8 * model.predict(v, SUM, DType.F32, small, 1, 1, Placement.HEAP).base()));
            }
        }
        int[] ran = new int[3];
        for (int i = 0; i < 60; i++) {
            Decision d = model.choose(SUM, DType.F32, large, 1, 1, Placement.HEAP, 0b011);
            ran[d.variant()]++;
            model.observe(d.variant(), SUM, DType.F32, large, 1, 1, Placement.HEAP,
                    (long) (8 * model.predict(d.variant(), SUM, DType.F32, large, 1, 1, Placement.HEAP).base()));
        }
        assertEquals(CostModel.EXPLORE_BURST, ran[cpu1], java.util.Arrays.toString(ran));
        assertEquals(60 - CostModel.EXPLORE_BURST, ran[cpu2], java.util.Arrays.toString(ran));
    }

    @Test
    void aLargeCallFollowsWhatTheLastCallsTaughtWithoutWaitingForTheCacheToExpire() {
        long n = 1 << 22; // 16 MiB: cpu1 predicted 1.68 ms, cpu2 0.84 ms, and truly so
        IntToDoubleFunction truth = v -> model.predict(v, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        for (int i = 0; i < 40; i++) {
            Decision d = model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011);
            model.observe(d.variant(), SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) truth.applyAsDouble(d.variant()));
        }
        assertEquals(cpu2, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant());
        for (int i = 0; i < CostModel.RING; i++) { // a busy neighbour: two threads' calls 5x slower for a while
            model.observe(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (5 * truth.applyAsDouble(cpu2)));
        }
        assertEquals(cpu1, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant());
        for (int i = 0; i < CostModel.RING; i++) { // the moment passes (another caller's calls show it)
            model.observe(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) truth.applyAsDouble(cpu2));
        }
        assertEquals(cpu2, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant(),
                "a 1.7 ms call's decision is not kept for 128 calls");
    }

    @Test
    void aMoveThatAPassingMomentCausedIsUndoneByARecheck() {
        // 16 MiB: cpu2 truly 2x faster than cpu1 (0.84 ms a call). A busy neighbour makes two threads' calls 2.5x slower
        // for 14 calls in a row: the class moves to one thread, and the moment passes. Without a recheck it stayed there
        // until the next exploration, 512 calls away (a whole sweep point, at 2x the time).
        long n = 1 << 22;
        double one = model.predict(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        double two = one / 2;
        boolean[] busy = {false};
        IntToDoubleFunction truth = v -> v == cpu2 ? (busy[0] ? 2.5 * two : two) : v == cpu1 ? one : 1e9;
        simulate(200, n, truth);
        assertEquals(cpu2, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant(), "settled on two threads");
        busy[0] = true;
        int[] moved = simulate(14, n, truth);
        busy[0] = false;
        assertTrue(moved[cpu1] > 0, "the busy moment moved the class to one thread: " + java.util.Arrays.toString(moved));
        int gap = CostModel.recheckGap(one);
        int[] after = simulate(2 * gap + 2 * CostModel.EXPLORE_BURST, n, truth);
        assertEquals(cpu2, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant(),
                "a recheck found two threads fast again: " + java.util.Arrays.toString(after));
        int[] later = simulate(200, n, truth);
        assertTrue(later[cpu1] <= 2 * CostModel.EXPLORE_BURST, "and the class stays there: " + java.util.Arrays.toString(later));
    }

    @Test
    void aMoveThatHoldsIsRecheckedAtADoublingWait() {
        // 16 MiB: cpu2 becomes truly 3x slower than modelled (2.5 ms; cpu1 1.7 ms). After the move, rechecks run at 5,
        // 10, 20, 40, 80 and 160 calls, a burst of two each (the calls are long), and stop once the wait reaches 256.
        long n = 1 << 22;
        double two = model.predict(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        double one = model.predict(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        simulate(100, n, v -> v == cpu2 ? two : v == cpu1 ? one : 1e9);
        int rechecks = 0;
        int[] ran = new int[3];
        for (int i = 0; i < 2 * CostModel.EXPLORE_PERIOD; i++) {
            Decision d = model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011);
            ran[d.variant()]++;
            rechecks += d.reason().startsWith("rechecking") ? 1 : 0;
            model.observe(d.variant(), SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (d.variant() == cpu2 ? 3 * two : one));
        }
        assertEquals(6 * CostModel.LONG_BURST, rechecks, java.util.Arrays.toString(ran));
        assertEquals(cpu1, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant());
        assertTrue(ran[cpu2] <= CostModel.RING + rechecks + 2 * CostModel.EXPLORE_BURST,
                "the calls that taught the move, the rechecks and the explorations: " + java.util.Arrays.toString(ran));
    }

    @Test
    void theRecheckGapIsAboutTenMillisecondsOfCalls() {
        assertEquals(CostModel.EXPLORE_PERIOD / 2, CostModel.recheckGap(100), "small calls: capped");
        assertEquals(25, CostModel.recheckGap(400_000));
        assertEquals(2, CostModel.recheckGap(1e9), "a second-long call: two calls");
    }

    @Test
    void nearEqualVariantsDoNotTakeTurns() {
        // 16 MiB: cpu1 truly 0.90 ms, cpu2 0.84 ms, each call up to 30% slower at random (timing noise is one-sided).
        long n = 1 << 22;
        java.util.SplittableRandom noise = new java.util.SplittableRandom(7);
        double two = model.predict(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        int switches = 0;
        int last = -1;
        for (int i = 0; i < 4096; i++) {
            Decision d = model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011);
            if (d.reason().startsWith("lowest") && last >= 0 && d.variant() != last) {
                switches++;
            }
            if (d.reason().startsWith("lowest")) {
                last = d.variant();
            }
            double truth = d.variant() == cpu2 ? two : 0.9e6;
            model.observe(d.variant(), SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (truth * (1 + 0.3 * noise.nextDouble())));
        }
        assertTrue(switches <= 2, "choices changed " + switches + " times between variants 7% apart");
    }

    @Test
    void callsAreCountedAsTheirMeasurementsComeInAndAnExplorationsCallsAreAllMeasured() {
        long n = 1 << 16; // cpu1 6.6 us, cpu2 7.3 us, gpu 46.9 us: the unobserved variants are each probed by a burst
        IntToDoubleFunction truth = v -> model.predict(v, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        Decision first = model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b111);
        for (int i = 0; i < 10_000; i++) {
            assertSame(first, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b111),
                    "calls nobody measures teach nothing: no exploration, no new decision");
        }
        int[] ran = new int[3];
        int explored = 0;
        int firstExploration = -1;
        for (int i = 0; i < 4096; i++) {
            Decision d = model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b111);
            ran[d.variant()]++;
            if (d.measured()) {
                explored++;
                firstExploration = firstExploration < 0 ? i : firstExploration;
            }
            // One call in eight is measured and stands for eight; an exploration's calls are measured each.
            if (d.measured() || i % 8 == 7) {
                model.observe(d.variant(), SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) truth.applyAsDouble(d.variant()),
                        d.measured() ? 1 : 8, false);
            }
        }
        assertTrue(firstExploration >= CostModel.FIRST_EXPLORATION && firstExploration < CostModel.FIRST_EXPLORATION + 8,
                "the class explores after its 16th call: " + firstExploration);
        assertEquals(CostModel.EXPLORE_BURST, ran[dev], "the device is probed by one burst: its calls were all measured");
        // Bursts at the counts 16 (probing cpu2), 256 (refreshing cpu2: 2 calls), 768 (probing the device), then every
        // 512 (cpu2, the runner-up within 2x), the last at 3840.
        assertEquals(2 * CostModel.EXPLORE_BURST + CostModel.REFRESH_BURST + 6 * CostModel.EXPLORE_BURST, explored,
                "bursts of their documented length at the documented turns");
    }

    @Test
    void theStandingChoiceIsWhatThePreviewShowsWhileTheLowestPredictionBeatsItByLittle() {
        long n = 1 << 22; // 16 MiB: cpu1 predicted 1.68 ms, cpu2 0.84 ms
        double two = model.predict(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu2, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) two);
        }
        assertEquals(cpu2, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant());
        for (int i = 0; i < CostModel.RING; i++) { // one thread measures 5% faster than two
            model.observe(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (0.95 * two));
        }
        assertEquals(cpu1, model.best(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant(), "the lowest prediction");
        assertEquals(cpu2, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant(), "the choice stands");
        Decision shown = model.preview(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011);
        assertEquals(cpu2, shown.variant(), "explain shows what runs");
        assertTrue(shown.reason().startsWith("kept: ") && shown.reason().contains("cpu x1"), shown.reason());
        for (int i = 0; i < CostModel.RING; i++) { // now one thread is clearly faster
            model.observe(cpu1, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (0.7 * two));
        }
        assertEquals(cpu1, model.preview(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant());
        assertEquals(cpu1, model.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b011).variant());
    }

    @Test
    void twoOneThreadHostVariantsChangePlacesForAFivePercentGain() {
        FakeBackend scalar = new FakeBackend("scalar", 1, true, true);
        CostModel m = new CostModel(List.of(scalar, cpu)); // scalar x1, cpu x1, cpu x2
        m.setRates(0, new Rates(60, 40, 10, 1 << 20, 16, 8));
        m.setRates(1, new Rates(50, 40, 10, 1 << 20, 16, 8));
        m.setRates(2, new Rates(4_000, 80, 20, 2 << 20, 32, 8));
        long n = 16;
        assertEquals(1, m.choose(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b111).variant(), "cpu x1: the lowest launch");
        double cpuOne = m.predict(1, SUM, DType.F32, n, 1, 1, Placement.HEAP).base();
        for (int i = 0; i < CostModel.RING; i++) { // measured: scalar 9% faster than cpu x1
            m.observe(1, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) (1.1 * cpuOne));
            m.observe(0, SUM, DType.F32, n, 1, 1, Placement.HEAP, (long) cpuOne);
        }
        assertEquals(0, m.preview(SUM, DType.F32, n, 1, 1, Placement.HEAP, 0b111).variant(),
                "no worker parks or wakes between them: 5% is margin enough");
        assertEquals(CostModel.QUIET_SWITCH_MARGIN, m.margin(1, 0));
        assertEquals(CostModel.SWITCH_MARGIN, m.margin(1, 2), "between thread counts the wide margin stands");
    }

    @Test
    void decisionsAreCachedForAboutAHundredMicrosecondsOfPredictedWork() {
        assertEquals(CostModel.RECOMPUTE_PERIOD, CostModel.period(50));
        assertEquals(64, CostModel.period(1_000));
        assertEquals(8, CostModel.period(10_000));
        assertEquals(1, CostModel.period(60_000));
        assertEquals(1, CostModel.period(5e6));
    }

    @Test
    void aCachedDecisionGivesWayAtOnceWhenTheModelIsInvalidated() {
        long all = (1L << cpu1) | (1L << cpu2) | (1L << dev);
        long[] usable = {all};
        LongUnaryOperator now = candidates -> candidates & usable[0];
        for (int i = 0; i < CostModel.RING; i++) { // a settled class: its decision is cached for many calls
            model.observe(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP,
                    (long) model.predict(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).base());
        }
        Decision first = model.choose(SUM, DType.F32, 1000, 1, 1, Placement.HEAP, all, false, now);
        assertEquals(cpu1, first.variant());
        assertSame(first, model.choose(SUM, DType.F32, 1000, 1, 1, Placement.HEAP, all, false, now));
        usable[0] = all & ~(1L << cpu1); // as a quarantine: what usable() says changes, then the model is invalidated
        model.invalidate();
        assertNotEquals(cpu1, model.choose(SUM, DType.F32, 1000, 1, 1, Placement.HEAP, all, false, now).variant());
    }

    @Test
    void newRatesForgetWhatWasLearnedAgainstTheOldOnes() {
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP, 1_000_000);
        }
        assertTrue(model.predict(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).correction() > 10);
        model.setRates(cpu1, new Rates(50, 40, 10, 1 << 20, 16, 8));
        assertEquals(1.0, model.predict(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).correction());
        assertEquals(0, model.predict(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).observations());
    }

    @Test
    void aCorrectionNotRefreshedForLongIsDropped() {
        for (int i = 0; i < CostModel.RING; i++) {
            model.observe(cpu2, SUM, DType.F32, 1000, 1, 1, Placement.HEAP, 1_000_000);
        }
        assertTrue(model.predict(cpu2, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).correction() > 10);
        for (int i = 0; i <= CostModel.STALE; i++) {
            model.observe(cpu1, SUM, DType.F32, 1 << 20, 1, 1, Placement.HEAP, 100_000);
        }
        assertEquals(1.0, model.predict(cpu2, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).correction(),
                "a lesson from long ago (a cold JIT, a busy moment) is not kept forever");
    }

    @Test
    void whatAnEarlierProcessLearnedIsTheStartingPointAndNewCallsReplaceIt() {
        int b = CostModel.bucket(4000);
        model.preload(java.util.Map.of(new ModelStore.LearnedKey("sum", DType.F32, "cpu x1", b), new float[] {2.5f, 40}));
        assertEquals(2.5, model.predict(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).correction(), 1e-6);
        assertEquals(1, model.learned().size(), "still worth keeping");
        model.preload(java.util.Map.of(new ModelStore.LearnedKey("never-called", DType.F64, "gpu x1", 9), new float[] {0.5f, 30}));
        assertTrue(model.learned().stream().anyMatch(l -> l.kernel().equals("never-called") && l.correction() == 0.5f),
                "what was learned about kernels this process never called is saved again, not lost");
        double base = model.predict(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).base();
        model.observe(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP, (long) base);
        model.observe(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP, (long) base);
        assertEquals(1.0, model.predict(cpu1, SUM, DType.F32, 1000, 1, 1, Placement.HEAP).correction(), 0.01,
                "two calls at the modelled time outweigh the old lesson");
    }

    @Test
    void learnedCorrectionsAreListedForPersistence() {
        for (int i = 0; i < CostModel.PERSIST_MIN_OBSERVATIONS - 1; i++) {
            model.observe(cpu1, SUM, DType.F64, 1000, 1, 1, Placement.HEAP, 10_000);
        }
        assertEquals(List.of(), model.learned(), "a few calls (likely cold code) are not worth keeping");
        model.observe(cpu1, SUM, DType.F64, 1000, 1, 1, Placement.HEAP, 10_000);
        List<CostModel.Learned> learned = model.learned();
        assertEquals(1, learned.size());
        CostModel.Learned l = learned.getFirst();
        assertEquals("sum", l.kernel());
        assertEquals(DType.F64, l.dtype());
        assertEquals("cpu x1", l.variant());
        assertEquals(CostModel.bucket(8000), l.bucket());
        assertNotNull(l.toString());
    }
}
