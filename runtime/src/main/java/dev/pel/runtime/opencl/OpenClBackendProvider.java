package dev.pel.runtime.opencl;

import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetPlatformIDs;

import dev.pel.runtime.PelConfig;
import dev.pel.runtime.hw.Hardware;
import dev.pel.runtime.spi.BackendProvider;
import dev.pel.runtime.spi.Probe;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.CL;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Finds every OpenCL device on every platform: each usable one becomes a backend
 * {@code opencl:<n>} (numbered across platforms), and the best of them also answers to
 * {@code opencl}. No library, no platform or no device is a declined probe with the reason,
 * never a crash or an {@link UnsatisfiedLinkError}.
 */
public final class OpenClBackendProvider implements BackendProvider {
    public static final String NAME = "opencl";
    private static final System.Logger LOG = System.getLogger("dev.pel.runtime.opencl");
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Probe> probe(Hardware hardware, PelConfig config) {
        cl_platform_id[] platforms;
        try {
            CL.setExceptionsEnabled(false);
            int[] count = new int[1];
            int status = clGetPlatformIDs(0, null, count);
            if (status != CL.CL_SUCCESS || count[0] == 0) {
                return List.of(Probe.declined(NAME, "no OpenCL platform: clGetPlatformIDs returned "
                        + OpenClException.statusName(status) + " (" + status + ") with " + count[0]
                        + " platforms; install a driver (e.g. Debian's pocl-opencl-icd for the CPU, or the GPU vendor's)"));
            }
            platforms = new cl_platform_id[count[0]];
            OpenClException.check(clGetPlatformIDs(count[0], platforms, null), "clGetPlatformIDs", "");
        } catch (LinkageError e) {
            return List.of(Probe.declined(NAME, "the OpenCL library could not be loaded (" + e.getMessage()
                    + "): install an OpenCL ICD loader that provides libOpenCL.so (Debian: ocl-icd-libopencl1 and"
                    + " ocl-icd-opencl-dev) and a driver"));
        } catch (RuntimeException e) {
            return List.of(Probe.declined(NAME, "OpenCL platform query failed: " + e.getMessage()));
        }
        List<Probe> probes = new ArrayList<>();
        List<OpenClBackend> found = new ArrayList<>();
        int index = 0;
        for (cl_platform_id platform : platforms) {
            cl_device_id[] devices;
            try {
                int[] count = new int[1];
                int status = clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
                if (status == CL.CL_DEVICE_NOT_FOUND || count[0] == 0) {
                    probes.add(Probe.declined(NAME + ":platform:" + Cl.platformString(platform, CL.CL_PLATFORM_NAME),
                            "the platform has no devices"));
                    continue;
                }
                OpenClException.check(status, "clGetDeviceIDs", "");
                devices = new cl_device_id[count[0]];
                OpenClException.check(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, count[0], devices, null), "clGetDeviceIDs", "");
            } catch (RuntimeException e) {
                probes.add(Probe.declined(NAME + ":platform", "device query failed: " + e.getMessage()));
                continue;
            }
            for (cl_device_id device : devices) {
                String name = NAME + ":" + index++;
                try {
                    OpenClDeviceInfo info = OpenClBackend.describe(platform, device);
                    if (Cl.deviceInt(device, CL.CL_DEVICE_AVAILABLE) == 0) {
                        probes.add(Probe.declined(name, info.name() + ": the device reports itself unavailable"));
                        continue;
                    }
                    OpenClBackend backend = new OpenClBackend(name, platform, device, info, config.cacheDir());
                    backend.setReproducible(config.reproducible());
                    found.add(backend);
                } catch (RuntimeException e) {
                    probes.add(Probe.declined(name, "device query failed: " + e.getMessage()));
                }
            }
        }
        String unchained = found.isEmpty() ? null : signalWarning();
        OpenClBackend best = null;
        for (OpenClBackend b : found) {
            if (best == null || b.info().rank() > best.info().rank()) {
                best = b;
            }
        }
        for (OpenClBackend b : found) {
            if (b == best) {
                b.setAliases(List.of(NAME));
            }
            b.setWarning(unchained);
            probes.add(Probe.available(b));
        }
        if (found.isEmpty() && probes.isEmpty()) {
            probes.add(Probe.declined(NAME, "no OpenCL device found on " + platforms.length + " platform(s)"));
        }
        return probes;
    }

    /**
     * The warning for a process whose signal handlers a driver's compiler can displace ({@link SignalChaining}), logged
     * once per process; null where they are chained or it cannot be told (not Linux).
     */
    private static String signalWarning() {
        String warning;
        try {
            warning = SignalChaining.current().orElse(true) ? null : SignalChaining.advice();
        } catch (UncheckedIOException e) {
            warning = "could not tell whether the JVM's signal handlers are chained (" + e.getMessage() + "); "
                    + SignalChaining.advice();
        }
        if (warning != null && !WARNED.getAndSet(true)) {
            LOG.log(System.Logger.Level.WARNING, "OpenCL: " + warning);
        }
        return warning;
    }
}
