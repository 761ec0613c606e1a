package dev.pel.runtime;

/**
 * Totals for one backend since the runtime started.
 *
 * @param calls     calls it ran
 * @param nanos     their summed wall time
 * @param fallbacks calls that came to it because the preferred backend was unavailable
 */
public record BackendStats(long calls, long nanos, long fallbacks) {
}
