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
}
