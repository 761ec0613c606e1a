package dev.pel.runtime.cpu;

import dev.pel.runtime.PelConfig;
import dev.pel.runtime.hw.Hardware;
import dev.pel.runtime.spi.BackendProvider;
import dev.pel.runtime.spi.Probe;
import java.util.List;

/** Provides {@code cpu-scalar}; the runtime also wires it in by hand. */
public final class ScalarBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return ScalarBackend.NAME;
    }

    @Override
    public List<Probe> probe(Hardware hardware, PelConfig config) {
        return List.of(Probe.available(new ScalarBackend()));
    }
}
