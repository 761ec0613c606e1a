package dev.pel.bench.jmh;

import dev.pel.runtime.cpu.WorkerPool;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * What a two-thread call costs in the CPU backends' worker pool: eight tasks of {@code work} elements each, on the
 * caller and one worker, against the same tasks on the caller alone ({@code oneThread}). Run it also with the other
 * core taken ({@code taskset -c 1 sh -c 'while :; do :; done' &}), where the caller and the worker share one CPU:
 * a waiting thread that spins without yielding then holds up the one it waits for.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorkerPoolBenchmark {
    private static final int TASKS = 8;

    @Param({"128", "2048"})
    public int work;

    private WorkerPool pool;
    private float[] x;
    private double[] partial;

    @Setup
    public void setUp() {
        pool = new WorkerPool(2);
        x = new float[TASKS * work];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        partial = new double[TASKS];
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    private void task(int t) {
        double s = 0;
        for (int i = t * work; i < (t + 1) * work; i++) {
            s += x[i] * 1.0001f;
        }
        partial[t] = s;
    }

    @Benchmark
    public double twoThreads() {
        pool.run(TASKS, this::task);
        return partial[TASKS - 1];
    }

    @Benchmark
    public double oneThread() {
        for (int t = 0; t < TASKS; t++) {
            task(t);
        }
        return partial[TASKS - 1];
    }
}
