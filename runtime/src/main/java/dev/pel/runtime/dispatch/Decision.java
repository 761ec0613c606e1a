package dev.pel.runtime.dispatch;

import dev.pel.runtime.spi.Backend;

/**
 * Where one call runs and why.
 *
 * @param backend the backend that runs the call
 * @param threads worker threads it may use (1 = the calling thread only)
 * @param reason  a short explanation: forced, a threshold, a fallback
 */
public record Decision(Backend backend, int threads, String reason) {
}
