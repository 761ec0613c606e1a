package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pel.kernels.testing.Case;
import dev.pel.kernels.testing.Checks;
import dev.pel.kernels.testing.Data;
import dev.pel.kernels.testing.GuardedArray;
import dev.pel.kernels.testing.GuardedArray.Storage;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.spi.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reductions on {@code cpu-simd} give the same bits whatever the thread count (Blocking: fixed
 * blocks from the start of the range, combined in a fixed order): n = 1_000_003 on runtimes of
 * 1, 2 and 3 worker threads, each call proven to have used that many. The float sum and dot are
 * the headline; the other reductions and f64 make the same promise in {@code Reductions} and
 * {@code Blocking}.
 */
@Tag("simd-width")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterminismTest {
    private static final int N = 1_000_003;
    private static final int[] THREADS = {1, 2, 3};
    private final List<PelRuntime> runtimes = new ArrayList<>();

    @BeforeAll
    void createRuntimes() {
        Probe simd = PelRuntime.defaultRuntime().probes().stream().filter(p -> p.name().equals(SimdBackend.NAME)).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(simd != null && simd.isAvailable(),
                () -> SimdBackend.NAME + " is not available: " + (simd == null ? "not probed" : simd.reason().orElse("")));
        for (int t : THREADS) {
            runtimes.add(PelRuntime.create(PelConfig.builder().threads(t).backend(SimdBackend.NAME).parallelMinBytes(0).build()));
        }
    }

    @AfterAll
    void closeRuntimes() {
        runtimes.forEach(PelRuntime::close);
    }

    /** A reduction through the facade bound to a runtime. */
    interface Call {
        double run(PelRuntime rt, GuardedArray x, GuardedArray y);
    }

    record Kernel(String name, Call call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Kernel> kernels = List.of(new Kernel("sum", (rt, x, y) -> x.sum(Reductions.on(rt))),
                new Kernel("dot", (rt, x, y) -> x.dot(Blas.on(rt), y)),
                new Kernel("asum", (rt, x, y) -> x.asum(Blas.on(rt))),
                new Kernel("nrm2", (rt, x, y) -> x.nrm2(Blas.on(rt))),
                new Kernel("mean", (rt, x, y) -> x.mean(Reductions.on(rt))),
                new Kernel("variance", (rt, x, y) -> x.variance(Reductions.on(rt), 1)),
                new Kernel("iamax", (rt, x, y) -> x.iamax(Blas.on(rt))),
                new Kernel("min", (rt, x, y) -> x.min(Reductions.on(rt))),
                new Kernel("max", (rt, x, y) -> x.max(Reductions.on(rt))));
        List<Arguments> out = new ArrayList<>();
        for (DType t : List.of(DType.F32, DType.F64)) {
            for (Kernel k : kernels) {
                out.add(Arguments.of(t, k));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void sameBitsOnOneTwoAndThreeThreads(DType t, Kernel k) {
        long seed = Data.seed("determinism", t, k.name());
        double[] xs = Data.mixed(t, seed, N);
        double[] ys = Data.mixed(t, seed + 1, N);
        try (GuardedArray x = GuardedArray.of(t, Storage.HEAP, xs); GuardedArray y = GuardedArray.of(t, Storage.HEAP, ys)) {
            long[] bits = new long[THREADS.length];
            for (int i = 0; i < THREADS.length; i++) {
                Case c = new Case(SimdBackend.NAME, t, N, "heap threads=" + THREADS[i], seed);
                CallRecord before = PelRuntime.lastCall();
                double r = k.call().run(runtimes.get(i), x, y);
                CallRecord rec = Checks.ran(c, k.name(), before);
                assertEquals(THREADS[i], rec.threads(), c + " the call must have used " + THREADS[i] + " thread(s): " + rec);
                bits[i] = t == DType.F32 ? Float.floatToRawIntBits((float) r) : Double.doubleToRawLongBits(r);
            }
            for (int i = 1; i < THREADS.length; i++) {
                if (bits[i] != bits[0]) {
                    ToDoubleFunction<Long> v = b -> t == DType.F32 ? Float.intBitsToFloat((int) (long) b) : Double.longBitsToDouble(b);
                    fail("[" + SimdBackend.NAME + " " + t.label() + " n=" + N + " " + Data.describe(seed) + "] " + k.name() + " on "
                            + THREADS[i] + " threads gave " + Checks.fmt(t, v.applyAsDouble(bits[i])) + ", on 1 thread "
                            + Checks.fmt(t, v.applyAsDouble(bits[0])) + ": results must not depend on the thread count");
                }
            }
        }
    }
}
