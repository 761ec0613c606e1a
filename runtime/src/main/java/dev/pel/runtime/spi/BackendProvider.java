package dev.pel.runtime.spi;

import dev.pel.runtime.PelConfig;
import dev.pel.runtime.hw.Hardware;

/**
 * Finds one kind of backend. Providers are found with {@link java.util.ServiceLoader}; the scalar
 * reference is also wired in by hand so that a shaded jar that lost {@code META-INF/services}
 * still has a backend. A provider must not throw from {@link #probe}: anything that goes wrong
 * becomes a {@link Probe#declined declined} probe with the reason.
 */
public interface BackendProvider {

    /** Names of the backends this provider may produce (for messages when it declines). */
    String name();

    /** Probes the machine; returns the available backends or the reasons they declined. */
    java.util.List<Probe> probe(Hardware hardware, PelConfig config);
}
