package dev.pel.runtime.dispatch;

import dev.pel.runtime.DType;
import dev.pel.runtime.spi.Backend;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * Predicts the time of a call on each {@link Variant} and picks the fastest:
 * <pre>
 *   predicted = (launch + move + max(flops / compute rate, bytes / memory bandwidth)) x correction
 * </pre>
 * The terms come from the variant's calibrated {@link Rates} and the kernel's declared
 * {@link KernelSpec.Cost}; {@code move} is the copy the call's {@link Placement} makes necessary
 * (heap arrays to a device, device-resident data home to the CPU). The correction is learned online
 * per (kernel, element type, variant, size class) from the last {@value #RING} ratios of measured to
 * modelled time: the second smallest. Timing noise on a shared machine is one-sided (a GC pause, a
 * cold JIT, a busy core only ever slow a call down), so a low order statistic tracks what the variant
 * can do, one lucky call does not decide, and five slow ones in seven do not either; memory stays
 * bounded. Until seven observations are in, a class takes the correction of the nearest size class
 * that has seven (weakened beyond a factor 16 in size), which its own calls may only lower (its first
 * calls may run cold code, which must not brand it slow), and its choice is revisited at every
 * measured call; a correction not refreshed within {@value #STALE} observations of the kernel is
 * dropped, so a lesson learned in a bad moment (a cold JIT, a noisy neighbour) does not keep a
 * variant out of use forever.
 *
 * <p>Decisions are cached per (kernel, element type, size class, heap-or-host placement) and
 * recomputed every {@value #RECOMPUTE_PERIOD} calls, or sooner when that many calls would last longer
 * than {@value #RECOMPUTE_NANOS} ns, so the hot path is a few array reads, no lock and no write, and a
 * large call follows what the last calls taught. Calls are counted as they are measured
 * ({@link #observe}): a small call measured at random one in eight counts for eight. A choice gives
 * way only to a variant predicted more than 15% faster ({@link #SWITCH_MARGIN}): between near-equal
 * variants, flapping costs more than either. Between two one-thread host variants, where nothing parks
 * or wakes, 5% suffices ({@link #QUIET_SWITCH_MARGIN}).
 * Exploration keeps a wrong model from staying wrong. It runs in bursts of consecutive calls,
 * because a lone call on another variant is not what that variant does in steady use: its worker
 * threads are parked and the data sits in another core's cache (two threads measured 3x slower
 * alone than in a run), and every call of a burst is measured ({@link Decision#measured()}). Once in
 * {@value #EXPLORE_PERIOD} calls per size class a burst of
 * {@value #EXPLORE_BURST} runs a variant observed there fewer than {@value #MIN_OBSERVATIONS} times if it
 * is predicted within {@value #PROBE_FACTOR}x of the best (one such burst per variant and size class,
 * ever), else the runner-up when it is predicted within {@value #EXPLORE_FACTOR}x; once in
 * {@value #REFRESH_PERIOD} calls a burst of {@value #REFRESH_BURST} refreshes the runner-up when it is
 * within {@value #REFRESH_FACTOR}x, the runner-up as the rates see it with a learned slowness of up to
 * {@value #SET_ASIDE}x set aside, so a variant branded slow in a bad moment (a busy neighbour, a cold
 * JIT) gets its chance back. The steady cost is bounded by 4/512 x 1 + 2/4096 x 15,
 * under 1.6% of the time in the worst case (plus the burst at the 16th call of each size class) and
 * nothing when the model is right about a clear winner. When a class's choice moves, the variant it
 * left is run again by a burst {@value #RECHECK_NANOS} ns of calls later, then 20 ms, 40 ms and so on
 * up to half an exploration period (a passing moment may have caused the move, and the next
 * exploration may be minutes away for long calls): a move costs at most a burst per doubling of the
 * time since, and a class whose choice stands pays nothing.
 *
 * <p>Size classes are powers of two of the bytes a call moves. Fields written by concurrent callers
 * without a lock hold estimates only: a lost update costs one observation, never a wrong result.
 */
public final class CostModel {
    static final int BUCKETS = 64;
    static final int RING = 7;
    static final int RECOMPUTE_PERIOD = 128;
    /** Predicted time of work a cached decision may cover: fewer calls than RECOMPUTE_PERIOD when they are long. */
    static final double RECOMPUTE_NANOS = 100_000;
    /**
     * A size class's choice changes only for a variant predicted faster by more than this fraction. Switching has
     * costs the per-variant model does not see (a run of one-thread calls parks the other threads, and the next
     * two-thread call wakes them), so between two near-equal variants flapping costs more than either: sum f64 at
     * 1M elements alternated between one and two threads at 295 us per call, against 218 us on two alone.
     */
    static final double SWITCH_MARGIN = 0.15;
    /**
     * The margin between two one-thread host variants (cpu-scalar and cpu-simd at one thread): no worker parks or wakes
     * when the choice moves between them, so only timing noise needs a margin. Small calls need a narrow one: each
     * measured call carries the clock reads and the facade (20-40 ns, which the calibration's batched timings lack) on
     * every variant alike, which narrows the measured gap (16-element scal f64: 85 ns on cpu-simd, 65 on cpu-scalar).
     */
    static final double QUIET_SWITCH_MARGIN = 0.05;
    static final int EXPLORE_PERIOD = 512;
    /** Consecutive calls an exploration runs: the later ones run with warm workers and caches. */
    static final int EXPLORE_BURST = 4;
    /** A size class also explores at its 16th call, so a new class learns early. */
    static final int FIRST_EXPLORATION = 16;
    static final double EXPLORE_FACTOR = 2.0;
    static final int MIN_OBSERVATIONS = 3;
    /** Observations of a kernel after which a size class's unrefreshed correction is dropped (the model is trusted again). */
    static final int STALE = 1 << 14;
    static final double PROBE_FACTOR = 16.0;
    static final int REFRESH_PERIOD = 4096;
    static final int REFRESH_BURST = 2;
    static final double REFRESH_FACTOR = 8.0;
    /**
     * Ratios are clipped to this factor either way: a cold JIT or a page-fault storm teaches a bounded
     * lesson, yet a kernel whose vector form is far slower than its model (compact: 20x) is learned.
     */
    static final float MAX_RATIO = 64f;
    /** A learned slowness up to this factor may date from a bad moment: a refresh sets it aside. */
    static final float SET_ASIDE = 16f;
    /** Size classes (powers of two) within which a class without observations borrows a neighbour's correction in full. */
    static final int BORROW_FULL = 4;
    /**
     * A size class whose own calls take this long believes them over a neighbour's correction from the first one, slower
     * or faster: such calls are few (the sweep times a call of seconds once), a cold JIT slows their loops for a fraction
     * of the call rather than for thousands of calls, and a neighbour's lesson can be far off there. PoCL's fft f64 ran
     * 20x faster than modelled at 1M points and 5x at 16M: the borrowed 1/20 sent a 16M transform to it at 1.7 s, where
     * the CPU took 0.46 s and the device's own call had already shown 1.9 s.
     */
    static final double TRUST_OWN_NANOS = 100e6;

    /**
     * After a size class's choice moves away from a variant, that variant is run again by a burst this long after
     * (in predicted time of the new choice; at least 2 calls), then after twice as long, and so on until the wait
     * reaches half an exploration period; a move soon after the last one doubles the wait too. The moves a passing
     * moment causes are the ones the rest cannot undo soon: a busy second core (a neighbour, a JIT compilation) slowed
     * two threads' calls 2x for 14 calls in a row, the class moved to one thread and stayed there, at 2x the time,
     * for the rest of a sweep point; such moments lasted 10 to 30 ms.
     */
    static final double RECHECK_NANOS = 10_000_000;
    /** A recheck's burst when a call is predicted to take this long or more: the first call's cold start is then small. */
    static final double LONG_CALL_NANOS = 1_000_000;
    static final int LONG_BURST = 2;

    private static final int CHOSEN = 0;
    private static final int EXPLORING = 1;
    private static final int REFRESHING = 2;
    private static final int RECHECKING = 3;

    private final List<Variant> variants;
    private final Decision[][] decisions; // [variant][CHOSEN | EXPLORING | REFRESHING | RECHECKING]
    private final Rates[] rates;          // null: not calibrated (the variant is not used)
    private KernelModel[] kernels = new KernelModel[0]; // plain: a stale read finds null and takes the lock in grow()
    /** Cached decisions: [kernel id][element type][auto heap | auto host | forced heap | forced host][size class]. */
    private Slot[] slots = new Slot[0]; // plain, as kernels
    private static final int SLOTS_PER_KERNEL = 2 * 4 * BUCKETS;
    private volatile int epoch;

    /** The model over every variant of {@code backends}: each at one thread and, if it has more, at all of them. */
    public CostModel(List<Backend> backends) {
        List<Variant> vs = new ArrayList<>();
        for (Backend b : backends) {
            vs.add(new Variant(b, 1, vs.size()));
            if (b.maxThreads() > 1) {
                vs.add(new Variant(b, b.maxThreads(), vs.size()));
            }
        }
        if (vs.size() > 63) {
            throw new IllegalArgumentException("backends: at most 63 variants are supported, got " + vs.size());
        }
        this.variants = List.copyOf(vs);
        this.rates = new Rates[vs.size()];
        this.decisions = new Decision[vs.size()][];
        for (Variant v : vs) {
            decisions[v.index()] = new Decision[] {
                new Decision(v.backend(), v.threads(), "lowest predicted time", v.index()),
                new Decision(v.backend(), v.threads(),
                        "exploring the runner-up (" + EXPLORE_BURST + " calls in " + EXPLORE_PERIOD + ")", v.index(), true),
                new Decision(v.backend(), v.threads(),
                        "refreshing the runner-up's estimate (" + REFRESH_BURST + " calls in " + REFRESH_PERIOD + ")", v.index(),
                        true),
                new Decision(v.backend(), v.threads(), "rechecking a variant the size class's choice just left", v.index(), true)};
        }
    }

    public List<Variant> variants() {
        return variants;
    }

    /** The variants of one backend, as a mask. */
    public long mask(Backend backend) {
        long m = 0;
        for (Variant v : variants) {
            if (v.backend() == backend) {
                m |= 1L << v.index();
            }
        }
        return m;
    }

    /** The variants of the backends in {@code backends}, as a mask. */
    public long mask(List<Backend> backends) {
        long m = 0;
        for (Backend b : backends) {
            m |= mask(b);
        }
        return m;
    }

    /** Calibrated rates of a variant, or null. */
    public Rates rates(int variant) {
        return rates[variant];
    }

    /**
     * Sets (or with null, forgets) a variant's rates. What was learned for the variant is forgotten
     * (corrections are relative to the rates), and cached decisions are recomputed.
     */
    public void setRates(int variant, Rates r) {
        rates[variant] = r;
        for (KernelModel km : kernels) {
            if (km != null) {
                km.forget(variant);
            }
        }
        invalidate();
    }

    /** Makes every cached decision stale, e.g. when a backend is quarantined or comes back. */
    public void invalidate() {
        epoch++;
        // The epoch's write before the clearing (see publish): a decision published after the clearing has seen the new epoch.
        VarHandle.fullFence();
        for (Slot s : slots) {
            if (s != null) {
                s.decision = null;
            }
        }
    }

    // ---------------------------------------------------------------- prediction

    /** The terms of one prediction, in nanoseconds, for {@code explain}. */
    public record Prediction(Variant variant, double launch, double move, double compute, double memory, double correction,
            int observations) {
        /** The modelled time before correction. */
        public double base() {
            return launch + move + Math.max(compute, memory);
        }

        public double total() {
            return base() * correction;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s = (launch %s + move %s + max(compute %s, memory %s)) x correction %.2f (%d observations)",
                    time(total()), time(launch), time(move), time(compute), time(memory), correction, observations);
        }
    }

    static String time(double ns) {
        if (ns < 1e3) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (ns < 1e6) {
            return String.format(Locale.ROOT, "%.1f us", ns / 1e3);
        }
        if (ns < 1e9) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    /** The full prediction for a variant (which must have rates). */
    public Prediction predict(int variant, KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where) {
        Rates r = rates[variant];
        double flops = kernel.cost().flops(d0, d1, d2);
        double bytes = kernel.cost().bytes(dtype.bytes(), d0, d1, d2);
        KernelModel km = model(kernel, dtype);
        int b = bucket(bytes);
        float correction = km.correction(variant, b, baseNs(variant, flops, bytes, where));
        return new Prediction(variants.get(variant), r.launchNs(), moveNs(variant, where, bytes), flops / r.flopsPerNs(),
                bytes / r.bandwidth(bytes), correction, km.observations(variant, b));
    }

    /** The corrected prediction a choice compares. */
    private double predictedNs(KernelModel km, int variant, double flops, double bytes, Placement where, int b) {
        double base = baseNs(variant, flops, bytes, where);
        return base * km.correction(variant, b, base);
    }

    private double baseNs(int variant, double flops, double bytes, Placement where) {
        Rates r = rates[variant];
        return r.launchNs() + moveNs(variant, where, bytes) + Math.max(flops / r.flopsPerNs(), bytes / r.bandwidth(bytes));
    }

    /** Nanoseconds to bring the operands where the variant reads them. */
    private double moveNs(int variant, Placement where, double bytes) {
        if (where == Placement.HOST || bytes == 0) {
            Backend b = variants.get(variant).backend();
            return b.sharesHostMemory() ? 0 : bytes / rates[variant].linkBytesPerNs();
        }
        Backend b = variants.get(variant).backend();
        Object device = where.device();
        double ns = 0;
        if (device != null && device != b && !where.hostValid()
                && !(device instanceof Backend d && d.sharesHostMemory())) {
            ns += bytes / linkOf(device); // the data comes home from the device that holds it (a map where memory is shared)
        }
        if (!b.host() && device != b && (where.heap() || !b.sharesHostMemory())) {
            ns += bytes / rates[variant].linkBytesPerNs(); // and goes to this device
        }
        return ns;
    }

    private double linkOf(Object device) {
        for (Variant v : variants) {
            if (v.backend() == device && rates[v.index()] != null) {
                return rates[v.index()].linkBytesPerNs();
            }
        }
        return 1; // an unknown device: 1 GB/s, a pessimistic PCIe guess
    }

    static int bucket(double bytes) {
        return bucket((long) Math.min(bytes, Long.MAX_VALUE));
    }

    static int bucket(long bytes) {
        return bytes < 2 ? 0 : 63 - Long.numberOfLeadingZeros(bytes);
    }

    // ---------------------------------------------------------------- choosing

    /**
     * The variant to run a call on, among {@code allowed} (a mask of usable variants with rates).
     *
     * @return the decision, or null when no allowed variant has rates
     */
    public Decision choose(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long allowed) {
        return choose(kernel, dtype, d0, d1, d2, where, allowed, false, ALL);
    }

    /** Every candidate is usable (see {@link #choose(KernelSpec, DType, long, long, long, Placement, long, boolean, LongUnaryOperator)}). */
    public static final LongUnaryOperator ALL = candidates -> candidates;

    /**
     * As {@link #choose(KernelSpec, DType, long, long, long, Placement, long)}, among {@code candidates}
     * narrowed by {@code usable} to those usable now. {@code usable} is asked only when a decision is
     * made, not on the hot path, so whoever changes its answer (a backend measured, quarantined or
     * released) must {@link #invalidate()} the cached decisions after the change. {@code forcedView}
     * keeps the decisions of a forced backend (which chooses among its thread counts only, exploring
     * them like any choice) apart from the automatic ones, so alternating between the two does not
     * make either recompute on every call.
     */
    public Decision choose(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long candidates,
            boolean forcedView, LongUnaryOperator usable) {
        // The hot path: one array read reaches the slot, and nothing is written (a counter there, written by every call,
        // cost 2.5 ns of the 5 a decision took, and concurrent callers would pass its cache line to and fro: calls are
        // counted where they are measured, in observe). A slot's decision is there only while it holds (see publish):
        // checking its count, due count and epoch here as well took 3.4 of a decision's 9.7 ns on a 2 GHz core. It stays
        // small so that callers inline it: in a process that runs many kernels, a method that has been compiled large on
        // its own is not inlined, and the call cost more than the decision.
        int b = bucket(kernel.bytes(dtype.bytes(), d0, d1, d2));
        int view = view(where);
        int i = slotIndex(kernel, dtype, view, forcedView, b);
        Slot[] ss = slots;
        Slot s;
        if (view >= 0 && i < ss.length && (s = ss[i]) != null) {
            Decision d = s.decision;
            if (d != null && s.mask == candidates) {
                return d;
            }
        }
        return decide(kernel, dtype, d0, d1, d2, where, candidates, usable, b, view, i);
    }

    /** The slow path of {@link #choose}: a device-resident placement (not cached), a new size class, or a decision due. */
    private Decision decide(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long candidates,
            LongUnaryOperator usable, int b, int view, int i) {
        if (view < 0) {
            return compute(model(kernel, dtype), kernel, dtype, d0, d1, d2, where, usable.applyAsLong(candidates), b, CHOSEN);
        }
        Slot s = existing(i);
        if (s == null) {
            s = slot(i);
        }
        return recompute(model(kernel, dtype), kernel, dtype, d0, d1, d2, where, candidates, usable, b, s, s.calls);
    }

    /** The placements whose decisions are cached: heap arrays (0) and host memory (1); -1 for data on a device. */
    private static int view(Placement where) {
        return where == Placement.HEAP ? 0 : where == Placement.HOST ? 1 : -1;
    }

    private static int slotIndex(KernelSpec kernel, DType dtype, int view, boolean forcedView, int b) {
        return ((kernel.id() << 1 | dtype.ordinal()) << 2 | view | (forcedView ? 2 : 0)) << 6 | b;
    }

    /** The slot at index i, or null before the first call of its class. */
    private Slot existing(int i) {
        Slot[] ss = slots;
        return i < ss.length ? ss[i] : null;
    }

    /** The cache of one (kernel, type, view, size class), created on first use. */
    private synchronized Slot slot(int i) {
        Slot[] ss = slots;
        if (i >= ss.length) {
            ss = Arrays.copyOf(ss, Math.max(2 * ss.length, (i | (SLOTS_PER_KERNEL - 1)) + 1));
        }
        Slot s = ss[i];
        if (s == null) {
            s = new Slot();
            ss[i] = s;
        }
        slots = ss;
        return s;
    }

    /**
     * The slow path of {@link #choose}: the next call of an exploration burst, or a fresh decision, cached, and on its
     * turn an exploration.
     *
     * @param c the size class's calls so far, as counted by their measurements
     */
    private Decision recompute(KernelModel km, KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where,
            long candidates, LongUnaryOperator usable, int b, Slot s, int c) {
        int e = epoch; // read before usable: a change after this read makes the decision stale at once
        if (s.burst > 0 && s.epoch == e && s.mask == candidates) {
            s.burst--; // racy: concurrent callers may run a call more or less of the burst
            return s.explored;
        }
        s.burst = 0;
        // Call 256 of every 512 explores, except call 256 of every 4096, which refreshes; other recomputations only
        // decide; and the 16th call explores once. The count moves in steps (a call measured one in eight counts for
        // eight), so a turn is the count passing that call since the last recomputation.
        int last = s.last;
        s.last = c;
        int mode = last < FIRST_EXPLORATION && c >= FIRST_EXPLORATION ? EXPLORING
                : s.abandoned >= 0 && c - s.recheckAt >= 0 ? RECHECKING
                : passed(last, c, REFRESH_PERIOD) ? REFRESHING
                : passed(last, c, EXPLORE_PERIOD) ? EXPLORING : CHOSEN;
        int left = s.abandoned;
        long allowed = usable.applyAsLong(candidates);
        Decision best = compute(km, kernel, dtype, d0, d1, d2, where, allowed, b, CHOSEN);
        if (best == null) {
            return null;
        }
        double flops = kernel.cost().flops(d0, d1, d2);
        double bytes = kernel.cost().bytes(dtype.bytes(), d0, d1, d2);
        int v = kept(km, s, e, best.variant(), flops, bytes, where, allowed, b);
        best = decisions[v][CHOSEN];
        double ns = predictedNs(km, v, flops, bytes, where, b);
        int wait = recheckGap(ns);
        if (s.held >= 0 && s.held != v) {
            // A move right after the last one (flapping) doubles the wait; a move after the last choice held well past its
            // rechecks is news, and starts again from the shortest.
            s.rechecks = c - s.movedAt > 4 * rechecksWait(wait, s.rechecks) ? 0 : s.rechecks + 1;
            s.abandoned = s.held;
            s.recheckAt = c + rechecksWait(wait, s.rechecks);
            s.movedAt = c;
        } else if (mode == RECHECKING) {
            // This turn's burst runs the variant left; if it stays left, the next recheck waits twice as long, until the
            // wait reaches the exploration period's.
            s.rechecks++;
            s.recheckAt = c + rechecksWait(wait, s.rechecks);
            if (rechecksWait(wait, s.rechecks) >= EXPLORE_PERIOD / 2) {
                s.abandoned = -1;
            }
        }
        s.held = v;
        s.mask = candidates;
        s.epoch = e;
        // A choice resting on fewer than RING of its own calls at this size is revisited at the next measured call:
        // its correction is still settling (cached for 128 calls, a variant one call had misjudged kept running).
        int period = km.observations(v, b) < RING ? 1 : period(ns);
        int next = period == 1 ? c + 1 : (c | (period - 1)) + 1;
        s.until = c < FIRST_EXPLORATION ? Math.min(next, FIRST_EXPLORATION) : next;
        if (s.abandoned >= 0 && s.recheckAt - s.until < 0) {
            s.until = s.recheckAt; // after c: a recheck that is due has run (below) or been superseded by a newer move
        }
        if (mode == CHOSEN) {
            publish(s, best, e);
            return best;
        }
        Decision explored = mode == RECHECKING ? recheck(km, left, v, flops, bytes, where, allowed, b)
                : compute(km, kernel, dtype, d0, d1, d2, where, allowed, b, mode);
        if (explored == decisions[explored.variant()][CHOSEN]) {
            publish(s, best, e);
            return best; // nothing to explore (the held choice stands)
        }
        // The burst's next calls take the slow path (the cached decision is due), which counts them down; the call after
        // it decides again with what they taught.
        s.explored = explored;
        int burst = mode == REFRESHING ? REFRESH_BURST : mode == RECHECKING && ns >= LONG_CALL_NANOS ? LONG_BURST : EXPLORE_BURST;
        s.burst = burst - 1;
        s.until = c;
        s.decision = null;
        return explored;
    }

    /**
     * Caches a slot's decision for {@link #choose}'s hot path, which checks nothing but the candidates: it is there only
     * while it holds. It is taken away when its class's count reaches the due count ({@link #observe}), when the epoch
     * moves ({@link #invalidate}), and here if either happened meanwhile. The fence orders the store before the epoch's
     * read: an invalidate that clears before the store is seen in the epoch.
     *
     * @param e the epoch the decision was made in
     */
    private void publish(Slot s, Decision d, int e) {
        s.decision = s.calls - s.until < 0 ? d : null; // safe when the count wraps
        VarHandle.fullFence();
        if (epoch != e) {
            s.decision = null;
        }
    }

    /**
     * The recheck of {@code left}, the variant the class's choice moved away from (see {@link #RECHECK_NANOS}), or the
     * choice itself when that variant is no longer allowed, is the choice again, or is now predicted more than
     * {@value #REFRESH_FACTOR}x slower.
     */
    private Decision recheck(KernelModel km, int left, int chosen, double flops, double bytes, Placement where, long allowed,
            int b) {
        if (left == chosen || (allowed & (1L << left)) == 0 || rates[left] == null
                || predictedNs(km, left, flops, bytes, where, b) > REFRESH_FACTOR * predictedNs(km, chosen, flops, bytes, where, b)) {
            return decisions[chosen][CHOSEN];
        }
        return decisions[left][RECHECKING];
    }

    /** The wait before a class's k-th recheck in a row: {@code first} doubled k times, at most half an exploration period. */
    private static int rechecksWait(int first, int k) {
        return Math.min(EXPLORE_PERIOD / 2, first << Math.min(k, 8));
    }

    /** Calls until a recheck: about {@link #RECHECK_NANOS} of calls predicted to take {@code predictedNs}, at least 2. */
    static int recheckGap(double predictedNs) {
        double calls = RECHECK_NANOS / Math.max(predictedNs, 1);
        return calls >= EXPLORE_PERIOD / 2 ? EXPLORE_PERIOD / 2 : Math.max(2, (int) calls);
    }

    /** The variant to run: the class's standing choice while the lowest prediction beats it by no more than SWITCH_MARGIN. */
    private int kept(KernelModel km, Slot s, int e, int lowest, double flops, double bytes, Placement where, long allowed, int b) {
        int h = s.held;
        if (h < 0 || h == lowest || s.epoch != e || (allowed & (1L << h)) == 0 || rates[h] == null) {
            return lowest;
        }
        double heldNs = predictedNs(km, h, flops, bytes, where, b);
        return heldNs <= predictedNs(km, lowest, flops, bytes, where, b) * (1 + margin(h, lowest)) ? h : lowest;
    }

    /** The fraction by which {@code to} must beat {@code from} to replace it as a class's choice. */
    double margin(int from, int to) {
        Variant f = variants.get(from);
        Variant t = variants.get(to);
        return f.threads() == 1 && t.threads() == 1 && f.backend().host() && t.backend().host() ? QUIET_SWITCH_MARGIN
                : SWITCH_MARGIN;
    }

    /** Whether the count passed call {@value #EXPLORE_PERIOD} / 2 of a period in (from, to]. */
    static boolean passed(int from, int to, int period) {
        int phase = EXPLORE_PERIOD / 2;
        return Math.floorDiv(to - phase, period) != Math.floorDiv(from - phase, period);
    }

    /**
     * Calls a decision is cached for, given the predicted time of a call: {@value #RECOMPUTE_PERIOD}, or fewer
     * so that they last about {@value #RECOMPUTE_NANOS} ns (a power of two, at least 1). A decision taken in a bad
     * moment (a busy neighbour slowed the two-thread calls, and their correction rose for a while) must not run
     * 128 large calls, tens of milliseconds, after the moment has passed: deciding again costs ~100 ns.
     */
    static int period(double predictedNs) {
        double calls = RECOMPUTE_NANOS / Math.max(predictedNs, 1);
        return calls >= RECOMPUTE_PERIOD ? RECOMPUTE_PERIOD : calls < 2 ? 1 : Integer.highestOneBit((int) calls);
    }

    private Decision compute(KernelModel km, KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where,
            long allowed, int b, int mode) {
        double flops = kernel.cost().flops(d0, d1, d2);
        double bytes = kernel.cost().bytes(dtype.bytes(), d0, d1, d2);
        int best = -1;
        int second = -1;
        double bestNs = Double.POSITIVE_INFINITY;
        double secondNs = Double.POSITIVE_INFINITY;
        for (int v = 0; v < variants.size(); v++) {
            if ((allowed & (1L << v)) == 0 || rates[v] == null) {
                continue;
            }
            double t = predictedNs(km, v, flops, bytes, where, b);
            if (t < bestNs) {
                second = best;
                secondNs = bestNs;
                best = v;
                bestNs = t;
            } else if (t < secondNs) {
                second = v;
                secondNs = t;
            }
        }
        if (best < 0) {
            return null;
        }
        if (mode == REFRESHING) {
            // The runner-up as the rates see it, a learned slowness up to SET_ASIDE set aside (it may date from a bad
            // moment), a learned speed-up kept.
            second = -1;
            secondNs = Double.POSITIVE_INFINITY;
            for (int v = 0; v < variants.size(); v++) {
                if (v != best && (allowed & (1L << v)) != 0 && rates[v] != null) {
                    double base = baseNs(v, flops, bytes, where);
                    float c = km.correction(v, b, base);
                    double t = base * (c <= SET_ASIDE ? Math.min(1f, c) : c);
                    if (t < secondNs) {
                        second = v;
                        secondNs = t;
                    }
                }
            }
        }
        if (mode == EXPLORING) {
            int probe = -1;
            for (int v = 0; v < variants.size(); v++) {
                if (v == best || (allowed & (1L << v)) == 0 || rates[v] == null || km.observations(v, b) >= MIN_OBSERVATIONS) {
                    continue;
                }
                if (predictedNs(km, v, flops, bytes, where, b) <= PROBE_FACTOR * bestNs
                        && (probe < 0 || km.observations(v, b) < km.observations(probe, b))) {
                    probe = v;
                }
            }
            if (probe >= 0) {
                return decisions[probe][EXPLORING];
            }
            if (second >= 0 && secondNs <= EXPLORE_FACTOR * bestNs) {
                return decisions[second][EXPLORING];
            }
        }
        if (mode == REFRESHING && second >= 0 && secondNs <= REFRESH_FACTOR * bestNs) {
            return decisions[second][REFRESHING];
        }
        return decisions[best][CHOSEN];
    }

    /** The cheapest of {@code allowed} by prediction alone, without exploration or caching (a forced backend's thread count). */
    public Decision best(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long allowed) {
        KernelModel km = model(kernel, dtype);
        int b = bucket(kernel.cost().bytes(dtype.bytes(), d0, d1, d2));
        return compute(km, kernel, dtype, d0, d1, d2, where, allowed, b, CHOSEN);
    }

    /**
     * What {@link #choose} runs outside an exploration, without counting or caching anything (for
     * {@code explain}): the lowest prediction, or the size class's standing choice while the lowest
     * beats it by no more than {@link #margin} (a fraction), which the reason then says.
     */
    public Decision preview(KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long allowed) {
        Decision best = best(kernel, dtype, d0, d1, d2, where, allowed);
        int view = view(where);
        if (best == null || view < 0) {
            return best;
        }
        int b = bucket(kernel.bytes(dtype.bytes(), d0, d1, d2));
        Slot s = existing(slotIndex(kernel, dtype, view, false, b));
        if (s == null) {
            return best;
        }
        KernelModel km = model(kernel, dtype);
        int v = kept(km, s, epoch, best.variant(), kernel.cost().flops(d0, d1, d2), kernel.cost().bytes(dtype.bytes(), d0, d1, d2),
                where, allowed, b);
        return v == best.variant() ? best : new Decision(variants.get(v).backend(), variants.get(v).threads(), String.format(
                Locale.ROOT, "kept: the class's standing choice, predicted within %.0f%% of the lowest (%s)",
                100 * margin(v, best.variant()), variants.get(best.variant()).label()), v);
    }

    // ---------------------------------------------------------------- learning

    /**
     * Teaches the model one measured call.
     *
     * @return the modelled time (before correction) the measurement was compared with, or NaN
     *         when the variant has no rates
     */
    public double observe(int variant, KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long nanos) {
        return observe(variant, kernel, dtype, d0, d1, d2, where, nanos, 1, false);
    }

    /**
     * Teaches the model one measured call, which stands for {@code calls} calls of its size class (a call measured at
     * random one in k stands for k): they advance the class's count, which paces its recomputations and explorations.
     *
     * @param forcedView whether the call was decided by a forced backend's view (see {@link #choose})
     * @return the modelled time (before correction) the measurement was compared with, or NaN when the variant has no
     *         rates
     */
    public double observe(int variant, KernelSpec kernel, DType dtype, long d0, long d1, long d2, Placement where, long nanos,
            int calls, boolean forcedView) {
        double bytes = kernel.cost().bytes(dtype.bytes(), d0, d1, d2);
        int b = bucket(bytes);
        int view = view(where);
        Slot s = view < 0 ? null : existing(slotIndex(kernel, dtype, view, forcedView, b));
        if (s != null) {
            s.calls += calls; // racy: a lost update delays a recomputation by a call
            if (s.calls - s.until >= 0) {
                s.decision = null; // due: the next call decides again (racy, as the count: the next measurement checks again)
            }
        }
        if (variant < 0 || rates[variant] == null) {
            return Double.NaN;
        }
        double base = baseNs(variant, kernel.cost().flops(d0, d1, d2), bytes, where);
        float ratio = (float) (Math.max(nanos, 1) / base);
        model(kernel, dtype).add(variant, b, Math.min(MAX_RATIO, Math.max(1 / MAX_RATIO, ratio)));
        return base;
    }

    /** Observations of (kernel, dtype, variant) per size class, and the correction there, for persistence. */
    public record Learned(String kernel, DType dtype, String variant, int bucket, float correction, int observations) {
    }

    /** Size classes observed fewer times than this are not persisted: their few calls were likely cold (interpreted) code. */
    static final int PERSIST_MIN_OBSERVATIONS = 2 * RING;

    /** Every size class with enough observations to be worth keeping across processes. */
    public synchronized List<Learned> learned() {
        List<Learned> out = new ArrayList<>();
        java.util.Set<String> seenHere = new java.util.HashSet<>();
        for (KernelModel km : kernels) {
            if (km == null) {
                continue;
            }
            seenHere.add(km.kernel.name() + "|" + km.dtype);
            for (Variant v : variants) {
                for (int b = 0; b < BUCKETS; b++) {
                    int seen = km.observations(v.index(), b);
                    float c = km.ownCorrection(v.index(), b);
                    if (seen >= PERSIST_MIN_OBSERVATIONS && c > 0 && Float.isFinite(c)) {
                        out.add(new Learned(km.kernel.name(), km.dtype, v.label(), b, c, seen));
                    }
                }
            }
        }
        // What an earlier process learned about kernels this one never called is kept as it was.
        preloaded.forEach((name, entries) -> {
            for (var e : entries) {
                ModelStore.LearnedKey k = e.getKey();
                if (!seenHere.contains(k.kernel() + "|" + k.dtype())) {
                    out.add(new Learned(k.kernel(), k.dtype(), k.variant(), k.bucket(), e.getValue()[0], (int) e.getValue()[1]));
                }
            }
        });
        return out;
    }

    private final java.util.Map<String, List<java.util.Map.Entry<ModelStore.LearnedKey, float[]>>> preloaded =
            new java.util.HashMap<>();

    /** What an earlier process learned, applied to each kernel when it is first seen (kernels are known by name only). */
    public synchronized void preload(java.util.Map<ModelStore.LearnedKey, float[]> learned) {
        learned.forEach((k, v) -> preloaded.computeIfAbsent(k.kernel(), x -> new ArrayList<>()).add(java.util.Map.entry(k, v)));
    }

    private KernelModel model(KernelSpec kernel, DType dtype) {
        int i = kernel.id() * 2 + dtype.ordinal();
        KernelModel[] ks = kernels;
        KernelModel km;
        if (i < ks.length && (km = ks[i]) != null) {
            return km;
        }
        return grow(kernel, dtype, i);
    }

    private synchronized KernelModel grow(KernelSpec kernel, DType dtype, int i) {
        KernelModel[] ks = kernels;
        if (i < ks.length && ks[i] != null) {
            return ks[i];
        }
        ks = Arrays.copyOf(ks, Math.max(ks.length, i + 1));
        KernelModel km = new KernelModel(kernel, dtype, variants.size());
        for (var e : preloaded.getOrDefault(kernel.name(), List.of())) {
            ModelStore.LearnedKey k = e.getKey();
            for (Variant v : variants) {
                if (k.dtype() == dtype && v.label().equals(k.variant())) {
                    // A full ring of the persisted correction: new observations replace it one by one.
                    for (int j = 0; j < RING; j++) {
                        km.add(v.index(), k.bucket(), Math.min(MAX_RATIO, Math.max(1 / MAX_RATIO, e.getValue()[0])));
                    }
                    int cell = v.index() * BUCKETS + k.bucket();
                    km.seen[cell] = Math.max(km.seen[cell], (int) e.getValue()[1]); // the ring is full: every entry is valid
                }
            }
        }
        ks[i] = km;
        kernels = ks;
        return km;
    }

    /** A cached decision, with what it was decided under and the calls that read it (fields together: one cache line). */
    static final class Slot {
        Decision decision; // while it holds, else null (see publish)
        long mask;
        int epoch;
        int calls;     // calls of this class so far, counted as they are measured
        int until;     // the count at which the class decides again
        int last;      // the count at the last decision
        int held = -1; // the variant of the last choice (not exploration), kept until another is clearly faster
        int burst;     // calls of an exploration burst still to run on explored
        Decision explored;
        int abandoned = -1; // the variant the choice last moved away from, while it is being rechecked
        int recheckAt;      // the count at which it is next
        int rechecks;       // rechecks and moves in a row since the last move that was news (each doubles the wait)
        int movedAt;        // the count at the last move
    }

    /** What the model knows of one kernel at one element type. */
    private static final class KernelModel {
        final KernelSpec kernel;
        final DType dtype;
        final float[] ring;   // [variant][bucket][RING] measured / modelled
        final int[] seen;     // [variant][bucket] observations ever
        final float[] low;    // [variant][bucket] the ring's correction, kept current by add
        final int[] lastSeen; // [variant][bucket] the tick of the last observation
        final long[] full;    // [variant] the size classes whose ring has filled (some may have gone stale since)
        int ticks;            // observations of this kernel and type (racy: an estimate)

        KernelModel(KernelSpec kernel, DType dtype, int variants) {
            this.kernel = kernel;
            this.dtype = dtype;
            this.ring = new float[variants * BUCKETS * RING];
            this.seen = new int[variants * BUCKETS];
            this.low = new float[variants * BUCKETS];
            this.lastSeen = new int[variants * BUCKETS];
            this.full = new long[variants];
        }

        void forget(int v) {
            Arrays.fill(seen, v * BUCKETS, (v + 1) * BUCKETS, 0);
            full[v] = 0;
        }

        void add(int v, int b, float ratio) {
            int i = v * BUCKETS + b;
            int tick = ++ticks;
            int n = tick - lastSeen[i] > STALE ? 0 : seen[i]; // a stale class starts over
            lastSeen[i] = tick;
            ring[i * RING + n % RING] = ratio;
            seen[i] = n + 1;
            low[i] = low(i, Math.min(n + 1, RING));
            if (n + 1 >= RING) {
                full[v] |= 1L << b;
            }
        }

        int observations(int v, int b) {
            int i = v * BUCKETS + b;
            return ticks - lastSeen[i] > STALE ? 0 : seen[i];
        }

        /** The class's correction as persisted: the second smallest of a full ring; a partial ring's smallest, at most 1. */
        float ownCorrection(int v, int b) {
            int n = observations(v, b);
            return n == 0 ? 1f : n < RING ? Math.min(1f, low[v * BUCKETS + b]) : low[v * BUCKETS + b];
        }

        /**
         * The correction a prediction uses. A class with a full ring uses its own. Otherwise what the nearest class with
         * a full ring learned stands (in full within a factor {@code 2^BORROW_FULL} in size, weakened beyond: raised to
         * the power BORROW_FULL / distance, since far sizes may run in another regime, launch- or memory-bound), else 1;
         * and the class's own few calls may only lower it: they may be cold code (the JIT compiles after thousands of
         * calls), which must not brand a variant slow, yet a few slow calls must not erase what its neighbour taught
         * either (one call 9x slower than modelled at a new size had made a variant look 9x faster than it was).
         * A kernel's vector form that is 5x slower than its model at one size usually is at the next, and a large
         * call, which runs few times, must not wait for its own observations to know it. Calls of
         * {@link #TRUST_OWN_NANOS} or more ({@code baseNs} times the correction) believe their own from the first.
         */
        float correction(int v, int b, double baseNs) {
            int own = observations(v, b);
            float mine = low[v * BUCKETS + b];
            if (own >= RING || own > 0 && mine * baseNs >= TRUST_OWN_NANOS) {
                return mine;
            }
            float prior = 1f;
            // The nearest class whose ring has filled, the smaller on a tie, skipping those gone stale: found among the
            // set bits around b (a walk over every class, at every decision, cost more than the rest of it).
            long m = full[v] & ~(1L << b);
            while (m != 0) {
                long below = m & ((1L << b) - 1);
                long above = m & (-2L << b);
                int lo = below == 0 ? -1 : 63 - Long.numberOfLeadingZeros(below);
                int hi = above == 0 ? -1 : Long.numberOfTrailingZeros(above);
                int o = lo >= 0 && (hi < 0 || b - lo <= hi - b) ? lo : hi;
                if (observations(v, o) >= RING) {
                    int d = Math.abs(o - b);
                    float c = low[v * BUCKETS + o];
                    prior = d <= BORROW_FULL ? c : (float) Math.pow(c, (double) BORROW_FULL / d);
                    break;
                }
                m &= ~(1L << o);
            }
            return own == 0 ? prior : Math.min(prior, mine);
        }

        /**
         * The second smallest of the first n ring entries; while fewer than RING, the smallest. One pass keeping the
         * two smallest, not a sort into a scratch array: a recording showed that array allocated on every measured
         * call (escape analysis cannot replace an array indexed by a loop variable).
         */
        private float low(int i, int n) {
            float first = Float.POSITIVE_INFINITY;
            float second = Float.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                float x = ring[i * RING + k];
                if (x < first) {
                    second = first;
                    first = x;
                } else if (x < second) {
                    second = x;
                }
            }
            return n < RING ? first : second;
        }
    }
}
