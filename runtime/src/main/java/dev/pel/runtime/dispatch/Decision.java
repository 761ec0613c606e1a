package dev.pel.runtime.dispatch;

import dev.pel.runtime.spi.Backend;

/**
 * Where one call runs and why.
 *
 * @param backend  the backend that runs the call
 * @param threads  worker threads it may use (1 = the calling thread only)
 * @param reason   a short explanation: forced, the lowest predicted time, exploring a runner-up, a fallback
 * @param variant  the cost model's index of (backend, threads), whose measured time refines the model;
 *                 -1 when the call teaches the model nothing
 * @param measured whether every call of this decision is timed (an exploration runs to be measured), rather than
 *                 a sample of the small ones
 */
public record Decision(Backend backend, int threads, String reason, int variant, boolean measured) {

    public Decision(Backend backend, int threads, String reason, int variant) {
        this(backend, threads, reason, variant, false);
    }

    public Decision(Backend backend, int threads, String reason) {
        this(backend, threads, reason, -1);
    }
}
