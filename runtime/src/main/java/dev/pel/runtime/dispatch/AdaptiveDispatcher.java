package dev.pel.runtime.dispatch;

import dev.pel.runtime.DType;
import dev.pel.runtime.hw.Hardware;
import dev.pel.runtime.spi.Backend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongUnaryOperator;

/**
 * The runtime's dispatcher: a {@link CostModel} plus everything around it that makes it trustworthy
 * in a long-running process.
 * <ul>
 *   <li>Calibration is lazy and off the caller's path: a backend is measured the first time it is a
 *       candidate, on one background thread (the CPU serves calls on rough prior rates meanwhile, a
 *       device is not used until measured), and the result is persisted by {@link ModelStore}, so
 *       later processes start calibrated.</li>
 *   <li>A backend that fails a call is quarantined with an exponential back-off (1 s doubling to
 *       5 min), then retried; the runtime reruns the call elsewhere.</li>
 *   <li>Every call's measured time is fed back ({@link #observe}), published as a JFR
 *       {@link CallEvent}, and the model is saved at intervals and on close.</li>
 * </ul>
 * The hot path ({@link #auto}) reads the model's cached decision: no lock, no write. Which backends
 * are usable (measured, not quarantined) is asked when the model decides again; each change of it
 * invalidates the cached decisions, and a back-off that has passed is noticed at the next decision
 * (within 128 calls, or about 100 us of work).
 */
public final class AdaptiveDispatcher {
    private static final System.Logger LOG = System.getLogger("dev.pel.runtime.dispatch");
    /**
     * Time a backend's calibration may take (plus program builds a device needs once): a third under the 300 ms it
     * must stay within, for the timings that finish after the deadline.
     */
    public static final long CALIBRATION_BUDGET_NANOS = 200_000_000L;
    static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
    static final long MAX_BACKOFF_NANOS = 300_000_000_000L;
    static final long SAVE_INTERVAL_NANOS = 60_000_000_000L;

    private final CostModel model;
    private final List<Calibrator> calibrators;
    private final ModelStore store;
    private final long parallelMinBytes;
    private final Map<Backend, State> states = new LinkedHashMap<>();
    private final Decision[] forced; // per variant: "forced by pel.backend"

    private volatile long ready;       // variants with rates
    private volatile long pending;     // variants being calibrated, or whose calibration failed
    private volatile long quarantined; // variants of quarantined backends
    private int observations; // racy: a lost increment only delays an interval save
    private final AtomicBoolean saving = new AtomicBoolean();
    private volatile long lastSave = System.nanoTime();
    private ThreadPoolExecutor calibration;
    private long firstBackoffNanos = FIRST_BACKOFF_NANOS;
    private boolean dirty; // plain: set on every call, so it must cost nothing

    /** What the dispatcher knows of one backend beyond its rates. */
    private static final class State {
        final Backend backend;
        String source = "not calibrated yet";
        int failures;
        long retryAt;
        String lastFailure;

        State(Backend backend) {
            this.backend = backend;
        }
    }

    /**
     * @param backends         available backends
     * @param calibrators      measure backends (from the kernels module); a backend none supports gets prior rates
     * @param store            where the model persists, or null for none
     * @param parallelMinBytes a fixed thread rule for CPU backends (calls moving fewer bytes use one thread), or
     *                         negative to let the model choose
     */
    public AdaptiveDispatcher(List<Backend> backends, List<Calibrator> calibrators, ModelStore store, long parallelMinBytes) {
        this.model = new CostModel(backends);
        this.calibrators = List.copyOf(calibrators);
        this.store = store;
        this.parallelMinBytes = parallelMinBytes;
        for (Backend b : backends) {
            states.put(b, new State(b));
        }
        this.forced = new Decision[model.variants().size()];
        for (Variant v : model.variants()) {
            forced[v.index()] = new Decision(v.backend(), v.threads(), "forced by pel.backend=" + v.backend().name(), v.index());
        }
        load();
    }

    /** Identity of a machine's model: the library and Java versions, the hardware and every backend. */
    public static String identity(Hardware hw, List<Backend> backends) {
        StringBuilder s = new StringBuilder();
        s.append("pel ").append(ModelStore.libraryVersion()).append("; java ").append(Runtime.version().feature())
                .append("; ").append(hw.cores()).append(" cores ").append(hw.cpuModel()).append(' ').append(hw.arch());
        hw.caches().forEach(c -> s.append("; ").append(c));
        for (Backend b : backends) {
            s.append("; ").append(b.name()).append(": ").append(b.identity());
        }
        return s.toString();
    }

    public CostModel model() {
        return model;
    }

    public ModelStore store() {
        return store;
    }

    // ---------------------------------------------------------------- deciding

    /** The model's choice among the variants in {@code candidates}; null when none is usable. */
    public Decision auto(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long candidates) {
        if (parallelMinBytes >= 0) {
            return rule(kernel, dtype, d0, d1, d2, where, usable(candidates));
        }
        return model.choose(kernel, dtype, d0, d1, d2, where, candidates, false, usable);
    }

    /** The usable-variants operator {@link #auto} hands the model, or null where the fixed thread rule decides instead. */
    public LongUnaryOperator modelUsable() {
        return parallelMinBytes >= 0 ? null : usable;
    }

    /** {@link #usable(long)}, asked by the model when it decides (each change of its answer invalidates the model's decisions). */
    private final LongUnaryOperator usable = this::usable;

    /** What {@link #auto} would choose, without exploring or counting the call (for {@code explain}). */
    public Decision preview(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long candidates) {
        long allowed = usable(candidates);
        return parallelMinBytes >= 0 ? rule(kernel, dtype, d0, d1, d2, where, allowed)
                : model.preview(kernel, dtype, d0, d1, d2, where, allowed);
    }

    /**
     * A forced backend's decision: only its thread count is chosen, by the model (with its exploration,
     * so a miscalibrated thread count is corrected by measurement) or by the fixed rule.
     */
    public Decision forced(Backend backend, long variants, KernelSpec kernel, DType dtype, long d0, long d1, long d2,
            Placement where) {
        if (Long.bitCount(variants) == 1) {
            return forced[Long.numberOfTrailingZeros(variants)];
        }
        if (parallelMinBytes >= 0) {
            // The fixed rule needs no rates: one thread below the threshold, all of them from it.
            boolean all = kernel.cost().bytes(dtype.bytes(), d0, d1, d2) >= parallelMinBytes;
            return forced[all ? 63 - Long.numberOfLeadingZeros(variants) : Long.numberOfTrailingZeros(variants)];
        }
        if ((variants & ~ready & ~pending) != 0) { // a lock and a walk over the backends: only until measured
            ensureCalibrated(variants);
        }
        // Chosen and explored like an automatic decision: a thread count the rates misjudge gets corrected.
        Decision d = (ready & variants) == 0 ? null
                : model.choose(kernel, dtype, d0, d1, d2, where, variants & ready, true, CostModel.ALL);
        return d == null ? forced[Long.numberOfTrailingZeros(variants)] : forced[d.variant()];
    }

    /** The fixed thread rule ({@code pel.dispatch.parallelMinBytes}) over the model's backend choice. */
    private Decision rule(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long allowed) {
        Decision d = model.best(kernel, dtype, d0, d1, d2, where, allowed);
        if (d == null || !d.backend().host() || d.backend().maxThreads() == 1) {
            return d;
        }
        boolean all = kernel.cost().bytes(dtype.bytes(), d0, d1, d2) >= parallelMinBytes;
        for (Variant v : model.variants()) {
            if (v.backend() == d.backend() && (v.threads() > 1) == all) {
                return forced[v.index()].threads() == d.threads() ? d
                        : new Decision(v.backend(), v.threads(), "pel.dispatch.parallelMinBytes=" + parallelMinBytes, v.index());
            }
        }
        return d;
    }

    /** Candidates minus quarantined and not-yet-calibrated variants; starts calibrations that are due. */
    public long usable(long candidates) {
        long r = ready;
        if ((candidates & ~r) == 0 && quarantined == 0) {
            return candidates; // the steady state: everything measured, nothing quarantined
        }
        if (quarantined == 0 && (candidates & ~r & ~pending) == 0) {
            return candidates & r; // some being measured
        }
        long q = quarantined;
        if (q != 0) {
            q = release(q);
        }
        if ((candidates & ~ready & ~pending) != 0) {
            ensureCalibrated(candidates);
        }
        return candidates & ready & ~q;
    }

    // ---------------------------------------------------------------- calibration

    private void ensureCalibrated(long variants) {
        for (Map.Entry<Backend, State> e : states.entrySet()) {
            Backend b = e.getKey();
            State s = e.getValue();
            long m = model.mask(b);
            synchronized (this) {
                if ((m & variants & ~ready & ~pending) == 0) {
                    continue;
                }
                pending |= m;
            }
            Calibrator c = calibrators.stream().filter(x -> x.supports(b)).findFirst().orElse(null);
            if (c == null || b.host()) {
                // The CPU serves calls on rough rates until it is measured; a device waits for its measurement.
                for (Variant v : model.variants()) {
                    if (v.backend() == b) {
                        model.setRates(v.index(), prior(v));
                    }
                }
                synchronized (this) {
                    ready |= m;
                    if (c == null) {
                        pending &= ~m;
                    }
                }
                model.invalidate(); // after every change of what usable() says
                s.source = c == null ? "prior guess (not measured: pel.dispatch.calibrate=false, or no calibrator for it)"
                        : "prior guess (being measured)";
            }
            if (c != null) {
                s.source = "calibrating";
                calibrationThread().execute(() -> calibrate(s, c));
            }
        }
    }

    /** One thread measures backends one after another: two calibrations at once would disturb each other. */
    private synchronized ExecutorService calibrationThread() {
        if (calibration == null) {
            calibration = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    r -> Thread.ofPlatform().daemon().name("pel-calibrate").unstarted(r));
        }
        return calibration;
    }

    private void calibrate(State s, Calibrator c) {
        Backend b = s.backend;
        long t0 = System.nanoTime();
        long m = model.mask(b);
        try {
            Rates[] rs = new Rates[model.variants().size()];
            long warming = 0;
            try {
                for (Variant v : model.variants()) {
                    if (v.backend() == b) {
                        rs[v.index()] = c.calibrate(b, v.threads(), CALIBRATION_BUDGET_NANOS / variantsOf(b));
                        warming += c.warmUpNanos();
                    }
                }
            } finally {
                c.finished(b);
                if (calibration.getQueue().isEmpty()) {
                    calibrators.forEach(Calibrator::idle);
                }
            }
            Rates one = null;
            for (Variant v : model.variants()) {
                if (rs[v.index()] != null && v.threads() == 1) {
                    one = rs[v.index()];
                }
            }
            for (Variant v : model.variants()) {
                Rates r = rs[v.index()];
                if (r != null && v.threads() > 1 && one != null) {
                    r = atLeast(r, one);
                }
                if (r != null) {
                    model.setRates(v.index(), r);
                }
            }
            long took = System.nanoTime() - t0;
            s.source = String.format(Locale.ROOT, "calibrated in %.0f ms (%.0f ms warming up, %.0f ms measuring)", took / 1e6,
                    warming / 1e6, (took - warming) / 1e6);
            synchronized (this) {
                ready |= m;
                pending &= ~m;
            }
            model.invalidate();
            dirty = true;
            LOG.log(System.Logger.Level.DEBUG, "{0}: {1}", b.name(), s.source);
        } catch (RuntimeException | LinkageError e) {
            if (b.host()) {
                s.source = "prior guess (calibration failed: " + e + ")";
            } else {
                s.source = "calibration failed: " + e;
                synchronized (this) {
                    ready &= ~m; // pending stays set: a device whose measurement fails is not used in this process
                }
                model.invalidate();
            }
            LOG.log(System.Logger.Level.WARNING, "{0}: calibration failed ({1}); {2}", b.name(), e.toString(),
                    b.host() ? "it runs on prior rates" : "it is not used");
        }
    }

    /**
     * More threads never lower a backend's throughput: where a short measurement says they did (a
     * worker that joined late, a noisy neighbour), the one-thread rates stand in. The fixed cost stays
     * the variant's own.
     */
    static Rates atLeast(Rates many, Rates one) {
        return new Rates(many.launchNs(), Math.max(many.cacheBytesPerNs(), one.cacheBytesPerNs()),
                Math.max(many.memoryBytesPerNs(), one.memoryBytesPerNs()), Math.max(many.cacheBytes(), one.cacheBytes()),
                Math.max(many.flopsPerNs(), one.flopsPerNs()), many.linkBytesPerNs());
    }

    private int variantsOf(Backend b) {
        return Long.bitCount(model.mask(b));
    }

    /** Rough rates for a backend no calibrator measures: it competes, and learning corrects the guess. */
    static Rates prior(Variant v) {
        if (!v.backend().host()) {
            return new Rates(50_000, 20, 10, 1 << 20, 50, 5);
        }
        if (v.backend() instanceof dev.pel.runtime.cpu.ScalarBackend) {
            return new Rates(20, 2, 2, 1 << 20, 0.5, 8);
        }
        int t = v.threads();
        return new Rates(40 + 3_000 * (t - 1), 16 * t, 8 * Math.min(t, 2), (256 << 10) * t, 8 * t, 8);
    }

    /**
     * Uses the given rates for every variant of a backend instead of calibrating it (for tests, and
     * for tools that measured elsewhere); {@code rates} maps a thread count to its rates.
     */
    public void useRates(Backend backend, Map<Integer, Rates> rates) {
        for (Variant v : model.variants()) {
            if (v.backend() == backend) {
                Rates r = rates.get(v.threads());
                if (r == null) {
                    throw new IllegalArgumentException("rates: none given for " + v.label());
                }
                model.setRates(v.index(), r);
            }
        }
        synchronized (this) {
            ready |= model.mask(backend);
            pending &= ~model.mask(backend);
        }
        model.invalidate();
        states.get(backend).source = "rates given by the application";
    }

    /** Blocks until no calibration is running (for tests and the sweep's set-up). */
    public void awaitCalibration(long timeoutNanos) throws InterruptedException {
        long end = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < end) {
            boolean running = false;
            for (State s : states.values()) {
                running |= s.source.equals("calibrating");
            }
            if (!running) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /** Calibrates every backend now (at most one budget each) instead of on first use. */
    public void calibrateAll() throws InterruptedException {
        ensureCalibrated(-1L >>> 1);
        awaitCalibration(60_000_000_000L);
    }

    // ---------------------------------------------------------------- learning

    /**
     * Teaches the model one measured call, publishes it as a JFR event, and saves the model when
     * the save interval has passed.
     *
     * @param calls      the calls the measurement stands for (one in k measured: k)
     * @param forcedView whether a forced backend's view decided the call
     */
    public void observe(Decision d, KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long nanos,
            int calls, boolean forcedView) {
        double base = model.observe(d.variant(), kernel, dtype, d0, d1, d2, where, nanos, calls, forcedView);
        CallEvent e = new CallEvent();
        if (e.shouldCommit()) {
            e.kernel = kernel.name();
            e.dtype = dtype.label();
            e.n = d0 * d1 * d2;
            e.backend = d.backend().name();
            e.threads = d.threads();
            e.reason = d.reason();
            e.predicted = Double.isNaN(base) ? -1 : (long) model.predict(d.variant(), kernel, dtype, d0, d1, d2, where).total();
            e.measured = nanos;
            e.bytes = (long) kernel.cost().bytes(dtype.bytes(), d0, d1, d2);
            e.commit();
        }
        if (!dirty) {
            dirty = true;
        }
        if ((++observations & 0xFFFF) == 0) {
            if (System.nanoTime() - lastSave > SAVE_INTERVAL_NANOS && saving.compareAndSet(false, true)) {
                Thread.ofVirtual().name("pel-model-save").start(() -> {
                    try {
                        save();
                    } finally {
                        saving.set(false);
                    }
                });
            }
        }
    }

    // ---------------------------------------------------------------- failures

    /**
     * Takes a backend out of use after a failed call, until a back-off passes.
     *
     * @return the back-off in nanoseconds
     */
    public long quarantine(Backend backend, Throwable failure) {
        State s = states.get(backend);
        if (s == null) {
            return 0;
        }
        long backoff;
        synchronized (this) {
            s.failures++;
            backoff = Math.min(MAX_BACKOFF_NANOS, firstBackoffNanos << Math.min(20, s.failures - 1));
            s.retryAt = System.nanoTime() + backoff;
            s.lastFailure = failure.toString();
            quarantined |= model.mask(backend);
        }
        model.invalidate();
        return backoff;
    }

    /** The first back-off (tests shorten it; it doubles with each failure up to five minutes). */
    void firstBackoff(long nanos) {
        firstBackoffNanos = nanos;
    }

    /** Releases backends whose back-off has passed; returns the quarantine mask now. */
    private long release(long q) {
        long now = System.nanoTime();
        synchronized (this) {
            for (State s : states.values()) {
                long m = model.mask(s.backend);
                if ((quarantined & m) != 0 && now - s.retryAt >= 0) {
                    quarantined &= ~m;
                    LOG.log(System.Logger.Level.INFO, "{0}: retrying after its back-off (last failure: {1})", s.backend.name(),
                            s.lastFailure);
                    model.invalidate();
                }
            }
            return quarantined;
        }
    }

    /** True while the backend is quarantined. */
    public boolean isQuarantined(Backend backend) {
        return (quarantined & model.mask(backend)) != 0;
    }

    // ---------------------------------------------------------------- reporting

    /** Lines for {@code pel explain}: every candidate variant's prediction with its terms, and the exclusions. */
    public List<String> explain(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long candidates) {
        usable(candidates);
        List<String> lines = new ArrayList<>();
        double flops = kernel.cost().flops(d0, d1, d2);
        double bytes = kernel.cost().bytes(dtype.bytes(), d0, d1, d2);
        lines.add(String.format(Locale.ROOT, "kernel %s %s, extents %s: %.0f flops, %.0f bytes moved, operands in %s", kernel.name(),
                dtype.label(), extents(d0, d1, d2), flops, bytes, where));
        lines.add("model: predicted = (launch + move + max(flops / compute rate, bytes / bandwidth)) x learned correction");
        for (Variant v : model.variants()) {
            State s = states.get(v.backend());
            if ((candidates & (1L << v.index())) == 0) {
                continue;
            }
            if (isQuarantined(v.backend())) {
                lines.add(String.format(Locale.ROOT, "excluded %s: quarantined for %.1f s more after %d failure(s), last: %s",
                        v.label(), Math.max(0, s.retryAt - System.nanoTime()) / 1e9, s.failures, s.lastFailure));
            } else if (model.rates(v.index()) == null) {
                lines.add("excluded " + v.label() + ": " + s.source);
            } else {
                lines.add("candidate " + v.label() + ": " + model.predict(v.index(), kernel, dtype, d0, d1, d2, where));
            }
        }
        return lines;
    }

    private static String extents(long d0, long d1, long d2) {
        return d1 == 1 && d2 == 1 ? "n=" + d0 : d2 == 1 ? d0 + "x" + d1 : d0 + "x" + d1 + "x" + d2;
    }

    /** One line per variant of a backend for {@code pel devices}: its rates and where they came from. */
    public List<String> describe(Backend backend) {
        List<String> lines = new ArrayList<>();
        State s = states.get(backend);
        for (Variant v : model.variants()) {
            if (v.backend() == backend) {
                Rates r = model.rates(v.index());
                lines.add(v.label() + ": " + (r == null ? "" : r + "; ") + s.source
                        + (isQuarantined(backend) ? "; quarantined after: " + s.lastFailure : ""));
            }
        }
        return lines;
    }

    // ---------------------------------------------------------------- persistence

    private void load() {
        if (store == null) {
            return;
        }
        ModelStore.Contents c = store.load();
        if (c == null) {
            return;
        }
        for (Variant v : model.variants()) {
            Rates r = c.rates().get(v.label());
            if (r != null) {
                model.setRates(v.index(), r);
                ready |= 1L << v.index();
            }
        }
        for (State s : states.values()) {
            long m = model.mask(s.backend);
            if ((ready & m) == m) {
                s.source = "calibrated earlier (" + store.file() + ")";
            } else {
                ready &= ~m; // all of a backend's variants or none
            }
        }
        model.preload(c.learned());
    }

    /** Writes the model to {@code pel.cache.dir} if it changed; failures are logged, never thrown. */
    public void save() {
        if (store == null || !dirty) {
            return;
        }
        Map<String, Rates> rates = new LinkedHashMap<>();
        for (Variant v : model.variants()) {
            Rates r = model.rates(v.index());
            if (r != null && (ready & (1L << v.index())) != 0) {
                rates.put(v.label(), r);
            }
        }
        try {
            store.save(rates, model.learned());
            dirty = false;
            lastSave = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save the cost model to {0}: {1}", store.file(), e.toString());
        }
    }

    /** Stops a calibration in progress (the backends are closing). */
    public synchronized void close() {
        if (calibration != null) {
            calibration.shutdownNow();
        }
    }
}
