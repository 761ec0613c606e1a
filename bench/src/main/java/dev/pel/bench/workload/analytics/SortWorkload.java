package dev.pel.bench.workload.analytics;

import dev.pel.bench.workload.KernelCall;
import dev.pel.kernels.Analytics;
import dev.pel.kernels.Catalogue;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * {@code Analytics.sort(keys, int[] values)}: a stable key-value sort of n keys with many duplicates
 * (multiples of 0.5 drawn from about n/2 values) and, one in 512, a special value (NaN with
 * different payloads, -0.0, 0.0, an infinity); values are the keys' original indices. Extents: (n).
 * Each call first restores the unsorted keys and values (two copies of n elements, which the time
 * includes: a sorted input would time another workload). Exact: the keys must be in
 * {@code Float.compare}/{@code Double.compare} order, every key must have the bits of the original
 * key its value names, the values must be a permutation, and equal keys must keep their input order
 * (increasing values), which together is what {@code Arrays.sort} plus stability gives.
 */
final class SortWorkload extends AnalyticsWorkload {

    SortWorkload() {
        super(Catalogue.SORT);
    }

    @Override
    public long[] extents(long n) {
        return new long[] {n, 1, 1};
    }

    @Override
    Instance prepareExtents(DType t, long[] e, long seed, String point) {
        int n = length("n", e[0]);
        SplittableRandom rng = new SplittableRandom(seed);
        int spread = Math.max(2, n / 4);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(512) == 0 ? special(rng) : rng.nextInt(-spread, spread) * 0.5;
        }
        Vec original = Vec.of(t, v);
        if (original.f32()) { // NaN payloads do not survive the double -> float conversion: set them in float
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(v[i])) {
                    original.f[i] = Float.intBitsToFloat(0x7fc00000 | rng.nextInt(1 << 22));
                }
            }
        }
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        Vec keys = original.copy();
        int[] values = new int[n];
        return new Instance() {
            @Override
            public KernelCall bind(PelRuntime runtime) {
                Analytics a = Analytics.on(runtime);
                keys.copyFrom(original); // unsorted, as the poison: a call that does nothing fails the check
                System.arraycopy(identity, 0, values, 0, n);
                if (keys.f32()) {
                    return () -> {
                        keys.copyFrom(original);
                        System.arraycopy(identity, 0, values, 0, n);
                        a.sort(keys.f, values);
                        return 0;
                    };
                }
                return () -> {
                    keys.copyFrom(original);
                    System.arraycopy(identity, 0, values, 0, n);
                    a.sort(keys.d, values);
                    return 0;
                };
            }

            @Override
            public void verify(double result, String who) {
                Worst w = new Worst(who, point);
                BitSet seen = new BitSet(n);
                for (int i = 0; i < n; i++) {
                    int from = values[i];
                    if (from < 0 || from >= n || seen.get(from)) {
                        w.exact(false, "values", i, Integer.toString(from), "an index of [0, n) not seen before");
                        continue;
                    }
                    seen.set(from);
                    w.exact(keys.bits(i) == original.bits(from), "keys", i, str(keys, i), str(original, from)
                            + " (the key at values[" + i + "] = " + from + ")");
                    if (i > 0) {
                        int c = keys.f32() ? Float.compare(keys.f[i - 1], keys.f[i]) : Double.compare(keys.d[i - 1], keys.d[i]);
                        w.exact(c < 0 || c == 0 && values[i - 1] < from, "keys", i, str(keys, i) + " (value " + from + ")",
                                "not before keys[" + (i - 1) + "] = " + str(keys, i - 1) + " (value " + values[i - 1]
                                        + "): sorted and stable");
                    }
                }
                w.done();
            }
        };
    }

    private static double special(SplittableRandom rng) {
        return switch (rng.nextInt(5)) {
            case 0 -> Double.longBitsToDouble(0x7ff8000000000000L | rng.nextLong(1L << 51));
            case 1 -> -0.0;
            case 2 -> 0.0;
            case 3 -> Double.POSITIVE_INFINITY;
            default -> Double.NEGATIVE_INFINITY;
        };
    }

    private static String str(Vec v, int i) {
        return v.f32() ? v.f[i] + " (0x" + Integer.toHexString(Float.floatToRawIntBits(v.f[i])) + ")"
                : v.d[i] + " (0x" + Long.toHexString(Double.doubleToRawLongBits(v.d[i])) + ")";
    }
}
