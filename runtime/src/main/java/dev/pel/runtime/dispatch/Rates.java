package dev.pel.runtime.dispatch;

/**
 * The measured speeds of one backend at one thread count: the cost model's coefficients.
 *
 * @param launchNs         fixed cost of a call (dispatch, thread wake-up, kernel launch, read-back)
 * @param cacheBytesPerNs  sustained bandwidth while a call's data fits in {@code cacheBytes}
 * @param memoryBytesPerNs sustained bandwidth from main memory (or device memory)
 * @param cacheBytes       the working set up to which {@code cacheBytesPerNs} holds
 * @param flopsPerNs       sustained arithmetic rate on in-cache data
 * @param linkBytesPerNs   rate of copying operands between the host and this backend (copies of heap
 *                         arrays to a device, or bringing device-resident data home); unused for the host
 */
public record Rates(double launchNs, double cacheBytesPerNs, double memoryBytesPerNs, long cacheBytes, double flopsPerNs,
        double linkBytesPerNs) {

    public Rates {
        if (!(launchNs >= 0) || !(cacheBytesPerNs > 0) || !(memoryBytesPerNs > 0) || cacheBytes < 0 || !(flopsPerNs > 0)
                || !(linkBytesPerNs > 0) || Double.isInfinite(launchNs)) {
            throw new IllegalArgumentException("rates must be finite and positive: " + launchNs + ", " + cacheBytesPerNs
                    + ", " + memoryBytesPerNs + ", " + cacheBytes + ", " + flopsPerNs + ", " + linkBytesPerNs);
        }
    }

    /** Bandwidth for a call moving {@code bytes}. */
    public double bandwidth(double bytes) {
        return bytes <= cacheBytes ? cacheBytesPerNs : memoryBytesPerNs;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "launch %.0f ns, cache %.1f GB/s (<= %d KiB), memory %.1f GB/s, compute %.1f GFLOP/s, link %.1f GB/s",
                launchNs, cacheBytesPerNs, cacheBytes / 1024, memoryBytesPerNs, flopsPerNs, linkBytesPerNs);
    }
}
