package dev.pel.kernels.analytics;

/**
 * FFT twiddle factors w_k = exp(-2 pi i k / n) for k &lt; n/2, interleaved (re, im), computed in double
 * from the exact fraction k/n (reduced to the first octant so cos and sin see small arguments) and
 * rounded once to the element type. Every backend uses these same tables.
 */
public final class Twiddles {
    private Twiddles() {
    }

    /** cos and sin of 2 pi k / n in double, through the octant symmetries (k &lt; n/2). */
    static void exact(int n, int k, /*wide*/double[] cs) {
        // angle = 2 pi k / n in [0, pi); fold to [0, pi/4] using exact integer arithmetic on 8k vs n.
        long k8 = 8L * k;
        /*wide*/double c;
        /*wide*/double s;
        if (k8 <= n) { // [0, pi/4]
            /*wide*/double a = 2 * Math.PI * k / n;
            c = Math.cos(a);
            s = Math.sin(a);
        } else if (k8 <= 2L * n) { // (pi/4, pi/2]: a = pi/2 - b
            /*wide*/double b = 2 * Math.PI * (n - 4L * k) / (4.0 * n);
            c = Math.sin(b);
            s = Math.cos(b);
        } else if (k8 <= 3L * n) { // (pi/2, 3pi/4]: a = pi/2 + b
            /*wide*/double b = 2 * Math.PI * (4L * k - n) / (4.0 * n);
            c = -Math.sin(b);
            s = Math.cos(b);
        } else { // (3pi/4, pi): a = pi - b
            /*wide*/double b = 2 * Math.PI * (n - 2L * k) / (2.0 * n);
            c = -Math.cos(b);
            s = Math.sin(b);
        }
        cs[0] = c;
        cs[1] = s;
    }

    /** Tables kept per element type: the last few sizes, so repeated transforms skip n/2 cos and sin. */
    private static final int CACHED_SIZES = 4;

    private static <T> java.util.Map<Integer, T> lru() {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Integer, T> eldest) {
                return size() > CACHED_SIZES;
            }
        });
    }

    // @twin-begin F64
    private static final java.util.Map<Integer, double[]> CACHE_F64 = lru();

    /**
     * The n/2 twiddles of an n-point forward FFT, interleaved (re, im); an inverse FFT conjugates them.
     * The array is shared (cached): callers must not write to it.
     */
    public static double[] f64(int n) {
        double[] w = CACHE_F64.get(n);
        if (w == null) {
            w = computeF64(n);
            CACHE_F64.put(n, w);
        }
        return w;
    }

    private static double[] computeF64(int n) {
        double[] w = new double[Math.max(2, n)];
        /*wide*/double[] cs = new /*wide*/double[2];
        for (int k = 0; k < n / 2; k++) {
            exact(n, k, cs);
            w[2 * k] = (double) cs[0];
            w[2 * k + 1] = (double) -cs[1];
        }
        return w;
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private static final java.util.Map<Integer, float[]> CACHE_F32 = lru();

    /**
     * The n/2 twiddles of an n-point forward FFT, interleaved (re, im); an inverse FFT conjugates them.
     * The array is shared (cached): callers must not write to it.
     */
    public static float[] f32(int n) {
        float[] w = CACHE_F32.get(n);
        if (w == null) {
            w = computeF32(n);
            CACHE_F32.put(n, w);
        }
        return w;
    }

    private static float[] computeF32(int n) {
        float[] w = new float[Math.max(2, n)];
        /*wide*/double[] cs = new /*wide*/double[2];
        for (int k = 0; k < n / 2; k++) {
            exact(n, k, cs);
            w[2 * k] = (float) cs[0];
            w[2 * k + 1] = (float) -cs[1];
        }
        return w;
    }
    // @twin-end
}
