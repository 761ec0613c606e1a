package dev.pel.runtime.dispatch;

import dev.pel.runtime.spi.Backend;

/**
 * Measures a backend's {@link Rates} by running real kernels on it. The runtime knows no kernel, so
 * the kernels module provides the implementation through {@link java.util.ServiceLoader}; the
 * runtime calls it lazily, the first time a backend is a candidate, and persists the result.
 */
public interface Calibrator {

    /** True when this calibrator has kernels for the backend. */
    boolean supports(Backend backend);

    /**
     * The backend's rates at {@code threads} threads, measured within about {@code budgetNanos}.
     *
     * @throws RuntimeException when the backend fails while being measured (it is then not used)
     */
    Rates calibrate(Backend backend, int threads, long budgetNanos);

    /**
     * Of the last {@link #calibrate} call's time, the part spent warming up rather than measuring:
     * JIT compilation of the kernels, a device's program builds (a cost any first use of the
     * backend pays, reported apart so the measuring itself can be seen).
     */
    default long warmUpNanos() {
        return 0;
    }

    /** Every variant of the backend is measured: working sets kept for its next variant can go. */
    default void finished(Backend backend) {
    }

    /** No calibration is queued: working sets kept for the next backend can go. */
    default void idle() {
    }
}
