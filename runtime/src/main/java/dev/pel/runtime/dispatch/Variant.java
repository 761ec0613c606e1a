package dev.pel.runtime.dispatch;

import dev.pel.runtime.spi.Backend;

/**
 * One way to run a call that the cost model weighs: a backend at a thread count (the CPU at one
 * thread or all of them; a device always at one host thread).
 *
 * @param backend the backend
 * @param threads host threads
 * @param index   dense index in the model
 */
public record Variant(Backend backend, int threads, int index) {

    /** {@code cpu-simd x2}: the key in explain output and in the persisted model. */
    public String label() {
        return backend.name() + " x" + threads;
    }

    @Override
    public String toString() {
        return label();
    }
}
