package dev.pel.runtime.cpu;

import dev.pel.runtime.spi.Backend;

/**
 * The Vector API backend: kernels vectorised with the machine's preferred species, split across
 * the runtime's {@link WorkerPool}. Lane counts come from the species the JVM prefers here (they
 * follow {@code -XX:MaxVectorSize}, which the tests use to run the SIMD code at several widths).
 */
public final class SimdBackend implements Backend {
    public static final String NAME = "cpu-simd";

    private final WorkerPool pool;
    private final int floatLanes;
    private final int doubleLanes;
    private final int vectorBits;

    SimdBackend(int threads, int vectorBits, int floatLanes, int doubleLanes) {
        this.pool = new WorkerPool(threads);
        this.vectorBits = vectorBits;
        this.floatLanes = floatLanes;
        this.doubleLanes = doubleLanes;
    }

    @Override
    public String name() {
        return NAME;
    }

    public WorkerPool pool() {
        return pool;
    }

    @Override
    public int maxThreads() {
        return pool.threads();
    }

    public int floatLanes() {
        return floatLanes;
    }

    public int doubleLanes() {
        return doubleLanes;
    }

    public int vectorBits() {
        return vectorBits;
    }

    @Override
    public String details() {
        return vectorBits + "-bit vectors, lanes f32=" + floatLanes + " f64=" + doubleLanes + ", threads=" + pool.threads();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
