package dev.pel.runtime;

/**
 * What one kernel call did: which backend ran it, on how many threads, and how long it took.
 * The last record of each thread is available from {@link PelRuntime#lastCall()}; tests use it to
 * prove which backend ran.
 *
 * @param kernel  kernel name, e.g. {@code axpy}
 * @param dtype   element type
 * @param n       number of elements (the kernel's size parameter)
 * @param backend name of the backend that ran the call
 * @param threads worker threads used (1 = the calling thread only)
 * @param nanos   wall time of the call, validation excluded; -1 when it was not timed (calls moving under
 *                64 KiB are timed one in eight: reading the clock costs as much as such a call)
 * @param reason  why this backend was chosen (forced, a threshold, the only candidate)
 */
public record CallRecord(String kernel, DType dtype, long n, String backend, int threads, long nanos, String reason) {
}
