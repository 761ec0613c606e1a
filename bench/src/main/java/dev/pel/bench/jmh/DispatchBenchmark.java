package dev.pel.bench.jmh;

import dev.pel.kernels.Catalogue;
import dev.pel.kernels.KernelSets;
import dev.pel.kernels.Reductions;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.Rates;
import dev.pel.runtime.spi.Backend;
import dev.pel.runtime.dispatch.Placement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What choosing a backend costs: the dispatcher's decision alone ({@code decideAuto}, with the cost
 * model; {@code decideForced}, the forced path's), next to a whole small call on cpu-scalar and the
 * same call through {@code auto}. The decision must stay well under a microsecond, and under a tenth
 * of the cpu-scalar call at n = 16; {@code baseline} is what the harness itself adds to each score,
 * and {@code modelBest} what a fresh decision costs (the model makes one once in up to 128 calls).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class DispatchBenchmark {
    @Param({"16"})
    public int size;

    private PelRuntime auto;
    private PelRuntime scalar;
    private Reductions autoSum;
    private Reductions scalarSum;
    private PelRuntime pinned;
    private Path pinnedCache;
    private Reductions pinnedSum;
    private float[] x;
    private long mask;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException, IOException {
        auto = PelRuntime.defaultRuntime();
        auto.dispatcher().calibrateAll();
        scalar = auto.withBackend("cpu-scalar");
        autoSum = Reductions.on(auto);
        scalarSum = Reductions.on(scalar);
        // The same automatic decision, on a private runtime whose model makes every backend but cpu-scalar absurdly
        // slow: sumAutoOnScalar runs the kernel sumScalar runs, so the two differ by the decision alone.
        pinnedCache = Files.createTempDirectory("pel-jmh");
        pinned = PelRuntime.create(PelConfig.builder().calibrate(false).cacheDir(pinnedCache).build());
        for (Backend b : pinned.backends().values()) {
            if (!b.name().equals("cpu-scalar")) {
                Rates slow = new Rates(1e9, 1e-3, 1e-3, 1 << 20, 1e-3, 1e-3);
                pinned.dispatcher().useRates(b, Map.of(1, slow, Math.max(2, b.maxThreads()), slow));
            }
        }
        pinnedSum = Reductions.on(pinned);
        mask = auto.dispatcher().usable(auto.dispatcher().model().mask(List.copyOf(auto.backends().values())));
        x = new float[size];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < size; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        for (int i = 0; i < 2000; i++) {
            // Measured calls (one in eight here) settle the size class's corrections; until then the model revisits its
            // choice at every call, and decideAuto, which measures nothing, would time that slow path (modelBest) rather
            // than the cached decision.
            autoSum.sum(x);
            pinnedSum.sum(x);
        }
    }

    /** The harness's own cost of a call that returns an object: the floor under the decide* scores. */
    @Benchmark
    public Object baseline() {
        return x;
    }

    @Benchmark
    public Object decideAuto() {
        return auto.decide(Catalogue.SUM, DType.F32, size, 1, 1, Placement.HEAP, KernelSets.supporting(DType.F32));
    }

    /** The cost model's cached choice alone (no runtime checks, no calibration state). */
    @Benchmark
    public Object modelChoose() {
        return auto.dispatcher().model().choose(Catalogue.SUM, DType.F32, size, 1, 1, Placement.HEAP, mask);
    }

    /** A fresh decision, as the model makes one when its cached decision is due. */
    @Benchmark
    public Object modelBest() {
        return auto.dispatcher().model().best(Catalogue.SUM, DType.F32, size, 1, 1, Placement.HEAP, mask);
    }

    @Benchmark
    public Object decideForced() {
        return scalar.decide(Catalogue.SUM, DType.F32, size, 1, 1, Placement.HEAP, KernelSets.supporting(DType.F32));
    }

    @Benchmark
    public float sumScalar() {
        return scalarSum.sum(x);
    }

    @Benchmark
    public float sumAuto() {
        return autoSum.sum(x);
    }

    /** Through the model's decision, which falls on cpu-scalar: the decision's cost in place. */
    @Benchmark
    public float sumAutoOnScalar() {
        return pinnedSum.sum(x);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pinned.close();
        try (Stream<Path> files = Files.walk(pinnedCache)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
