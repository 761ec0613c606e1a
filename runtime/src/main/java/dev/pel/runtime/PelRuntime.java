package dev.pel.runtime;

import dev.pel.runtime.cpu.ScalarBackendProvider;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.dispatch.AdaptiveDispatcher;
import dev.pel.runtime.dispatch.CallEvent;
import dev.pel.runtime.dispatch.Calibrator;
import dev.pel.runtime.dispatch.CostModel;
import dev.pel.runtime.dispatch.Decision;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.dispatch.ModelStore;
import dev.pel.runtime.dispatch.Placement;
import dev.pel.runtime.opencl.OpenClException;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongUnaryOperator;
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
    private static final ThreadLocal<LastCall> LAST_CALL = ThreadLocal.withInitial(LastCall::new);

    private static volatile PelRuntime defaultRuntime;

    private final PelConfig config;
    private final Hardware hardware;
    private final List<Probe> probes;
    private final Map<String, Backend> backends;
    private final Backend forced;
    private final long forcedVariants;
    private final boolean simdMissing;
    private final AdaptiveDispatcher dispatcher;
    private final CostModel model;
    private final LongUnaryOperator usable; // null where the fixed thread rule decides (dispatcher.auto)
    private final boolean owner;
    private final Shared shared;
    private volatile boolean closed;

    /** Counters shared by a runtime and its forcing views. */
    private static final class Shared {
        final Map<String, LongAdder[]> counters = new ConcurrentHashMap<>();
        final Set<String> fallbacksLogged = ConcurrentHashMap.newKeySet();

        /** calls, nanos, fallbacks received, failures */
        LongAdder[] of(String backend) {
            LongAdder[] c = counters.get(backend);
            return c != null ? c : counters.computeIfAbsent(backend,
                    k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()});
        }
    }

    private PelRuntime(PelConfig config, Hardware hardware, List<Probe> probes, Map<String, Backend> backends,
            AdaptiveDispatcher dispatcher, boolean owner, Shared shared) {
        this.config = config;
        this.hardware = hardware;
        this.probes = probes;
        this.backends = backends;
        this.dispatcher = dispatcher;
        this.model = dispatcher.model();
        this.usable = dispatcher.modelUsable();
        this.owner = owner;
        this.shared = shared;
        this.forced = config.isAuto() ? null : resolve(config.backend());
        this.forcedVariants = forced == null ? 0 : dispatcher.model().mask(forced);
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
                    AdaptiveDispatcher d = r.dispatcher;
                    // What the default runtime learned outlives the process (close() saves private runtimes).
                    Runtime.getRuntime().addShutdownHook(new Thread(d::save, "pel-model-save"));
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
            List<Backend> list = List.copyOf(backends.values());
            AdaptiveDispatcher dispatcher = new AdaptiveDispatcher(list, config.calibrate() ? calibrators() : List.of(),
                    new ModelStore(config.cacheDir(), AdaptiveDispatcher.identity(hw, list)), config.parallelMinBytes());
            return new PelRuntime(config, hw, List.copyOf(probes), Collections.unmodifiableMap(backends), dispatcher, true,
                    new Shared());
        } catch (RuntimeException e) {
            backends.values().forEach(Backend::close);
            throw e;
        }
    }

    /** The calibrators on the class path (the kernels module provides one). */
    private static List<Calibrator> calibrators() {
        List<Calibrator> out = new ArrayList<>();
        var it = ServiceLoader.load(Calibrator.class, PelRuntime.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return out;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.log(System.Logger.Level.WARNING, "a calibrator failed to load: {0}", e.getMessage());
            }
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

    /** Where a vector call on heap arrays runs; see {@link #decide(KernelSpec, DType, long, long, long, Placement, Predicate)}. */
    public Decision decide(KernelSpec kernel, DType dtype, long n, Predicate<Backend> supports) {
        return decide(kernel, dtype, n, 1, 1, Placement.HEAP, supports);
    }

    /**
     * Where a call of extents d0 x d1 x d2 (unused extents 1) runs, given where its operands live.
     * A forced backend that does not implement the kernel is an error, never a silent fallback; in
     * strict mode so is any call that lands elsewhere than the preferred backend (for instance
     * cpu-scalar because cpu-simd declined).
     *
     * @param where    where the operands are: heap, host memory, or resident on a device
     * @param supports which backends implement this kernel (a constant per kernel family and type)
     */
    public Decision decide(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where,
            Predicate<Backend> supports) {
        checkOpen();
        if (forced != null) {
            return decideForced(kernel, dtype, d0, d1, d2, where, supports);
        }
        Candidates c = candidates(supports);
        // The model's choice straight from here, as dispatcher.auto makes it: through auto the decision took 10.1 ns,
        // not 6.6 (JMH, DispatchBenchmark.decideAuto, a 2 GHz core).
        Decision d = usable != null ? model.choose(kernel, dtype, d0, d1, d2, where, c.mask(), false, usable)
                : dispatcher.auto(kernel, dtype, d0, d1, d2, where, c.mask());
        if (d == null) {
            throw noCandidate(kernel, dtype, c);
        }
        if (simdMissing) {
            simdFallback(d);
        }
        return d;
    }

    private Decision decideForced(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where,
            Predicate<Backend> supports) {
        if (!supports.test(forced)) {
            throw new BackendUnavailableException("backend: forced backend '" + forced.name() + "' does not implement "
                    + kernel.name() + " for " + dtype.label());
        }
        return dispatcher.forced(forced, forcedVariants, kernel, dtype, d0, d1, d2, where);
    }

    private void simdFallback(Decision d) {
        String reason = probes.stream().filter(p -> p.name().equals(SimdBackend.NAME)).findFirst()
                .flatMap(Probe::reason).orElse("not available");
        fallback(SimdBackend.NAME, d.backend().name(), reason);
    }

    private BackendUnavailableException noCandidate(KernelSpec kernel, DType dtype, Candidates c) {
        if (c.list().isEmpty()) {
            return new BackendUnavailableException("backend: no available backend implements " + kernel.name() + " for "
                    + dtype.label() + "; available: " + String.join(", ", backends.keySet()));
        }
        List<String> why = new ArrayList<>();
        for (Backend b : c.list()) {
            why.add(String.join("; ", dispatcher.describe(b)));
        }
        return new BackendUnavailableException("backend: every backend implementing " + kernel.name() + " for " + dtype.label()
                + " is out of use: " + String.join(" | ", why));
    }

    /**
     * Records a finished call: the thread's last call, the backend's counters, the cost model's
     * observation and the JFR event.
     *
     * @param t0 {@link System#nanoTime()} when the kernel started
     */
    public void completed(Decision d, KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long t0) {
        long n = d0 * d1 * d2;
        if (t0 == UNTIMED) {
            record(kernel.name(), dtype, n, d.backend().name(), d.threads(), -1, d.reason(), 0);
            return;
        }
        long nanos = System.nanoTime() - t0;
        int weight = alwaysTimed(d, kernel, dtype, d0, d1, d2) ? 1 : TIMING_SAMPLE; // the calls this measurement stands for
        record(kernel.name(), dtype, n, d.backend().name(), d.threads(), nanos, d.reason(), weight);
        dispatcher.observe(d, kernel, dtype, d0, d1, d2, where, nanos, weight, forced != null);
    }

    /** {@link #start} for a call that is not timed. */
    public static final long UNTIMED = Long.MIN_VALUE;
    /** Calls moving at least this many bytes are always timed: there two clock reads cost under a few percent. */
    static final long ALWAYS_TIMED_BYTES = 64 << 10;
    /** Smaller calls are timed one in this many (reading the clock costs 20-50 ns, as much as a 16-element call). */
    static final int TIMING_SAMPLE = 8;
    private static final CallEvent JFR = new CallEvent();

    /**
     * The start of a call: {@link System#nanoTime()} if this call is timed, else {@link #UNTIMED}.
     * Every call moving {@value #ALWAYS_TIMED_BYTES} bytes or more is timed, smaller ones at random one
     * in {@value #TIMING_SAMPLE} (their time in {@link #stats()} is extrapolated from those, and each
     * counts for that many calls in the cost model), every call of an exploration (a burst of a few
     * calls, run to be measured), and every call while a Flight Recorder recording has
     * {@code dev.pel.Call} enabled.
     */
    public long start(Decision d, KernelSpec kernel, DType dtype, long d0, long d1, long d2) {
        if (alwaysTimed(d, kernel, dtype, d0, d1, d2) || (ThreadLocalRandom.current().nextInt() & (TIMING_SAMPLE - 1)) == 0) {
            return System.nanoTime();
        }
        return UNTIMED;
    }

    /** Whether every call like this one is timed, rather than one in {@value #TIMING_SAMPLE}. */
    private static boolean alwaysTimed(Decision d, KernelSpec kernel, DType dtype, long d0, long d1, long d2) {
        return d.measured() || kernel.bytes(dtype.bytes(), d0, d1, d2) >= ALWAYS_TIMED_BYTES || JFR.isEnabled();
    }

    /**
     * What to do after a backend failed a call: quarantine it and return where to run the call
     * instead, or throw. Only device failures ({@link OpenClException}) are survived, and only where
     * nothing can have been written: heap operands (a device writes them back only after success),
     * or a failure before launch (a program that does not build, resources that cannot be allocated).
     * A forced backend and strict mode make every failure the caller's.
     *
     * @param failure what the backend threw
     * @return the decision to retry the call with
     */
    public Decision failed(Decision d, RuntimeException failure, KernelSpec kernel, DType dtype, long d0, long d1, long d2,
            Placement where, Predicate<Backend> supports) {
        if (!(failure instanceof OpenClException)) {
            throw failure;
        }
        Backend b = d.backend();
        shared.of(b.name())[3].increment();
        long backoff = dispatcher.quarantine(b, failure);
        if (forced != null) {
            throw failure; // a forced backend never falls back
        }
        if (!where.heap() && !(failure instanceof OpenClException.BuildFailed || failure instanceof OpenClException.OutOfResources)) {
            // Off-heap and resident operands are read and written in place: a device that died mid-call may have
            // written part of an output (or held the only copy), so running the call again could be silently wrong.
            throw new BackendUnavailableException("backend: " + b.name() + " failed " + kernel.name()
                    + " while its operands were off-heap or resident on the device, where it may have written part of an"
                    + " output; the call is not repeated elsewhere: " + failure.getMessage(), failure);
        }
        Decision next = dispatcher.auto(kernel, dtype, d0, d1, d2, where, candidates(supports).mask());
        if (next == null) {
            throw new BackendUnavailableException("backend: " + b.name() + " failed " + kernel.name()
                    + " and no other backend can run it: " + failure.getMessage(), failure);
        }
        String why = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (config.strict()) {
            throw new BackendUnavailableException("pel.strict: " + b.name() + " failed " + kernel.name() + " (" + why
                    + "); the call would fall back to " + next.backend().name(), failure);
        }
        shared.of(next.backend().name())[2].increment();
        if (shared.fallbacksLogged.add(b.name() + "|" + failure.getClass().getName())) {
            LOG.log(System.Logger.Level.WARNING, "{0} failed {1} ({2}); quarantined for {3} s, the call and those after it run on {4}",
                    b.name(), kernel.name(), why, backoff / 1_000_000_000L, next.backend().name());
        }
        return new Decision(next.backend(), next.threads(), "fallback after " + b.name() + " failed: " + why, next.variant());
    }

    /** The dispatcher: cost model, calibration, quarantine. */
    public AdaptiveDispatcher dispatcher() {
        return dispatcher;
    }

    /** The backends implementing a kernel family at one type, and their variants in the cost model. */
    private record Candidates(Predicate<Backend> supports, List<Backend> list, long mask) {
    }

    /** Candidates per kernel family's predicate (a constant), so a call allocates nothing. */
    private final Map<Predicate<Backend>, Candidates> candidateCache = new ConcurrentHashMap<>();
    /**
     * The last lookup: calls mostly repeat the family and type of the one before. A plain field: a
     * record's final fields are safely published, and a stale read only costs a map lookup.
     */
    private Candidates lastCandidates;

    private Candidates candidates(Predicate<Backend> supports) {
        Candidates c = lastCandidates;
        if (c != null && c.supports() == supports) {
            return c;
        }
        c = candidateCache.computeIfAbsent(supports, this::filter);
        lastCandidates = c;
        return c;
    }

    private Candidates filter(Predicate<Backend> supports) {
        List<Backend> out = new ArrayList<>(backends.size());
        for (Backend b : backends.values()) {
            if (supports.test(b)) {
                out.add(b);
            }
        }
        return new Candidates(supports, List.copyOf(out), dispatcher.model().mask(out));
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

    /** Explanation lines for {@code pel explain}: a vector call of n elements on heap arrays. */
    public List<String> explain(KernelSpec kernel, DType dtype, long n, Predicate<Backend> supports) {
        return explain(kernel, dtype, n, 1, 1, Placement.HEAP, supports);
    }

    /** Explanation lines for {@code pel explain}: the choice, every candidate's prediction with its terms, exclusions. */
    public List<String> explain(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where,
            Predicate<Backend> supports) {
        List<String> lines = new ArrayList<>();
        Decision d = forced != null ? decide(kernel, dtype, d0, d1, d2, where, supports)
                : dispatcher.preview(kernel, dtype, d0, d1, d2, where, candidates(supports).mask());
        lines.add(d == null ? "choice: none (no usable backend)"
                : "choice: " + d.backend().name() + " x" + d.threads() + " (" + d.reason() + ")");
        lines.addAll(dispatcher.explain(kernel, dtype, d0, d1, d2, where, forced != null ? forcedVariants : candidates(supports).mask()));
        for (Backend b : backends.values()) {
            if (!supports.test(b)) {
                lines.add("excluded " + b.name() + ": does not implement " + kernel.name() + " for " + dtype.label());
            }
        }
        for (Probe p : probes) {
            if (!p.isAvailable()) {
                lines.add("excluded " + p.name() + ": " + p.reason().orElse(""));
            }
        }
        return lines;
    }

    /** Records a finished call: the thread's last call and the backend's counters. */
    public void record(CallRecord call) {
        LastCall last = LAST_CALL.get();
        last.set(call.kernel(), call.dtype(), call.n(), call.backend(), call.threads(), call.nanos(), call.reason());
        last.record = call;
        count(call.backend(), call.nanos(), call.nanos() < 0 ? 0 : 1);
    }

    /** Records a call whose time stands for {@code weight} calls' (0: not timed), allocating nothing. */
    private void record(String kernel, DType dtype, long n, String backend, int threads, long nanos, String reason, int weight) {
        LAST_CALL.get().set(kernel, dtype, n, backend, threads, nanos, reason);
        count(backend, nanos, weight);
    }

    private void count(String backend, long nanos, int weight) {
        LongAdder[] c = shared.of(backend);
        c[0].increment();
        if (weight > 0) {
            c[1].add(nanos * weight);
        }
    }

    /**
     * The last call this thread made through any runtime, or null before the first; the same object
     * until the thread's next call.
     */
    public static CallRecord lastCall() {
        return LAST_CALL.get().record();
    }

    /**
     * A thread's last call, kept as fields and made a {@link CallRecord} only when asked for: a record
     * allocated per call was a third of a 16-element call's garbage, and garbage is not free where
     * memory touched for the first time costs 2.7 ms per MiB (while the heap grew, a 16-element axpy
     * took 165 ns instead of 33; native-config/README.md).
     */
    private static final class LastCall {
        private String kernel; // null before the thread's first call
        private DType dtype;
        private long n;
        private String backend;
        private int threads;
        private long nanos;
        private String reason;
        private CallRecord record; // built on demand, dropped by the next call

        void set(String kernel, DType dtype, long n, String backend, int threads, long nanos, String reason) {
            this.kernel = kernel;
            this.dtype = dtype;
            this.n = n;
            this.backend = backend;
            this.threads = threads;
            this.nanos = nanos;
            this.reason = reason;
            this.record = null;
        }

        CallRecord record() {
            if (record == null && kernel != null) {
                record = new CallRecord(kernel, dtype, n, backend, threads, nanos, reason);
            }
            return record;
        }
    }

    /** Calls, time and fallbacks per backend since this runtime started (views share their parent's). */
    public Map<String, BackendStats> stats() {
        return shared.counters.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new BackendStats(e.getValue()[0].sum(), e.getValue()[1].sum(), e.getValue()[2].sum(),
                        e.getValue()[3].sum(), dispatcher.isQuarantined(backends.get(e.getKey())))));
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
            dispatcher.close();
            dispatcher.save();
            backends.values().forEach(Backend::close);
        }
    }
}
