package dev.pel.runtime.opencl;

import dev.pel.runtime.PelRuntime;
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
}
