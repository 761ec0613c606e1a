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

    // @twin-begin F64
    /** The n/2 twiddles of an n-point forward FFT, interleaved (re, im); an inverse FFT conjugates them. */
    public static double[] f64(int n) {
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
    /** The n/2 twiddles of an n-point forward FFT, interleaved (re, im); an inverse FFT conjugates them. */
    public static float[] f32(int n) {
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
