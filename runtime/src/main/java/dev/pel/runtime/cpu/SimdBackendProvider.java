package dev.pel.runtime.cpu;

import dev.pel.runtime.PelConfig;
import dev.pel.runtime.hw.Hardware;
import dev.pel.runtime.spi.BackendProvider;
import dev.pel.runtime.spi.Probe;
import java.util.List;

/**
 * Provides {@code cpu-simd} after checking, without touching a Vector API class, that the module
 * is in the boot layer; so the library loads and runs (on {@code cpu-scalar}) without the flag.
 */
public final class SimdBackendProvider implements BackendProvider {
    static final String MODULE = "jdk.incubator.vector";

    @Override
    public String name() {
        return SimdBackend.NAME;
    }

    @Override
    public List<Probe> probe(Hardware hardware, PelConfig config) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return List.of(Probe.declined(SimdBackend.NAME,
                    MODULE + " is not in the boot layer: start the JVM with --add-modules=" + MODULE));
        }
        try {
            int[] shape = VectorShapeProbe.preferred();
            if (shape[1] < 2) {
                return List.of(Probe.declined(SimdBackend.NAME,
                        "the preferred vector species has " + shape[1] + " float lane(s): no SIMD to gain"));
            }
            return List.of(Probe.available(new SimdBackend(config.threads(), shape[0], shape[1], shape[2])));
        } catch (LinkageError | RuntimeException e) {
            return List.of(Probe.declined(SimdBackend.NAME, "the Vector API failed to initialise: " + e));
        }
    }
}
