package dev.pel.runtime.opencl;

import java.util.Locale;

/**
 * What a device reports about itself, read once at probe time.
 *
 * @param platform           platform name and version
 * @param name               device name
 * @param vendor             device vendor
 * @param type               CPU, GPU, ACCELERATOR, ...
 * @param computeUnits       compute units
 * @param clockMHz           maximum clock
 * @param globalMemBytes     global memory
 * @param localMemBytes      local (shared) memory per work-group
 * @param maxAllocBytes      largest single buffer
 * @param maxWorkGroupSize   largest work-group
 * @param fp64               cl_khr_fp64 (or cl_amd_fp64) supported
 * @param hostUnifiedMemory  the device shares the host's memory (zero-copy buffers pay)
 * @param driverVersion      driver version string (part of the program cache key)
 * @param deviceVersion      OpenCL version the device supports
 * @param correctlyRoundedDivideSqrt float division and sqrt can be built correctly rounded
 */
public record OpenClDeviceInfo(String platform, String name, String vendor, String type, int computeUnits, int clockMHz,
        long globalMemBytes, long localMemBytes, long maxAllocBytes, long maxWorkGroupSize, boolean fp64,
        boolean hostUnifiedMemory, String driverVersion, String deviceVersion, boolean correctlyRoundedDivideSqrt) {

    /** The line {@code pel devices} prints. */
    public String describe() {
        return String.format(Locale.ROOT,
                "%s | platform %s | vendor %s | %s | %d CUs @ %d MHz | global %s, local %s, max alloc %s | max work-group %d"
                        + " | fp64 %s | %s | driver %s | %s",
                name, platform, vendor, type, computeUnits, clockMHz, mib(globalMemBytes), kib(localMemBytes), mib(maxAllocBytes),
                maxWorkGroupSize, fp64 ? "yes" : "no", hostUnifiedMemory ? "shares host memory" : "discrete memory",
                driverVersion, deviceVersion);
    }

    /** Higher is better: GPUs first, then compute throughput as reported. */
    long rank() {
        long typeWeight = type.contains("GPU") ? 4 : type.contains("ACCELERATOR") ? 2 : 1;
        return typeWeight * 1_000_000_000L + (long) computeUnits * Math.max(1, clockMHz);
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    private static String kib(long bytes) {
        return (bytes >> 10) + " KiB";
    }
}
