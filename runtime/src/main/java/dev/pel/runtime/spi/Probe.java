package dev.pel.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of probing for a backend: the backend, or the reason it declined. Reasons are
 * what {@code pel devices} prints, so they name the missing thing ("jdk.incubator.vector is not
 * in the boot layer: add --add-modules=jdk.incubator.vector").
 */
public final class Probe {
    private final String name;
    private final Backend backend;
    private final String reason;

    private Probe(String name, Backend backend, String reason) {
        this.name = Objects.requireNonNull(name, "name");
        this.backend = backend;
        this.reason = reason;
    }

    public static Probe available(Backend backend) {
        return new Probe(backend.name(), backend, null);
    }

    public static Probe declined(String name, String reason) {
        return new Probe(name, null, Objects.requireNonNull(reason, "reason"));
    }

    public String name() {
        return name;
    }

    public Optional<Backend> backend() {
        return Optional.ofNullable(backend);
    }

    /** Why the backend declined; empty when it is available. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public boolean isAvailable() {
        return backend != null;
    }

    @Override
    public String toString() {
        return isAvailable() ? name + ": available (" + backend.details() + ")" : name + ": declined (" + reason + ")";
    }
}
