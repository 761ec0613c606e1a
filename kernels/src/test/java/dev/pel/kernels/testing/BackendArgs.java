package dev.pel.kernels.testing;

import dev.pel.kernels.KernelSets;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.spi.Probe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Every backend the machine probed, as named JUnit arguments: use
 * {@code @ArgumentsSource(BackendArgs.class)} with a {@link Target} parameter, or combine
 * {@link #targets()} with other parameters in a {@code @MethodSource}.
 *
 * <p>Each available backend is a {@code Named.of(name, target)} whose {@link Target#runtime()} is
 * {@code PelRuntime.defaultRuntime().withBackend(name)}. A backend that declined is not dropped:
 * it is streamed too, and {@link Target#runtime()} aborts the test through {@link Assumptions}
 * with the probe's reason, so the report shows a skipped case saying why. The system property
 * {@value #PROPERTY} (comma-separated names) restricts the set, e.g. to {@code cpu-simd} for the
 * surefire executions that rerun the SIMD code at other vector widths; a name there that no
 * provider probed fails the test (a typo must not pass as "nothing to test").
 */
public final class BackendArgs implements ArgumentsProvider {
    /** Comma-separated backend names to test; unset or blank: all. */
    public static final String PROPERTY = "pel.test.backends";

    /**
     * One backend under test.
     *
     * @param name     the backend's name
     * @param forced   a view of the default runtime forcing it, or null when unavailable
     * @param declined why it is unavailable (the probe's reason), or null
     */
    public record Target(String name, PelRuntime forced, String declined) {
        /** The runtime forcing this backend; skips the test (with the reason) if it declined. */
        public PelRuntime runtime() {
            if (forced == null) {
                if (declined == null) {
                    throw new AssertionError(PROPERTY + " names '" + name + "', which no backend provider probed; probed: "
                            + probedNames());
                }
                Assumptions.abort("backend " + name + " declined: " + declined);
            }
            return forced;
        }

        /**
         * The runtime forcing this backend, for calls of one element type: also skips (with the
         * reason) when the backend declines that type, e.g. an OpenCL device without cl_khr_fp64.
         */
        public PelRuntime runtime(DType dtype) {
            PelRuntime rt = runtime();
            String why = KernelSets.whyNot(rt.forcedBackend().orElseThrow(), dtype);
            Assumptions.assumeTrue(why == null, why);
            return rt;
        }

        public boolean available() {
            return forced != null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static volatile List<Target> targets;

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return targets().stream().map(Arguments::of);
    }

    /** The backends under test, in probing order, each named. */
    public static List<Named<Target>> targets() {
        List<Named<Target>> out = new ArrayList<>();
        for (Target t : all()) {
            out.add(Named.of(t.available() ? t.name() : t.name() + " (declined)", t));
        }
        return out;
    }

    /** The backends under test, unnamed. */
    public static List<Target> all() {
        List<Target> t = targets;
        if (t == null) {
            synchronized (BackendArgs.class) {
                t = targets;
                if (t == null) {
                    t = List.copyOf(discover(PelRuntime.defaultRuntime(), System.getProperty(PROPERTY)));
                    targets = t;
                }
            }
        }
        return t;
    }

    /** The targets of a runtime's probes, filtered by a comma list (null or blank: all). */
    static List<Target> discover(PelRuntime runtime, String filter) {
        Map<String, Target> byName = new LinkedHashMap<>();
        for (Probe p : runtime.probes()) {
            Target t = p.isAvailable() ? new Target(p.name(), runtime.withBackend(p.name()), null)
                    : new Target(p.name(), null, p.reason().orElse("declined"));
            Target old = byName.get(p.name());
            if (old == null || (!old.available() && t.available())) {
                byName.put(p.name(), t);
            }
        }
        if (filter == null || filter.isBlank()) {
            return new ArrayList<>(byName.values());
        }
        Set<String> wanted = Arrays.stream(filter.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<Target> out = new ArrayList<>();
        for (String name : wanted) {
            out.add(byName.getOrDefault(name, new Target(name, null, null)));
        }
        return out;
    }

    private static String probedNames() {
        return PelRuntime.defaultRuntime().probes().stream().map(Probe::name).collect(Collectors.joining(", "));
    }
}
