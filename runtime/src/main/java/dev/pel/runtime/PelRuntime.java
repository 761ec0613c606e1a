package dev.pel.runtime;

import dev.pel.runtime.cpu.ScalarBackendProvider;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.dispatch.Decision;
import dev.pel.runtime.dispatch.Dispatcher;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.dispatch.Placement;
import dev.pel.runtime.dispatch.ThresholdDispatcher;
import dev.pel.runtime.hw.Hardware;
import dev.pel.runtime.spi.Backend;
import dev.pel.runtime.spi.BackendProvider;
import dev.pel.runtime.spi.Probe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Owns the backends, their worker pools and caches, and decides where each call runs.
 * {@link #defaultRuntime()} is the process-wide instance configured from {@code pel.*} properties;
 * {@link #create(PelConfig)} makes a private one that must be closed. {@link #withBackend(String)}
 * gives a view that forces one backend while sharing this runtime's resources.
 */
public final class PelRuntime implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.pel.runtime");
    private static final ThreadLocal<CallRecord> LAST_CALL = new ThreadLocal<>();

    private static volatile PelRuntime defaultRuntime;

    private final PelConfig config;
    private final Hardware hardware;
    private final List<Probe> probes;
    private final Map<String, Backend> backends;
    private final Backend forced;
    private final List<Backend> forcedList;
    private final String forcedReason;
    private final boolean simdMissing;
    private final Dispatcher dispatcher;
    private final boolean owner;
    private final Shared shared;
    private volatile boolean closed;

    /** Counters shared by a runtime and its forcing views. */
    private static final class Shared {
        final Map<String, LongAdder[]> counters = new ConcurrentHashMap<>();
        final Set<String> fallbacksLogged = ConcurrentHashMap.newKeySet();

        LongAdder[] of(String backend) {
            return counters.computeIfAbsent(backend, k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
        }
    }

    private PelRuntime(PelConfig config, Hardware hardware, List<Probe> probes, Map<String, Backend> backends,
            Dispatcher dispatcher, boolean owner, Shared shared) {
        this.config = config;
        this.hardware = hardware;
        this.probes = probes;
        this.backends = backends;
        this.dispatcher = dispatcher;
        this.owner = owner;
        this.shared = shared;
        this.forced = config.isAuto() ? null : resolve(config.backend());
        this.forcedList = forced == null ? List.of() : List.of(forced);
        this.forcedReason = forced == null ? null : "forced by pel.backend=" + forced.name();
        this.simdMissing = !backends.containsKey(SimdBackend.NAME);
    }

    /** The process-wide runtime, configured from system properties and environment on first use. */
    public static PelRuntime defaultRuntime() {
        PelRuntime r = defaultRuntime;
        if (r == null) {
            synchronized (PelRuntime.class) {
                r = defaultRuntime;
                if (r == null) {
                    r = create(PelConfig.fromEnvironment());
                    defaultRuntime = r;
                }
            }
        }
        return r;
    }

    /**
     * A private runtime with its own backends and worker threads; close it when done.
     *
     * @throws BackendUnavailableException if the configuration forces a backend that is unknown or declined
     */
    public static PelRuntime create(PelConfig config) {
        Hardware hw = Hardware.detect();
        List<Probe> probes = probeAll(hw, config);
        Map<String, Backend> backends = new LinkedHashMap<>();
        for (Probe p : probes) {
            p.backend().ifPresent(b -> backends.putIfAbsent(b.name(), b));
        }
        for (Probe p : probes) {
            if (!p.isAvailable()) {
                LOG.log(System.Logger.Level.DEBUG, "backend {0} declined: {1}", p.name(), p.reason().orElse(""));
            }
        }
        try {
            return new PelRuntime(config, hw, List.copyOf(probes), Collections.unmodifiableMap(backends),
                    new ThresholdDispatcher(config), true, new Shared());
        } catch (RuntimeException e) {
            backends.values().forEach(Backend::close);
            throw e;
        }
    }

    private static List<Probe> probeAll(Hardware hw, PelConfig config) {
        List<Probe> probes = new ArrayList<>(new ScalarBackendProvider().probe(hw, config));
        ServiceLoader<BackendProvider> loader = ServiceLoader.load(BackendProvider.class, PelRuntime.class.getClassLoader());
        var it = loader.iterator();
        while (true) {
            BackendProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                probes.add(Probe.declined("provider", "a backend provider failed to load: " + e.getMessage()));
                continue;
            }
            if (provider instanceof ScalarBackendProvider) {
                continue; // wired in above
            }
            try {
                probes.addAll(provider.probe(hw, config));
            } catch (RuntimeException | LinkageError e) {
                probes.add(Probe.declined(provider.name(), "probe failed: " + e));
            }
        }
        return probes;
    }

    /** A view of this runtime that forces {@code backend} ({@code auto} for the dispatcher's choice). */
    public PelRuntime withBackend(String backend) {
        checkOpen();
        PelConfig c = config.toBuilder().backend(backend).build();
        return new PelRuntime(c, hardware, probes, backends, dispatcher, false, shared);
    }

    public PelConfig config() {
        return config;
    }

    public Hardware hardware() {
        return hardware;
    }

    /** Every probe, available or declined, in probing order. */
    public List<Probe> probes() {
        return probes;
    }

    /** Available backends by name. */
    public Map<String, Backend> backends() {
        return backends;
    }

    public Optional<Backend> backend(String name) {
        return Optional.ofNullable(backends.get(name));
    }

    /** The forced backend, if any. */
    public Optional<Backend> forcedBackend() {
        return Optional.ofNullable(forced);
    }

    /**
     * The backend called {@code name}.
     *
     * @throws BackendUnavailableException naming what is available when it is unknown or declined
     */
    public Backend resolve(String name) {
        Backend b = backends.get(name);
        if (b != null) {
            return b;
        }
        for (Backend candidate : backends.values()) {
            if (candidate.aliases().contains(name)) {
                return candidate;
            }
        }
        String available = availableNames();
        for (Probe p : probes) {
            if (p.name().equals(name)) {
                throw new BackendUnavailableException("backend: '" + name + "' is not available here ("
                        + p.reason().orElse("declined") + "); available: " + available);
            }
        }
        throw new BackendUnavailableException("backend: unknown backend '" + name + "'; available: " + available
                + " (or 'auto')");
    }

    /** Available backend names, with their aliases, for error messages. */
    private String availableNames() {
        return backends.values().stream()
                .map(b -> b.aliases().isEmpty() ? b.name() : b.name() + " (alias " + String.join(", ", b.aliases()) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Where a call runs. A forced backend that does not implement the kernel is an error, never a
     * silent fallback; in strict mode so is any call that lands on a backend other than the one the
     * rule prefers (for instance cpu-scalar because cpu-simd declined).
     *
     * @param supports which backends implement this kernel
     */
    public Decision decide(KernelSpec kernel, DType dtype, long n, Predicate<Backend> supports) {
        checkOpen();
        if (forced != null) {
            if (!supports.test(forced)) {
                throw new BackendUnavailableException("backend: forced backend '" + forced.name() + "' does not implement "
                        + kernel.name() + " for " + dtype.label());
            }
            int threads = forced.maxThreads() == 1 ? 1 : dispatcher.decide(kernel, dtype, n, forcedList).threads();
            return new Decision(forced, threads, forcedReason);
        }
        List<Backend> candidates = candidates(supports);
        if (candidates.isEmpty()) {
            throw new BackendUnavailableException("backend: no available backend implements " + kernel.name() + " for "
                    + dtype.label() + "; available: " + String.join(", ", backends.keySet()));
        }
        Decision d = dispatcher.decide(kernel, dtype, n, candidates);
        if (simdMissing && n >= config.simdMinElements()) {
            String reason = probes.stream().filter(p -> p.name().equals(SimdBackend.NAME)).findFirst()
                    .flatMap(Probe::reason).orElse("not available");
            fallback(SimdBackend.NAME, d.backend().name(), reason);
        }
        return d;
    }

    /**
     * Where a call of extents d0 x d1 x d2 (unused extents 1) runs, given where its operands live.
     *
     * @param where    where the operands are: heap, host memory, or resident on a device
     * @param supports which backends implement this kernel
     */
    public Decision decide(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where,
            Predicate<Backend> supports) {
        return decide(kernel, dtype, d0 * d1 * d2, supports);
    }

    /** Candidates per kernel family's predicate (a constant method reference), so a call allocates nothing. */
    private final Map<Predicate<Backend>, List<Backend>> candidateCache = new ConcurrentHashMap<>();

    private List<Backend> candidates(Predicate<Backend> supports) {
        return candidateCache.computeIfAbsent(supports, this::filter);
    }

    private List<Backend> filter(Predicate<Backend> supports) {
        List<Backend> out = new ArrayList<>(backends.size());
        for (Backend b : backends.values()) {
            if (supports.test(b)) {
                out.add(b);
            }
        }
        return List.copyOf(out);
    }

    private void fallback(String preferred, String actual, String reason) {
        if (config.strict()) {
            throw new BackendUnavailableException("pel.strict: " + preferred + " would be used but " + reason
                    + "; the call would fall back to " + actual);
        }
        shared.of(actual)[2].increment();
        if (shared.fallbacksLogged.add(preferred + "|" + reason)) {
            LOG.log(System.Logger.Level.WARNING, "{0} unavailable ({1}); calls fall back to {2}", preferred, reason, actual);
        }
    }

    /** Explanation lines for {@code pel explain}. */
    public List<String> explain(KernelSpec kernel, DType dtype, long n, Predicate<Backend> supports) {
        List<String> lines = new ArrayList<>();
        Decision d = decide(kernel, dtype, n, supports);
        lines.add("choice: " + d.backend().name() + " x" + d.threads() + " (" + d.reason() + ")");
        lines.addAll(dispatcher.explain(kernel, dtype, n, candidates(supports)));
        for (Probe p : probes) {
            if (!p.isAvailable()) {
                lines.add("excluded " + p.name() + ": " + p.reason().orElse(""));
            }
        }
        return lines;
    }

    /** Records a finished call: the thread's last call and the backend's counters. */
    public void record(CallRecord call) {
        LAST_CALL.set(call);
        LongAdder[] c = shared.of(call.backend());
        c[0].increment();
        c[1].add(call.nanos());
    }

    /** The last call this thread made through any runtime, or null before the first. */
    public static CallRecord lastCall() {
        return LAST_CALL.get();
    }

    /** Calls, time and fallbacks per backend since this runtime started (views share their parent's). */
    public Map<String, BackendStats> stats() {
        return shared.counters.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new BackendStats(e.getValue()[0].sum(), e.getValue()[1].sum(), e.getValue()[2].sum())));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("runtime: this PelRuntime is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Releases backends (worker threads included) if this runtime owns them; views release nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owner) {
            if (this == defaultRuntime) {
                synchronized (PelRuntime.class) {
                    defaultRuntime = null;
                }
            }
            backends.values().forEach(Backend::close);
        }
    }
}
