package dev.pel.runtime.opencl;

import dev.pel.runtime.PelRuntime;
import java.nio.file.Path;
import org.jocl.CL;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import dev.pel.runtime.spi.Backend;
import dev.pel.runtime.spi.Probe;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The OpenCL device tests run on: the first {@link OpenClBackend} of a runtime. Without one, the
 * test aborts (skipped, with the probe's reason) on a developer machine, but fails when the
 * environment variable {@code CI} is {@code true}: there a broken driver install must not turn
 * the OpenCL suite into a row of skips.
 */
public final class OpenClTestDevice {
    private OpenClTestDevice() {
    }

    /** The first OpenCL backend of the default runtime. */
    public static OpenClBackend get() {
        return of(PelRuntime.defaultRuntime());
    }

    /** The first OpenCL backend of {@code runtime}; aborts or fails (on CI) with the probe's reason without one. */
    public static OpenClBackend of(PelRuntime runtime) {
        for (Backend b : runtime.backends().values()) {
            if (b instanceof OpenClBackend cl) {
                return cl;
            }
        }
        String why = "no OpenCL device: " + reason(runtime);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why + " (CI=true: a missing device is a failure, not a skip)");
        }
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    /** What the OpenCL provider said when it found nothing usable. */
    static String reason(PelRuntime runtime) {
        String r = runtime.probes().stream().filter(p -> p.name().startsWith(OpenClBackendProvider.NAME) && !p.isAvailable())
                .map(p -> p.name() + ": " + p.reason().orElse("declined")).collect(Collectors.joining("; "));
        return r.isEmpty() ? "the opencl provider reported nothing (is it registered as a BackendProvider service?); probes: "
                + runtime.probes().stream().map(Probe::toString).collect(Collectors.joining("; ")) : r;
    }

    /**
     * A second, independent backend (own context, queue, programs and counters) on the same device
     * as {@code real}, but describing it with other {@code fp64} and {@code hostUnifiedMemory}
     * properties: to run the paths this machine's device does not take (copies instead of zero-copy
     * buffers, a device without doubles). The caller closes it.
     */
    public static OpenClBackend variant(OpenClBackend real, String name, boolean fp64, boolean hostUnifiedMemory) {
        OpenClDeviceInfo r = real.info();
        int[] count = new int[1];
        OpenClException.check(CL.clGetPlatformIDs(0, null, count), "clGetPlatformIDs", "");
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        OpenClException.check(CL.clGetPlatformIDs(count[0], platforms, null), "clGetPlatformIDs", "");
        for (cl_platform_id p : platforms) {
            int[] n = new int[1];
            if (CL.clGetDeviceIDs(p, CL.CL_DEVICE_TYPE_ALL, 0, null, n) != CL.CL_SUCCESS || n[0] == 0) {
                continue;
            }
            cl_device_id[] devices = new cl_device_id[n[0]];
            OpenClException.check(CL.clGetDeviceIDs(p, CL.CL_DEVICE_TYPE_ALL, n[0], devices, null), "clGetDeviceIDs", "");
            for (cl_device_id d : devices) {
                if (OpenClBackend.describe(p, d).equals(r)) {
                    OpenClDeviceInfo info = new OpenClDeviceInfo(r.platform(), r.name(), r.vendor(), r.type(), r.computeUnits(),
                            r.clockMHz(), r.globalMemBytes(), r.localMemBytes(), r.maxAllocBytes(), r.maxWorkGroupSize(), fp64,
                            hostUnifiedMemory, r.driverVersion(), r.deviceVersion(), r.correctlyRoundedDivideSqrt());
                    Path cacheRoot = real.programCacheDir().getParent();
                    return new OpenClBackend(name, p, d, info, cacheRoot);
                }
            }
        }
        throw new IllegalStateException("the device of " + real.name() + " (" + r.name() + ") is not among the platforms' devices");
    }
}
