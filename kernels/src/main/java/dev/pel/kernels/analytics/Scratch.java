package dev.pel.kernels.analytics;

import java.lang.ref.SoftReference;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * A work array of one role, kept per thread from call to call. A key-value sort of n doubles needs
 * about 36n bytes of work arrays, an FFT of n points 16n; allocated per call, they cost more than the
 * kernel where touching fresh memory is slow (2.7 ms per MiB on a VM: a 16M-key sort took 0.84 s in
 * one process and 2.1 s in another, as the heap happened to hand out touched or fresh pages). Held
 * softly, so the collector takes them back under memory pressure. The array handed out may be longer
 * than asked and holds the values of an earlier call: users write before they read and bound their
 * loops by n.
 *
 * <p>Roles in use at the same time must differ. The sort kernels use {@link #KEYS}, {@link #KEYS_SWAP}
 * and {@link #PERM_SWAP}; the facade's sort holds its permutation in {@link #PERMUTATION} across the
 * kernel, then copies values in the kernel's roles or in {@link #VALUES_F64} and {@link #VALUES_F32},
 * which also hold the FFT kernels' work array of 2n values.
 */
public final class Scratch<A> {
    /**
     * An array larger than this is handed out but not kept: a few of them would crowd the application's heap.
     * (Declared before the roles, which read it as they are made.)
     */
    static final long MAX_KEPT_BYTES = Runtime.getRuntime().maxMemory() / 16;

    public static final Scratch<long[]> KEYS = new Scratch<>(long[]::new, a -> a.length, Long.BYTES);
    public static final Scratch<long[]> KEYS_SWAP = new Scratch<>(long[]::new, a -> a.length, Long.BYTES);
    public static final Scratch<int[]> PERM_SWAP = new Scratch<>(int[]::new, a -> a.length, Integer.BYTES);
    public static final Scratch<int[]> PERMUTATION = new Scratch<>(int[]::new, a -> a.length, Integer.BYTES);
    public static final Scratch<double[]> VALUES_F64 = new Scratch<>(double[]::new, a -> a.length, Double.BYTES);
    public static final Scratch<float[]> VALUES_F32 = new Scratch<>(float[]::new, a -> a.length, Float.BYTES);

    private final ThreadLocal<SoftReference<A>> held = new ThreadLocal<>();
    private final IntFunction<A> allocate;
    private final ToIntFunction<A> length;
    private final int elementBytes;
    private final long maxKeptBytes;

    private Scratch(IntFunction<A> allocate, ToIntFunction<A> length, int elementBytes) {
        this(allocate, length, elementBytes, MAX_KEPT_BYTES);
    }

    Scratch(IntFunction<A> allocate, ToIntFunction<A> length, int elementBytes, long maxKeptBytes) {
        this.allocate = allocate;
        this.length = length;
        this.elementBytes = elementBytes;
        this.maxKeptBytes = maxKeptBytes;
    }

    /** This thread's array of this role, at least {@code n} long. */
    public A get(int n) {
        SoftReference<A> r = held.get();
        A a = r == null ? null : r.get();
        if (a == null || length.applyAsInt(a) < n) {
            a = allocate.apply(n);
            if ((long) n * elementBytes <= maxKeptBytes) {
                held.set(new SoftReference<>(a));
            }
        }
        return a;
    }
}
