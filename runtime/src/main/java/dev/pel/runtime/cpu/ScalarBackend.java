package dev.pel.runtime.cpu;

import dev.pel.runtime.spi.Backend;

/** The reference backend: plain single-threaded loops, always available, never tuned. */
public final class ScalarBackend implements Backend {
    public static final String NAME = "cpu-scalar";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int maxThreads() {
        return 1;
    }

    @Override
    public String details() {
        return "reference loops, 1 thread";
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return NAME;
    }
}
