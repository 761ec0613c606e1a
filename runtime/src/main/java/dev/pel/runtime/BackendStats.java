package dev.pel.runtime;

/**
 * Totals for one backend since the runtime started.
 *
 * @param calls       calls it ran
 * @param nanos       their summed wall time (calls moving under 64 KiB are timed one in eight and count eight times)
 * @param fallbacks   calls that came to it because the preferred backend was unavailable or failed
 * @param failures    calls that failed on it (each then ran elsewhere, or was the caller's error)
 * @param quarantined whether it is out of use now, waiting for its back-off to pass
 */
public record BackendStats(long calls, long nanos, long fallbacks, long failures, boolean quarantined) {
}
